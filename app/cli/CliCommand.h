#pragma once

#include <QStringList>
#include <QTextStream>

namespace mado::cli {

// Exit codes of madoguchi-cli, documented in README.md.
enum ExitCode {
    kExitOk = 0,
    kExitFailed = 1,   // the command ran and found a problem (e.g. models check failed)
    kExitBadInput = 2, // an input file is unreadable, too large, has no face...
    kExitSetup = 3,    // the installation is incomplete (models missing or corrupt)
    kExitUsage = 64,
};

struct CliStreams {
    QTextStream &out;
    QTextStream &err;
};

int runMatch(const QStringList &arguments, CliStreams streams);
int runModels(const QStringList &arguments, CliStreams streams);
int runInfo(const QStringList &arguments, CliStreams streams);
int runBench(const QStringList &arguments, CliStreams streams);
int runEval(const QStringList &arguments, CliStreams streams);
int runVerify(const QStringList &arguments, CliStreams streams);
int runDemo(const QStringList &arguments, CliStreams streams);
int runSamples(const QStringList &arguments, CliStreams streams);
// Case store commands (issue 5): arguments start with the command name.
int runInit(QStringList arguments, CliStreams streams);
int runUser(QStringList arguments, CliStreams streams);
int runAudit(QStringList arguments, CliStreams streams);
int runPolicy(QStringList arguments, CliStreams streams);
int runRegister(QStringList arguments, CliStreams streams);
int runBackup(QStringList arguments, CliStreams streams);
int runStats(QStringList arguments, CliStreams streams);
int runRetention(QStringList arguments, CliStreams streams);
int runStore(QStringList arguments, CliStreams streams); // store rekey | store key (RekeyCommand.cpp)
// Receiver import and verification jobs.
int runImport(QStringList arguments, CliStreams streams);
int runReverify(QStringList arguments, CliStreams streams);

} // namespace mado::cli
