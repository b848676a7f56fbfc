#pragma once

#include "core/domain/Result.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace mado {

// Hands out one QSqlDatabase per thread for one store file (Qt connections must not cross
// threads). Each connection is named "<store>-<thread serial>" (a serial never reused, unlike
// thread ids, so a new thread can never be handed a dead thread's connection) and opened with
// foreign_keys=ON, WAL journal and a busy timeout, so concurrent writers wait instead of failing.
// A thread's connections are closed when the thread ends (thread-pool threads come and go all
// day), or earlier with closeForThisThread(). Any thread. Failures to open become Error{Database}.
class StoreConnections {
public:
    explicit StoreConnections(QString path, int busyTimeoutMs = 10000);
    ~StoreConnections();
    StoreConnections(const StoreConnections &) = delete;
    StoreConnections &operator=(const StoreConnections &) = delete;

    const QString &path() const { return m_path; }
    // The calling thread's connection, opened on first use.
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

    QString m_path;
    int m_busyTimeoutMs;
    QString m_prefix;
    // Shared with the threads' exit hooks, which may outlive this object.
    std::shared_ptr<Names> m_names;
};

} // namespace mado
