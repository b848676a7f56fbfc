#pragma once

#include "core/domain/Result.h"
#include "core/store/StoreAddress.h"

#include <QString>
#include <QStringList>

namespace mado {

// Runs PostgreSQL's client programs (pg_dump, pg_restore, psql) against a store address. The
// program is looked up in $MADOGUCHI_PG_BINDIR when set (only there), else on PATH, else in
// /usr/lib/postgresql/<newest>/bin. The connection goes on the command line as a libpq
// connection string without any password; a password from the address's password file is handed
// over in a private PGPASSFILE (a 0600 file in a 0700 temporary folder, removed afterwards), never
// as an argument or PGPASSWORD; without one, libpq's own PGPASSFILE / ~/.pgpass apply.
// Any thread; blocks until the program ends. Error{NotFound} when the program is not installed,
// Error{Io} when it fails (its message, which names no password, is kept).
class PostgresClient {
public:
    struct Figures {
        qint64 bytes = 0;
        qint64 milliseconds = 0;
    };

    // The program's path, or empty when it is not installed.
    static QString program(const QString &name);
    // Runs `name arguments… --no-password --dbname=CONNECTION`; returns its standard output.
    static Result<QByteArray> run(const StoreAddress &address, const QString &name, const QStringList &arguments,
                                  int timeoutMs = 3600 * 1000);
    // pg_dump in its custom format into targetPath (never overwritten; removed again on failure).
    static Result<Figures> dump(const StoreAddress &address, const QString &targetPath);
    // The command to run by hand when pg_dump is missing (no password in it).
    static QString dumpCommand(const StoreAddress &address, const QString &targetPath);
};

} // namespace mado
