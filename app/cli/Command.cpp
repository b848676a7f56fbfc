#include "app/cli/Command.h"

#include "app/cli/CliStore.h"
#include "core/store/StoreAddress.h"
#include "core/store/StoreLocation.h"

#include <QFile>

#include <algorithm>

namespace mado::cli {

namespace {

const QCommandLineOption &helpOption()
{
    static const QCommandLineOption option({QStringLiteral("h"), QStringLiteral("help")},
                                           QStringLiteral("Show this help and exit."));
    return option;
}

} // namespace

Command::Command(QString name, QString description, QStringList usage)
    : m_name(std::move(name)), m_description(std::move(description)), m_usage(std::move(usage))
{
}

Command::~Command() = default;

QCommandLineOption Command::addOption(const QCommandLineOption &option)
{
    m_options.append(option);
    // Every command that opens a store may be given its PostgreSQL password file.
    if (option.names() == CliStore::storeOption().names())
        m_options.append(CliStore::passwordFileOption());
    return option;
}

int Command::checkStoreArguments(const QCommandLineParser &parser, CliStreams streams) const
{
    const QCommandLineOption store = CliStore::storeOption();
    const bool hasStore = std::any_of(m_options.cbegin(), m_options.cend(),
                                      [&](const QCommandLineOption &o) { return o.names() == store.names(); });
    if (!hasStore)
        return kExitOk;
    // A store address that does not parse (an unknown scheme, a password in the URL) is a usage error.
    if (auto address = StoreAddress::parse(StoreLocation::resolve(parser.value(store))); !address)
        return usageError(streams, address.error().message);
    const QCommandLineOption passwordFile = CliStore::passwordFileOption();
    if (parser.isSet(passwordFile)) // one command per process: the store reads it from there
        qputenv("MADOGUCHI_STORE_PASSWORD_FILE", QFile::encodeName(parser.value(passwordFile)));
    return kExitOk;
}

void Command::addArgument(const QString &name, const QString &description, const QString &syntax)
{
    m_arguments.append(Argument{name, description, syntax});
}

void Command::setUpParser(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(m_description);
    parser.addOption(helpOption());
    for (const QCommandLineOption &option : m_options)
        parser.addOption(option);
    for (const Argument &argument : m_arguments)
        parser.addPositionalArgument(argument.name, argument.description, argument.syntax);
}

int Command::run(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    setUpParser(parser);
    if (!parser.parse(QStringList{QStringLiteral("madoguchi-cli ") + m_name} + arguments))
        return usageError(streams, errorReason(parser.errorText()));
    if (parser.isSet(helpOption())) {
        streams.out << helpText();
        return kExitOk;
    }
    if (const int checked = checkStoreArguments(parser, streams); checked != kExitOk)
        return checked;
    return execute(parser, streams);
}

QString Command::helpText() const
{
    QCommandLineParser parser;
    setUpParser(parser);
    // Qt's first line names the executable's path; our usage lines replace it.
    QString generated = parser.helpText();
    generated.remove(0, generated.indexOf(QLatin1Char('\n')) + 1);
    QString text;
    for (qsizetype i = 0; i < m_usage.size(); ++i)
        text += (i == 0 ? QStringLiteral("Usage: ") : QStringLiteral("       ")) + QStringLiteral("madoguchi-cli ") +
                m_name + (m_usage.at(i).isEmpty() ? QString() : QStringLiteral(" ") + m_usage.at(i)) +
                QLatin1Char('\n');
    text += QLatin1Char('\n') + generated;
    if (!m_notes.isEmpty())
        text += QLatin1Char('\n') + m_notes + (m_notes.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n"));
    return text;
}

QString Command::errorReason(QString parserErrorText)
{
    if (!parserErrorText.isEmpty())
        parserErrorText[0] = parserErrorText.at(0).toLower();
    if (parserErrorText.endsWith(QLatin1Char('.')))
        parserErrorText.chop(1);
    return parserErrorText;
}

int Command::usageError(CliStreams streams, const QString &reason) const
{
    streams.err << "madoguchi-cli: " << m_name << ": " << reason << " (see 'madoguchi-cli " << m_name << " --help')"
                << Qt::endl;
    return kExitUsage;
}

int Command::requireAs(const QString &actingLogin, const QString &who, CliStreams streams) const
{
    if (!actingLogin.isEmpty())
        return kExitOk;
    return usageError(streams, QStringLiteral("needs --as %1 (the password is read from standard input)").arg(who));
}

int Command::logIn(CliStore &cli, const QString &who, std::optional<Session> &session, CliStreams streams) const
{
    if (const int usage = requireAs(cli.actingLogin(), who, streams); usage != kExitOk)
        return usage;
    session = cli.openAndLogin(streams);
    return session ? kExitOk : cli.failure();
}

} // namespace mado::cli
