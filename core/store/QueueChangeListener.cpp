#include "core/store/QueueChangeListener.h"

#include "core/store/LostConnections.h"
#include "core/store/Sql.h"
#include "core/store/StoreConnections.h"

#include <QSqlError>

namespace mado {

QueueChangeListener::QueueChangeListener(const StoreAddress &address, QueueChanges::Options options)
    : m_address(address), m_options(options), m_timer(this), m_coalesce(this)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(m_options.coalesceMs);
    QObject::connect(&m_coalesce, &QTimer::timeout, this, &QueueChangeListener::changed);
    m_timer.setInterval(m_address.isPostgresql() ? m_options.retryMs : m_options.pollMs);
    QObject::connect(&m_timer, &QTimer::timeout, this, &QueueChangeListener::tick);
}

QueueChangeListener::~QueueChangeListener() = default;

void QueueChangeListener::start()
{
    m_connections = std::make_unique<StoreConnections>(m_address);
    (void)connect(); // a failure was reported by lost(); the timer retries
    m_timer.start();
}

void QueueChangeListener::stop()
{
    m_timer.stop();
    m_coalesce.stop();
    m_connected = false;
    m_db = QSqlDatabase();
    m_connections.reset(); // closes this thread's connection
}

Status QueueChangeListener::connect()
{
    auto db = m_connections->database();
    if (!db) {
        Q_EMIT lost(db.error());
        return db.error();
    }
    if (m_address.isPostgresql()) {
        QSqlDriver *driver = db.value().driver();
        QObject::connect(driver, &QSqlDriver::notification, this, &QueueChangeListener::onNotification,
                         Qt::UniqueConnection);
        if (!driver->subscribedToNotifications().contains(QLatin1String(QueueChanges::kChannel)) &&
            !driver->subscribeToNotification(QLatin1String(QueueChanges::kChannel))) {
            const Error error{ErrorCode::Database, QStringLiteral("cannot LISTEN for queue changes: ") +
                                                       driver->lastError().text().simplified()};
            disconnect(error);
            return error;
        }
    } else {
        auto version = Sql::scalar(db.value(), QStringLiteral("PRAGMA data_version"));
        if (!version) {
            disconnect(version.error());
            return version.error();
        }
        m_dataVersion = version.value().toLongLong();
    }
    m_db = db.value();
    m_connected = true;
    Q_EMIT watching();
    return {};
}

void QueueChangeListener::disconnect(const Error &why)
{
    m_connected = false;
    m_db = QSqlDatabase();
    m_connections->closeForThisThread(); // the next connect() opens (and subscribes) a new one
    Q_EMIT lost(why);
}

void QueueChangeListener::tick()
{
    if (!m_connected) {
        if (connect().ok())
            noticed(); // what happened while the connection was lost was not seen
        return;
    }
    // The connection LISTENing, never one reopened behind its back (a new session listens to nothing).
    if (!m_db.isOpen()) {
        disconnect(LostConnections::error(QStringLiteral("the watch for queue changes")));
        return;
    }
    if (m_address.isPostgresql()) {
        // Notifications arrive on their own; this only finds a connection the server has closed.
        if (auto alive = Sql::run(m_db, QStringLiteral("SELECT 1")); !alive)
            disconnect(alive.error());
        return;
    }
    auto version = Sql::scalar(m_db, QStringLiteral("PRAGMA data_version"));
    if (!version) {
        disconnect(version.error());
        return;
    }
    if (version.value().toLongLong() != m_dataVersion) {
        m_dataVersion = version.value().toLongLong();
        noticed();
    }
}

void QueueChangeListener::noticed()
{
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void QueueChangeListener::onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &)
{
    if (name == QLatin1String(QueueChanges::kChannel))
        noticed();
}

} // namespace mado
