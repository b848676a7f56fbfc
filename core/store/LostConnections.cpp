#include "core/store/LostConnections.h"

#include <QMutex>
#include <QSet>

namespace mado {

namespace {
QMutex g_mutex;
QSet<const QSqlDriver *> g_lost;
} // namespace

bool LostConnections::isLoss(const QSqlError &error)
{
    if (error.type() == QSqlError::NoError)
        return false;
    const QString state = error.nativeErrorCode();
    // 08xxx connection exceptions; 57P01 admin_shutdown (pg_terminate_backend), 57P02 crash_shutdown,
    // 57P03 cannot_connect_now.
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P0")))
        return true;
    const QString text = error.databaseText() + QLatin1Char(' ') + error.driverText();
    return text.contains(QLatin1String("server closed the connection")) ||
           text.contains(QLatin1String("no connection to the server")) ||
           text.contains(QLatin1String("terminating connection")) ||
           text.contains(QLatin1String("connection to server was lost")) ||
           error.type() == QSqlError::ConnectionError;
}

Error LostConnections::error(const QString &detail)
{
    return Error{ErrorCode::StoreConnectionLost,
                 QStringLiteral("the connection to the store's server was lost (%1); the server rolled back "
                                "what was not committed, the next call reconnects")
                     .arg(detail)};
}

void LostConnections::mark(const QSqlDriver *driver)
{
    const QMutexLocker lock(&g_mutex);
    g_lost.insert(driver);
}

bool LostConnections::take(const QSqlDriver *driver)
{
    const QMutexLocker lock(&g_mutex);
    return g_lost.remove(driver);
}

} // namespace mado
