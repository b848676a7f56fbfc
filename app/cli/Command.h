#pragma once

#include "core/security/Session.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace mado::cli {

class CliStore;

// Exit codes of madoguchi-cli, listed by `madoguchi-cli --help` and in docs/admin.md.
enum ExitCode {
    kExitOk = 0,
    kExitFailed = 1,   // the command ran and found a problem (e.g. models check failed)
    kExitBadInput = 2, // an input file is unreadable, too large, has no face...
    kExitSetup = 3,    // the installation is incomplete (models missing or corrupt, no store)
    kExitUsage = 64,   // the command line is wrong (EX_USAGE of sysexits.h)
};

struct CliStreams {
    QTextStream &out;
    QTextStream &err;
};

// One command of madoguchi-cli (in the spirit of KeePassXC's cli/Command): its name, a one-line
// description for the command list, its usage lines, its options and positional arguments, and
// execute(). run() parses the arguments with QCommandLineParser: `--help`/`-h` prints the
// command's help on standard output (exit 0); an unknown option or a missing option value is a
// usage error, reported on one line of standard error (exit 64). The options and actions are
// public so that the bash completion is generated from them (BashCompletion). GUI-thread free;
// one command runs per process.
class Command {
public:
    virtual ~Command();

    const QString &name() const { return m_name; }
    const QString &description() const { return m_description; }
    // The forms of the command after "madoguchi-cli NAME", one per line.
    const QStringList &usage() const { return m_usage; }
    const QList<QCommandLineOption> &options() const { return m_options; }
    // The words the first positional argument can be ("check" for `models check`), for completion.
    const QStringList &actions() const { return m_actions; }

    // `arguments` are the words after the command's name.
    int run(const QStringList &arguments, CliStreams streams);
    QString helpText() const;
    // QCommandLineParser's "Unknown option 'x'." as "unknown option 'x'", for a usage error line.
    static QString errorReason(QString parserErrorText);

protected:
    Command(QString name, QString description, QStringList usage);

    virtual int execute(const QCommandLineParser &parser, CliStreams streams) = 0;

    // Registers an option and returns it, for the command's own member: `m_json(addOption(...))`.
    QCommandLineOption addOption(const QCommandLineOption &option);
    void addArgument(const QString &name, const QString &description, const QString &syntax = QString());
    void setActions(const QStringList &actions) { m_actions = actions; }
    // Text after the generated help (what is read from standard input, exit codes of this command).
    void setHelpNotes(const QString &notes) { m_notes = notes; }
    // Prints "madoguchi-cli: NAME: REASON (see 'madoguchi-cli NAME --help')" and returns kExitUsage.
    int usageError(CliStreams streams, const QString &reason) const;
    // For a command run as a user (CliStore::asOption): kExitOk when actingLogin is given, else
    // the usage error "needs --as WHO (the password is read from standard input)" (kExitUsage).
    int requireAs(const QString &actingLogin, const QString &who, CliStreams streams) const;
    // requireAs() for cli's acting user, then CliStore::openAndLogin(): kExitOk with session set,
    // else kExitUsage (no --as), kExitSetup (no store) or kExitFailed (the login refused).
    int logIn(CliStore &cli, const QString &who, std::optional<Session> &session, CliStreams streams) const;

private:
    void setUpParser(QCommandLineParser &parser) const;
    // For a command with --store: a store address that does not parse is a usage error (64);
    // --store-password-file is handed to the store. kExitOk when all is well.
    int checkStoreArguments(const QCommandLineParser &parser, CliStreams streams) const;

    QString m_name;
    QString m_description;
    QStringList m_usage;
    QString m_notes;
    QStringList m_actions;
    QList<QCommandLineOption> m_options;
    struct Argument {
        QString name, description, syntax;
    };
    QList<Argument> m_arguments;
};

} // namespace mado::cli
