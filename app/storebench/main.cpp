// madoguchi-store-bench: the case store benchmark (tests/bench/StoreBench, docs/performance.md).
// Fills a SQLite file and a PostgreSQL database (on the cluster named by --pg-state, which
// installer/dev/bench-store.sh starts) with --baseline cases and with --cases cases, and prints
// the median and 95th percentile of each operation side by side. Not a test.
#include "tests/bench/StoreBench.h"
#include "tests/support/TestDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <vector>

using mado::bench::StoreBench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Case store latencies, SQLite and PostgreSQL side by side."));
    parser.addHelpOption();
    const QCommandLineOption cases(QStringLiteral("cases"), QStringLiteral("Cases in the large store."),
                                   QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption baseline(QStringLiteral("baseline"), QStringLiteral("Cases in the baseline store."),
                                      QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Timed rounds per store."),
                                    QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption pgState(QStringLiteral("pg-state"),
                                     QStringLiteral("State file of a running tests/support/pg-cluster.sh cluster."),
                                     QStringLiteral("FILE"));
    parser.addOptions({cases, baseline, rounds, pgState});
    parser.process(app);
    QTextStream out(stdout);
    if (!parser.isSet(pgState)) {
        std::fprintf(stderr, "madoguchi-store-bench: --pg-state FILE is required (installer/dev/bench-store.sh)\n");
        return 64;
    }
    qputenv("MADOGUCHI_TEST_PG_STATE", QFile::encodeName(parser.value(pgState)));
    QTemporaryDir dir;
    std::vector<StoreBench::Measurement> runs;
    for (const int n : {parser.value(baseline).toInt(), parser.value(cases).toInt()}) {
        for (const bool postgresql : {false, true}) {
            const QString file = dir.filePath(QStringLiteral("bench-%1.sqlite").arg(n));
            mado::test::TestDatabase database(file, !postgresql);
            if (database.location().isEmpty()) {
                std::fprintf(stderr, "madoguchi-store-bench: %s\n", qPrintable(database.error()));
                return 1;
            }
            auto measured = StoreBench::run(database.location(), n, parser.value(rounds).toInt());
            if (!measured) {
                std::fprintf(stderr, "madoguchi-store-bench: %s\n", qPrintable(measured.error().message));
                return 1;
            }
            out << measured.value().backend << ' ' << n << " cases filled in " << measured.value().fillMs << " ms"
                << Qt::endl;
            runs.push_back(std::move(measured).value());
        }
    }
    out << Qt::endl << QStringLiteral("%1").arg(QStringLiteral("ms, median / p95"), -18);
    for (const auto &run : runs)
        out << QStringLiteral("%1").arg(QStringLiteral("%1 %2").arg(run.backend).arg(run.cases), 22);
    out << Qt::endl;
    for (const QString &operation : StoreBench::operations()) {
        out << QStringLiteral("%1").arg(operation, -18);
        for (const auto &run : runs) {
            const auto &values = run.milliseconds.at(operation);
            out << QStringLiteral("%1").arg(QStringLiteral("%1 / %2")
                                                .arg(StoreBench::median(values), 0, 'f', 2)
                                                .arg(StoreBench::percentile95(values), 0, 'f', 2),
                                            22);
        }
        out << Qt::endl;
    }
    return 0;
}
