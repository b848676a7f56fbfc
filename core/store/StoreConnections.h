#pragma once

#include "core/Result.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace mado {

// Hands out one QSqlDatabase per thread for one store file (Qt connections must not cross
// threads). Each connection is named "<store>-<thread>" and opened with foreign_keys=ON, WAL
// journal and a busy timeout, so concurrent writers wait instead of failing. Any thread; a thread
// that ends should call closeForThisThread() first. Failures to open become Error{Database}.
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
    QString connectionName() const;

    QString m_path;
    int m_busyTimeoutMs;
    QString m_prefix;
    QMutex m_mutex;
    QStringList m_names;
};

} // namespace mado
