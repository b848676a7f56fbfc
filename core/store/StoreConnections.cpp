#include "core/store/StoreConnections.h"

#include "core/store/Sql.h"

#include <QSqlError>
#include <QThread>

#include <atomic>

namespace mado {

namespace {
std::atomic<int> g_instances{0};
}

StoreConnections::StoreConnections(QString path, int busyTimeoutMs)
    : m_path(std::move(path)), m_busyTimeoutMs(busyTimeoutMs),
      m_prefix(QStringLiteral("mado-store-%1").arg(++g_instances))
{
}

StoreConnections::~StoreConnections()
{
    const QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_names)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString StoreConnections::connectionName() const
{
    return m_prefix + QLatin1Char('-') + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
}

Result<QSqlDatabase> StoreConnections::database()
{
    const QString name = connectionName();
    {
        const QMutexLocker lock(&m_mutex);
        if (m_names.contains(name)) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                return db;
        } else {
            m_names.append(name);
        }
    }
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                   : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!db.open())
        return Error{ErrorCode::Database, QStringLiteral("cannot open the store: ") + db.lastError().text()};
    auto foreignKeys = Sql::run(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!foreignKeys)
        return foreignKeys.error();
    auto journal = Sql::scalar(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!journal)
        return journal.error();
    if (journal.value().toString().toLower() != QLatin1String("wal"))
        return Error{ErrorCode::Database, QStringLiteral("the store refused WAL journal mode")};
    return db;
}

void StoreConnections::closeForThisThread()
{
    const QString name = connectionName();
    const QMutexLocker lock(&m_mutex);
    if (!m_names.removeOne(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace mado
