#pragma once

#include "core/domain/Result.h"

#include <QMap>
#include <QString>

namespace mado {

// Where a case store is, parsed from a store argument (--store, $MADOGUCHI_STORE, the
// workstation's setting): a SQLite file or a PostgreSQL database.
// - "sqlite:/path/store.sqlite", "sqlite:relative.sqlite" or a plain path: a SQLite file;
// - "postgresql://user@host[:port]/db?sslmode=verify-full&sslrootcert=/etc/…/ca.crt" (also
//   "postgres://"): a PostgreSQL database. Allowed parameters are the libpq keywords listed in
//   kPostgresParameters (host=/socket/dir for a unix socket). A password in the URL is refused
//   (it would show in `ps` and shell history): it comes from the password file (passwordFile(),
//   else $MADOGUCHI_STORE_PASSWORD_FILE), else libpq's PGPASSFILE / ~/.pgpass;
// - any other "scheme:" is an InvalidArgument error naming the schemes understood (a one-letter
//   scheme is a Windows drive, so "C:\store.sqlite" is a path).
// A value type; any thread.
class StoreAddress {
public:
    enum class Backend { Sqlite, Postgresql };
    static constexpr const char *kPostgresParameters[] = {"host",
                                                          "sslmode",
                                                          "sslrootcert",
                                                          "sslcert",
                                                          "sslkey",
                                                          "sslcrl",
                                                          "connect_timeout",
                                                          "application_name",
                                                          "target_session_attrs"};

    static Result<StoreAddress> parse(const QString &text);
    // A SQLite file, taken as it is (no scheme parsing).
    static StoreAddress sqliteFile(const QString &path);
    // The file libpq reads the password from when no password file is given: $PGPASSFILE, else ~/.pgpass.
    static QString libpqPasswordFile();

    Backend backend() const { return m_backend; }
    bool isPostgresql() const { return m_backend == Backend::Postgresql; }
    // The SQLite file (empty for PostgreSQL).
    const QString &path() const { return m_path; }
    const QString &host() const { return m_host; } // empty: libpq's default (a unix socket)
    int port() const { return m_port; }            // 0: libpq's default (5432)
    const QString &database() const { return m_database; }
    const QString &user() const { return m_user; }
    // The libpq parameters given in the URL (sslmode, sslrootcert, host for a socket dir …).
    const QMap<QString, QString> &parameters() const { return m_parameters; }
    QString parameter(const QString &name) const { return m_parameters.value(name); }

    // The password file given by the program (--store-password-file, a setting); else
    // $MADOGUCHI_STORE_PASSWORD_FILE; empty: libpq's own lookup.
    QString passwordFile() const;
    void setPasswordFile(const QString &file) { m_passwordFile = file; }
    // The password from passwordFile() (first line; the file must not be readable by others,
    // KeyFileCheck); an empty string when there is no password file.
    Result<QString> readPassword() const;

    // The libpq keyword list for QPSQL's setConnectOptions ("sslmode=verify-full;…").
    QString connectOptions() const;
    // The whole address as a libpq connection string for PostgreSQL's client programs
    // ("host=… port=… dbname=… user=… sslmode=…"), never with a password.
    QString libpqConnectionString() const;
    // The address for messages: the path, or the URL without any secret.
    QString display() const;
    // A name for files kept per store on this machine (the key file of a PostgreSQL store):
    // "<host or local>-<port>-<database>".
    QString localName() const;

private:
    static Result<StoreAddress> parsePostgresql(const QString &text);

    Backend m_backend = Backend::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = 0;
    QString m_database;
    QString m_user;
    QMap<QString, QString> m_parameters;
    QString m_passwordFile;
};

} // namespace mado
