#include "app/cli/CommandRegistry.h"

#include "app/cli/AuditCommand.h"
#include "app/cli/BackupCommand.h"
#include "app/cli/BenchCommand.h"
#include "app/cli/CompletionCommand.h"
#include "app/cli/DemoCommand.h"
#include "app/cli/EvalCommand.h"
#include "app/cli/ImportCommand.h"
#include "app/cli/InfoCommand.h"
#include "app/cli/InitCommand.h"
#include "app/cli/JpkiCommand.h"
#include "app/cli/MatchCommand.h"
#include "app/cli/ModelsCommand.h"
#include "app/cli/PolicyCommand.h"
#include "app/cli/RegisterCommand.h"
#include "app/cli/RetentionCommand.h"
#include "app/cli/ReverifyCommand.h"
#include "app/cli/SamplesCommand.h"
#include "app/cli/StatsCommand.h"
#include "app/cli/StoreCommand.h"
#include "app/cli/UserCommand.h"
#include "app/cli/VerifyCommand.h"
#include "core/store/StoreLocation.h"

#include <QCommandLineParser>

#include <algorithm>

namespace mado::cli {

namespace {

const QCommandLineOption kHelp({QStringLiteral("h"), QStringLiteral("help")},
                               QStringLiteral("Show this help and exit."));
const QCommandLineOption kVersion({QStringLiteral("v"), QStringLiteral("version")},
                                  QStringLiteral("Show the version and exit."));

int topLevelUsageError(CliStreams streams, const QString &reason)
{
    streams.err << "madoguchi-cli: " << reason << " (see 'madoguchi-cli --help')" << Qt::endl;
    return kExitUsage;
}

} // namespace

CommandRegistry::CommandRegistry()
{
    // Face engine and evaluation first, then the store's administration, then the receiver side.
    m_commands.push_back(std::make_unique<MatchCommand>());
    m_commands.push_back(std::make_unique<VerifyCommand>());
    m_commands.push_back(std::make_unique<ModelsCommand>());
    m_commands.push_back(std::make_unique<InfoCommand>());
    m_commands.push_back(std::make_unique<EvalCommand>());
    m_commands.push_back(std::make_unique<BenchCommand>());
    m_commands.push_back(std::make_unique<SamplesCommand>());
    m_commands.push_back(std::make_unique<DemoCommand>());
    m_commands.push_back(std::make_unique<InitCommand>());
    m_commands.push_back(std::make_unique<UserCommand>());
    m_commands.push_back(std::make_unique<AuditCommand>());
    m_commands.push_back(std::make_unique<PolicyCommand>());
    m_commands.push_back(std::make_unique<JpkiCommand>());
    m_commands.push_back(std::make_unique<RegisterCommand>());
    m_commands.push_back(std::make_unique<BackupCommand>());
    m_commands.push_back(std::make_unique<StatsCommand>());
    m_commands.push_back(std::make_unique<RetentionCommand>());
    m_commands.push_back(std::make_unique<StoreCommand>());
    m_commands.push_back(std::make_unique<ImportCommand>());
    m_commands.push_back(std::make_unique<ReverifyCommand>());
    m_commands.push_back(std::make_unique<CompletionCommand>(*this));
}

CommandRegistry::~CommandRegistry() = default;

Command *CommandRegistry::find(const QString &name) const
{
    const auto it = std::find_if(m_commands.begin(), m_commands.end(),
                                 [&](const std::unique_ptr<Command> &c) { return c->name() == name; });
    return it == m_commands.end() ? nullptr : it->get();
}

QString CommandRegistry::helpText() const
{
    qsizetype width = 0;
    QStringList storeCommands;
    for (const auto &command : m_commands) {
        width = std::max(width, command->name().size());
        const bool usesStore =
            std::any_of(command->options().begin(), command->options().end(),
                        [](const QCommandLineOption &o) { return o.names().contains(QStringLiteral("store")); });
        if (usesStore)
            storeCommands << command->name();
    }
    QString text = QStringLiteral(
        "Usage: madoguchi-cli COMMAND [OPTIONS] [ARGUMENTS]\n"
        "       madoguchi-cli COMMAND --help\n"
        "       madoguchi-cli --help | --version\n"
        "\n"
        "The Madoguchi core without a GUI: face matching and verification, evaluation and benchmarks, the case\n"
        "store's administration and the import from the receiver.\n"
        "\n"
        "Options:\n"
        "  -h, --help     Show this help and exit.\n"
        "  -v, --version  Show the version and exit.\n"
        "\n"
        "Commands:\n");
    for (const auto &command : m_commands)
        text += QStringLiteral("  ") + command->name().leftJustified(width + 2) + command->description() +
                QLatin1Char('\n');
    text +=
        QStringLiteral("\n"
                       "Store commands: %1.\n"
                       "They open --store FILE, else $MADOGUCHI_STORE, else %2,\n"
                       "and read passwords from standard input, one per line, never from arguments.\n"
                       "\n"
                       "Exit codes:\n"
                       "  0   success\n"
                       "  1   the command ran and found a problem (a check failed, a login or action was refused)\n"
                       "  2   an input is unusable (unreadable or too large file, no face, bad bundle, bad value)\n"
                       "  3   the set-up is incomplete (models, thresholds, store or token file missing or unusable)\n"
                       "  64  usage error (no or an unknown command, an unknown option, a missing argument)\n")
            .arg(storeCommands.join(QStringLiteral(", ")), StoreLocation::defaultPath());
    return text;
}

int CommandRegistry::run(const QStringList &arguments, CliStreams streams) const
{
    QCommandLineParser parser;
    parser.addOption(kHelp);
    parser.addOption(kVersion);
    parser.addPositionalArgument(QStringLiteral("COMMAND"), QStringLiteral("The command."));
    // Everything after the command's name is the command's: its own parser reads it.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(QStringList{QStringLiteral("madoguchi-cli")} + arguments))
        return topLevelUsageError(streams, Command::errorReason(parser.errorText()));
    if (parser.isSet(kHelp)) {
        streams.out << helpText();
        return kExitOk;
    }
    if (parser.isSet(kVersion)) {
        streams.out << "madoguchi-cli " << MADO_VERSION << Qt::endl;
        return kExitOk;
    }
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty())
        return topLevelUsageError(streams, QStringLiteral("no command given"));
    Command *command = find(words.first());
    if (!command)
        return topLevelUsageError(streams, QStringLiteral("unknown command '%1'").arg(words.first()));
    return command->run(words.mid(1), streams);
}

} // namespace mado::cli
