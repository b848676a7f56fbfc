#include "app/cli/CliStore.h"

#include "core/security/UserDirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <cstdio>
#include <iostream>
#include <string>

namespace mado::cli {

namespace {
QString takeOption(QStringList &arguments, const QString &name)
{
    const int at = int(arguments.indexOf(name));
    if (at < 0 || at + 1 >= arguments.size())
        return QString();
    const QString value = arguments.at(at + 1);
    arguments.remove(at, 2);
    return value;
}
} // namespace

CliStore::CliStore(QStringList &arguments)
{
    m_path = takeOption(arguments, QStringLiteral("--store"));
    if (m_path.isEmpty())
        m_path = qEnvironmentVariable("MADOGUCHI_STORE");
    if (m_path.isEmpty())
        m_path = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                 QStringLiteral("/madoguchi/store.sqlite");
    m_as = takeOption(arguments, QStringLiteral("--as"));
}

CaseStore *CliStore::open(CliStreams streams, bool create)
{
    if (!create && !QFileInfo::exists(m_path)) {
        streams.err << "no store at " << m_path << " (run: madoguchi-cli init --store FILE)" << Qt::endl;
        return nullptr;
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    auto store = CaseStore::open(m_path, m_clock);
    if (!store) {
        streams.err << "cannot open the store " << m_path << ": " << store.error().message << Qt::endl;
        return nullptr;
    }
    m_store = std::move(store).value();
    return m_store.get();
}

std::optional<Session> CliStore::login(CliStreams streams)
{
    if (m_as.isEmpty()) {
        streams.err << "this command needs --as LOGIN (the password is read from standard input)" << Qt::endl;
        return std::nullopt;
    }
    auto session = UserDirectory(*m_store).login(m_as, readSecretLine());
    if (!session) {
        streams.err << "login refused: " << session.error().message << Qt::endl;
        return std::nullopt;
    }
    return session.value();
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
