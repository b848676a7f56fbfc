#pragma once

#include "core/domain/Result.h"
#include "core/store/StoreAddress.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace mado {

// Hands out one QSqlDatabase per thread for one store (Qt connections must not cross
// threads). Each connection is named "<store>-<thread serial>" (a serial never reused, unlike
// thread ids, so a new thread can never be handed a dead thread's connection). A SQLite file is
// opened (QSQLITE) with foreign_keys=ON, secure_delete, WAL journal and a busy timeout, so
// concurrent writers wait instead of failing; a PostgreSQL database (QPSQL) with the address's
// libpq parameters (TLS), the password from the password file (StoreAddress::readPassword) or
// libpq's PGPASSFILE, the UTC time zone and a lock timeout of busyTimeoutMs.
// A thread's connections are closed when the thread ends (thread-pool threads come and go all
// day), or earlier with closeForThisThread(). Any thread. Failures to open become Error{Database}.
class StoreConnections {
public:
    explicit StoreConnections(StoreAddress address, int busyTimeoutMs = 10000);
    ~StoreConnections();
    StoreConnections(const StoreConnections &) = delete;
    StoreConnections &operator=(const StoreConnections &) = delete;

    // The SQLite file (empty on PostgreSQL).
    const QString &path() const { return m_address.path(); }
    const StoreAddress &address() const { return m_address; }
    bool isPostgresql() const { return m_address.isPostgresql(); }
    // The calling thread's connection, opened on first use, and opened again after the server ended
    // it (a statement failed with StoreConnectionLost, LostConnections): the next call reconnects.
    Result<QSqlDatabase> database();
    void closeForThisThread();

private:
    struct Names {
        QMutex mutex;
        QStringList open;
    };
    class ThreadExit;
    QString connectionName() const;
    static void close(const QString &name, bool ownThread);

    Result<QSqlDatabase> openSqlite(QSqlDatabase db);
    Result<QSqlDatabase> openPostgresql(QSqlDatabase db);

    StoreAddress m_address;
    int m_busyTimeoutMs;
    QString m_prefix;
    // Shared with the threads' exit hooks, which may outlive this object.
    std::shared_ptr<Names> m_names;
};

} // namespace mado
