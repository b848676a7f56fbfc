// madoguchi-desksim: one simulated workstation for the multi-process store test (DeskSimulator).
// Usage: madoguchi-desksim --store S --receiver URL --token-file F --login L --password-file P
//                          --expected N [--deadline SECONDS] [--seed N]
// Prints one JSON line with what it did; exit 0 when done without unexpected errors.
#include "tests/support/DeskSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace {
QByteArray firstLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readLine().trimmed();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QStringList names{QStringLiteral("store"),         QStringLiteral("receiver"), QStringLiteral("token-file"),
                            QStringLiteral("login"),         QStringLiteral("password-file"),
                            QStringLiteral("expected"),      QStringLiteral("deadline"), QStringLiteral("seed"),
                            QStringLiteral("batch-size")};
    for (const QString &name : names)
        parser.addOption(QCommandLineOption(name, name, QStringLiteral("value")));
    parser.process(app);
    mado::test::DeskSimulator::Options options;
    options.store = parser.value(QStringLiteral("store"));
    options.receiverUrl = parser.value(QStringLiteral("receiver"));
    options.token = firstLine(parser.value(QStringLiteral("token-file")));
    options.login = parser.value(QStringLiteral("login"));
    options.password = QString::fromUtf8(firstLine(parser.value(QStringLiteral("password-file"))));
    options.expected = parser.value(QStringLiteral("expected")).toInt();
    if (parser.isSet(QStringLiteral("deadline")))
        options.deadlineSeconds = parser.value(QStringLiteral("deadline")).toInt();
    if (parser.isSet(QStringLiteral("batch-size")))
        options.batchSize = parser.value(QStringLiteral("batch-size")).toInt();
    options.seed = parser.value(QStringLiteral("seed")).toUInt();
    if (options.store.isEmpty() || options.receiverUrl.isEmpty() || options.token.isEmpty() || options.expected <= 0) {
        std::fputs("madoguchi-desksim: --store, --receiver, --token-file and --expected are required\n", stderr);
        return 64;
    }
    mado::test::DeskSimulator desk(options);
    const int code = desk.run();
    std::fputs(QJsonDocument(desk.summary()).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return code;
}
