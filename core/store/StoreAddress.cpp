#include "core/store/StoreAddress.h"

#include "core/crypto/KeyFileCheck.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <iterator>

namespace mado {

namespace {

const QStringList kSslModes{QStringLiteral("disable"), QStringLiteral("allow"),     QStringLiteral("prefer"),
                            QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

bool allowedParameter(const QString &name)
{
    return std::any_of(std::begin(StoreAddress::kPostgresParameters), std::end(StoreAddress::kPostgresParameters),
                       [&](const char *allowed) { return name == QLatin1String(allowed); });
}

// libpq quotes values with spaces or quotes in single quotes, backslash-escaped.
QString libpqValue(const QString &value)
{
    if (!value.isEmpty() && !value.contains(QLatin1Char(' ')) && !value.contains(QLatin1Char('\'')) &&
        !value.contains(QLatin1Char('\\')) && !value.contains(QLatin1Char(';')))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

Result<StoreAddress> StoreAddress::parse(const QString &text)
{
    if (text.isEmpty())
        return invalid(QStringLiteral("the store address is empty"));
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*):"));
    const auto match = scheme.match(text);
    StoreAddress address;
    if (!match.hasMatch() || match.captured(1).size() == 1) { // a path (one letter: a Windows drive)
        address.m_path = text;
        return address;
    }
    const QString name = match.captured(1).toLower();
    if (name == QLatin1String("sqlite")) {
        QString path = text.mid(match.capturedLength());
        if (path.startsWith(QLatin1String("///")))
            path.remove(0, 2); // sqlite:///abs/path
        if (path.isEmpty())
            return invalid(QStringLiteral("the store address 'sqlite:' names no file"));
        address.m_path = path;
        return address;
    }
    if (name == QLatin1String("postgresql") || name == QLatin1String("postgres"))
        return parsePostgresql(text);
    return invalid(QStringLiteral("the store address has the unknown scheme '%1:'; use a file path, sqlite:PATH or "
                                  "postgresql://USER@HOST[:PORT]/DATABASE")
                       .arg(match.captured(1)));
}

StoreAddress StoreAddress::sqliteFile(const QString &path)
{
    StoreAddress address;
    address.m_path = path;
    return address;
}

Result<StoreAddress> StoreAddress::parsePostgresql(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(QStringLiteral("the store URL is not a valid URL: %1").arg(url.errorString()));
    if (!url.password().isEmpty() || text.contains(QRegularExpression(QStringLiteral("^[^/]*//[^/@]*:[^/@]*@"))))
        return invalid(QStringLiteral("the store URL holds a password; give it in a password file instead "
                                      "(--store-password-file, MADOGUCHI_STORE_PASSWORD_FILE or PGPASSFILE)"));
    StoreAddress address;
    address.m_backend = Backend::Postgresql;
    address.m_host = url.host();
    address.m_port = std::max(0, url.port());
    address.m_user = url.userName();
    QString database = url.path();
    if (database.startsWith(QLatin1Char('/')))
        database.remove(0, 1);
    if (database.isEmpty() || database.contains(QLatin1Char('/')))
        return invalid(QStringLiteral("the store URL names no database (postgresql://USER@HOST[:PORT]/DATABASE)"));
    address.m_database = database;
    if (address.m_user.isEmpty())
        return invalid(QStringLiteral("the store URL names no user (postgresql://USER@HOST[:PORT]/DATABASE)"));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("password"))
            return invalid(QStringLiteral("the store URL holds a password; give it in a password file instead "
                                          "(--store-password-file, MADOGUCHI_STORE_PASSWORD_FILE or PGPASSFILE)"));
        if (!allowedParameter(key))
            return invalid(QStringLiteral("the store URL has the unknown parameter '%1'").arg(key));
        address.m_parameters.insert(key, value);
    }
    if (address.m_host.isEmpty()) // ?host=/run/postgresql: a unix socket directory
        address.m_host = address.parameter(QStringLiteral("host"));
    const QString sslmode = address.parameter(QStringLiteral("sslmode"));
    if (!sslmode.isEmpty() && !kSslModes.contains(sslmode))
        return invalid(QStringLiteral("the store URL's sslmode '%1' is none of %2")
                           .arg(sslmode, kSslModes.join(QStringLiteral(", "))));
    const QString rootCert = address.parameter(QStringLiteral("sslrootcert"));
    if (!rootCert.isEmpty() && rootCert != QLatin1String("system") && !QFile::exists(rootCert))
        return invalid(QStringLiteral("the store URL's sslrootcert '%1' does not exist").arg(rootCert));
    return address;
}

QString StoreAddress::libpqPasswordFile()
{
    const QString configured = qEnvironmentVariable("PGPASSFILE");
    return configured.isEmpty() ? QDir::homePath() + QStringLiteral("/.pgpass") : configured;
}

QString StoreAddress::passwordFile() const
{
    return m_passwordFile.isEmpty() ? qEnvironmentVariable("MADOGUCHI_STORE_PASSWORD_FILE") : m_passwordFile;
}

Result<QString> StoreAddress::readPassword() const
{
    const QString file = passwordFile();
    if (file.isEmpty())
        return QString();
    if (Status secret = KeyFileCheck::check(QStringLiteral("store password file"), file); !secret)
        return secret.error();
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io,
                     QStringLiteral("cannot read the store password file '%1': %2").arg(file, in.errorString())};
    const QString password = QString::fromUtf8(in.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    if (password.isEmpty())
        return invalid(QStringLiteral("the store password file '%1' is empty").arg(file));
    return password;
}

QString StoreAddress::connectOptions() const
{
    QStringList options;
    for (auto it = m_parameters.cbegin(); it != m_parameters.cend(); ++it) {
        if (it.key() != QLatin1String("host")) // a socket directory is the host name
            options << it.key() + QLatin1Char('=') + libpqValue(it.value());
    }
    if (!m_parameters.contains(QStringLiteral("application_name")))
        options << QStringLiteral("application_name=madoguchi");
    return options.join(QLatin1Char(';'));
}

QString StoreAddress::libpqConnectionString() const
{
    QStringList words;
    if (!m_host.isEmpty())
        words << QStringLiteral("host=") + libpqValue(m_host);
    if (m_port > 0)
        words << QStringLiteral("port=%1").arg(m_port);
    words << QStringLiteral("dbname=") + libpqValue(m_database);
    if (!m_user.isEmpty())
        words << QStringLiteral("user=") + libpqValue(m_user);
    for (auto it = m_parameters.cbegin(); it != m_parameters.cend(); ++it) {
        if (it.key() != QLatin1String("host"))
            words << it.key() + QLatin1Char('=') + libpqValue(it.value());
    }
    return words.join(QLatin1Char(' '));
}

QString StoreAddress::display() const
{
    if (!isPostgresql())
        return m_path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(m_user);
    if (!m_host.startsWith(QLatin1Char('/')))
        url.setHost(m_host);
    if (m_port > 0)
        url.setPort(m_port);
    url.setPath(QLatin1Char('/') + m_database);
    QUrlQuery query;
    for (auto it = m_parameters.cbegin(); it != m_parameters.cend(); ++it)
        query.addQueryItem(it.key(), it.value());
    url.setQuery(query);
    return url.toString();
}

QString StoreAddress::localName() const
{
    QString host = m_host.isEmpty() ? QStringLiteral("local") : m_host;
    host.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.-]")), QStringLiteral("_"));
    QString database = m_database;
    database.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QStringLiteral("%1-%2-%3").arg(host).arg(m_port > 0 ? m_port : 5432).arg(database);
}

} // namespace mado
