#pragma once

#include "core/domain/Result.h"

#include <QByteArray>

#include <mutex>
#include <optional>

namespace mado {

// Makes the spool's write-ahead log durable: fdatasync on the "-wal" file, through a descriptor
// of its own. The group commit (SpoolWriter) commits with synchronous=NORMAL, which writes the
// log without syncing it, and calls sync() after it has handed the writer role on, so that the
// next batch is written while this one is synced; nobody of a batch hears of success before its
// sync() returned. fdatasync flushes everything written to the file before the call, from any
// descriptor. If the log file was replaced meanwhile (only SQLite's last connection removes it),
// the new one is opened and synced. Fail-stop: syncs run one at a time, and once one has failed
// every later sync() fails too (after a failed fdatasync Linux may have dropped the pages and a
// later call can succeed without them, so nothing may be reported durable any more until the
// receiver restarts and SQLite recovers the log). Thread-safe.
class WalSync {
public:
    // walPath: the log's file name as SQLite uses it (sqlite3_filename_wal), in the file system's encoding.
    explicit WalSync(QByteArray walPath);
    ~WalSync();
    WalSync(const WalSync &) = delete;
    WalSync &operator=(const WalSync &) = delete;

    Status sync();
    // True once a sync has failed.
    bool failed() const;

private:
    Status reopen(); // under m_mutex

    QByteArray m_path;
    mutable std::mutex m_mutex; // held during the sync too
    int m_fd = -1;
    std::optional<Error> m_failure; // the first failure, sticky
};

} // namespace mado
