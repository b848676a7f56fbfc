// madoguchi-loadgen: the receiver benchmark (docs/performance.md). Wiring only; see BenchRunner.
#include "tests/bench/BenchRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("madoguchi-loadgen"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Sends signed LINE webhooks and LIFF submissions to madoguchi-receiver over loopback at several "
                       "numbers of concurrent senders, and the same webhooks to a Node baseline built on "
                       "@line/bot-sdk; prints throughput and p50/p99 latency, then kills both servers with SIGKILL "
                       "and checks that everything acknowledged is on disk."));
    parser.addHelpOption();
    const QCommandLineOption receiver(QStringLiteral("receiver"), QStringLiteral("madoguchi-receiver to run"),
                                      QStringLiteral("PATH"),
                                      QCoreApplication::applicationDirPath() + QStringLiteral("/madoguchi-receiver"));
    const QCommandLineOption baseline(QStringLiteral("baseline"), QStringLiteral("server.js of the Node baseline"),
                                      QStringLiteral("FILE"));
    const QCommandLineOption noBaseline(QStringLiteral("no-baseline"), QStringLiteral("measure the receiver only"));
    const QCommandLineOption node(QStringLiteral("node"), QStringLiteral("node executable"), QStringLiteral("PATH"),
                                  QStringLiteral("node"));
    const QCommandLineOption nodePath(QStringLiteral("node-path"),
                                      QStringLiteral("NODE_PATH for the baseline (where @line/bot-sdk is installed)"),
                                      QStringLiteral("DIR"));
    const QCommandLineOption senders(QStringLiteral("senders"), QStringLiteral("numbers of concurrent senders"),
                                     QStringLiteral("LIST"), QStringLiteral("1,10,100"));
    const QCommandLineOption webhooks(QStringLiteral("webhooks"), QStringLiteral("webhooks per level"),
                                      QStringLiteral("N"), QStringLiteral("30000"));
    const QCommandLineOption eventType(QStringLiteral("event"),
                                       QStringLiteral("webhook event type: follow (the receiver replies to each) or "
                                                      "unfollow (it only records the state)"),
                                       QStringLiteral("TYPE"), QStringLiteral("follow"));
    const QCommandLineOption applications(QStringLiteral("applications"),
                                          QStringLiteral("LIFF submissions per level (0: none)"), QStringLiteral("N"),
                                          QStringLiteral("500"));
    const QCommandLineOption work(QStringLiteral("work"),
                                  QStringLiteral("directory for the spool, event file and logs (default: temporary)"),
                                  QStringLiteral("DIR"));
    parser.addOptions(
        {receiver, baseline, noBaseline, node, nodePath, senders, webhooks, eventType, applications, work});
    parser.process(app);

    QTextStream out(stdout);
    mado::bench::BenchOptions options;
    options.receiverProgram = parser.value(receiver);
    if (!parser.isSet(noBaseline)) {
        if (!parser.isSet(baseline)) {
            out << "give --baseline server.js, or --no-baseline\n";
            return 2;
        }
        options.baselineScript = QFileInfo(parser.value(baseline)).absoluteFilePath();
    }
    options.nodeProgram = parser.value(node);
    options.nodePath = parser.value(nodePath);
    options.senders.clear();
    for (const QString &n : parser.value(senders).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.senders.push_back(n.toInt());
    options.webhooks = parser.value(webhooks).toInt();
    options.eventType = parser.value(eventType);
    if (options.eventType != QLatin1String("follow") && options.eventType != QLatin1String("unfollow")) {
        out << "--event must be follow or unfollow\n";
        return 2;
    }
    options.applications = parser.value(applications).toInt();
    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/madoguchi-loadgen-XXXXXX"));
    options.workDirectory = parser.isSet(work) ? parser.value(work) : temporary.path();
    QDir().mkpath(options.workDirectory);
    const int code = mado::bench::BenchRunner(options).run(out);
    out.flush();
    return code;
}
