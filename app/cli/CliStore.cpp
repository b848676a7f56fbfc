#include "app/cli/CliStore.h"

#include "core/security/UserDirectory.h"
#include "core/store/StoreLocation.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <iostream>
#include <string>

namespace mado::cli {

QCommandLineOption CliStore::storeOption()
{
    return QCommandLineOption(
        QStringLiteral("store"),
        QStringLiteral("The case store: a file, sqlite:FILE or postgresql://USER@HOST[:PORT]/DB[?sslmode=...] (else "
                       "$MADOGUCHI_STORE, else %1).")
            .arg(StoreLocation::defaultPath()),
        QStringLiteral("STORE"));
}

QCommandLineOption CliStore::passwordFileOption()
{
    return QCommandLineOption(QStringLiteral("store-password-file"),
                              QStringLiteral("The file with the PostgreSQL store's password (else "
                                             "$MADOGUCHI_STORE_PASSWORD_FILE, else libpq's PGPASSFILE or ~/.pgpass)."),
                              QStringLiteral("FILE"));
}

QCommandLineOption CliStore::asOption(const QString &who)
{
    return QCommandLineOption(QStringLiteral("as"),
                              QStringLiteral("Act as %1 (the password is read from standard input).").arg(who),
                              QStringLiteral("LOGIN"));
}

CliStore::CliStore(const QString &storeOptionValue, const QString &actingLogin)
    : m_path(StoreLocation::resolve(storeOptionValue)), m_as(actingLogin)
{
}

CaseStore *CliStore::open(CliStreams streams, bool create)
{
    if (!create) {
        if (Status there = StoreLocation::requireExisting(m_path); !there) {
            streams.err << there.error().message << Qt::endl;
            return nullptr;
        }
    }
    auto address = StoreAddress::parse(m_path);
    if (!address) {
        streams.err << address.error().message << Qt::endl;
        return nullptr;
    }
    if (!address.value().isPostgresql())
        QDir().mkpath(QFileInfo(address.value().path()).absolutePath());
    auto store = CaseStore::open(address.value(), m_clock);
    if (!store) {
        streams.err << "cannot open the store " << address.value().display() << ": " << store.error().message
                    << Qt::endl;
        return nullptr;
    }
    m_store = std::move(store).value();
    return m_store.get();
}

std::optional<Session> CliStore::login(CliStreams streams)
{
    auto session = UserDirectory(*m_store).login(m_as, readSecretLine());
    if (!session) {
        streams.err << "login refused: " << session.error().message << Qt::endl;
        return std::nullopt;
    }
    return session.value();
}

std::optional<Session> CliStore::openAndLogin(CliStreams streams)
{
    if (!open(streams)) {
        m_failure = kExitSetup;
        return std::nullopt;
    }
    auto session = login(streams);
    if (!session)
        m_failure = kExitFailed;
    return session;
}

void CliStore::logout(const Session &session)
{
    (void)UserDirectory(*m_store).logout(session);
}

QString CliStore::readSecretLine()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return QString();
    QString text = QString::fromStdString(line);
    if (text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    return text;
}

int CliStore::exitCodeFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::Io:
        return kExitBadInput;
    case ErrorCode::SchemaTooNew:
        return kExitSetup;
    default:
        return kExitFailed;
    }
}

} // namespace mado::cli
