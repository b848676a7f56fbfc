#pragma once

#include "core/domain/Result.h"
#include "core/store/QueueChanges.h"
#include "core/store/StoreAddress.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTimer>

#include <memory>

namespace mado {

class StoreConnections;

// QueueChanges' worker, in QueueChanges' thread: owns the watching connection (a StoreConnections
// of its own, so never a connection that runs transactions), LISTENs (PostgreSQL) or polls
// data_version (SQLite), checks the connection every retryMs and reopens it when lost, and
// coalesces what it sees into changed(). Created and destroyed by QueueChanges only.
class QueueChangeListener : public QObject {
    Q_OBJECT

public:
    QueueChangeListener(const StoreAddress &address, QueueChanges::Options options);
    ~QueueChangeListener() override;

    // In the listener's thread: opens the connection and starts watching.
    void start();
    // In the listener's thread: closes the connection (before the thread ends).
    void stop();

Q_SIGNALS:
    void changed();
    void watching();
    void lost(const mado::Error &error);

private:
    void tick();
    Status connect();
    void disconnect(const Error &why);
    void noticed();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    StoreAddress m_address;
    QueueChanges::Options m_options;
    std::unique_ptr<StoreConnections> m_connections;
    QSqlDatabase m_db; // the watching connection while connected
    QTimer m_timer;    // SQLite: poll; PostgreSQL: liveness and reconnect
    QTimer m_coalesce; // single shot: one changed() for a burst
    bool m_connected = false;
    qint64 m_dataVersion = -1;
};

} // namespace mado
