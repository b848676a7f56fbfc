#include "app/cli/CliStore.h"

#include "core/store/ImportFailures.h"
#include "core/station/ImportWorker.h"
#include "core/station/Importer.h"
#include "core/station/ReceiverClient.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace mado::cli {

namespace {

// The workstation token: the file's content alone (a trailing newline is fine), at most 4096 bytes.
std::optional<QByteArray> readToken(const QString &path, CliStreams streams)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        streams.err << "cannot read the token file " << path << Qt::endl;
        return std::nullopt;
    }
    const QByteArray token = file.read(4097).trimmed();
    if (token.isEmpty() || token.size() > 4096) {
        streams.err << "the token file " << path << " is empty or larger than 4096 bytes" << Qt::endl;
        return std::nullopt;
    }
    if (QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        streams.err << "warning: other users can read the token file " << path << " (chmod 600)" << Qt::endl;
    return token;
}

// The applications that failed to import: one line each, given-up ones marked.
int listFailures(CaseStore &store, CliStreams streams)
{
    auto failures = ImportFailures(store).list();
    if (!failures) {
        streams.err << "cannot read the import failures: " << failures.error().message << Qt::endl;
        return CliStore::exitCodeFor(failures.error());
    }
    if (failures.value().empty()) {
        streams.out << "no application failed to import" << Qt::endl;
        return kExitOk;
    }
    for (const ImportFailure &f : failures.value()) {
        streams.out << f.reference << "  " << f.attempts << " attempt(s)  " << f.errorCode << "  "
                    << (f.abandonedAt.isValid()
                            ? QStringLiteral("given up %1 (receiver told, applicant asked to apply again)")
                                  .arg(f.abandonedAt.toString(Qt::ISODate))
                            : QStringLiteral("last %1, will be retried").arg(f.lastAt.toString(Qt::ISODate)))
                    << "  " << f.message << Qt::endl;
    }
    return kExitOk;
}

} // namespace

// import --failures [--store FILE]: lists the applications that could not be imported.
// import [--once] --receiver URL --token-file FILE [--ca-file PEM] [--interval SECONDS] [--store FILE]:
// pulls applications from the receiver into the store. --once runs one round and exits (0 when
// every leased application was imported, 1 otherwise or when the receiver cannot be reached);
// without it the command keeps importing, retrying with backoff while the receiver is down.
int runImport(QStringList arguments, CliStreams streams)
{
    CliStore cli(arguments);
    const auto usage = [&] {
        streams.err << "usage: madoguchi-cli import [--once] --receiver URL --token-file FILE [--ca-file PEM] "
                       "[--interval SECONDS] [--store FILE]\n"
                       "       madoguchi-cli import --failures [--store FILE]"
                    << Qt::endl;
        return kExitUsage;
    };
    bool once = false;
    bool failures = false;
    QString url;
    QString tokenFile;
    QString caFile;
    int intervalSeconds = 30;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--once"))
            once = true;
        else if (a == QLatin1String("--failures"))
            failures = true;
        else if (a == QLatin1String("--receiver") && i + 1 < arguments.size())
            url = arguments.at(++i);
        else if (a == QLatin1String("--token-file") && i + 1 < arguments.size())
            tokenFile = arguments.at(++i);
        else if (a == QLatin1String("--ca-file") && i + 1 < arguments.size())
            caFile = arguments.at(++i);
        else if (a == QLatin1String("--interval") && i + 1 < arguments.size())
            intervalSeconds = arguments.at(++i).toInt();
        else
            return usage();
    }
    if (failures) {
        if (once || !url.isEmpty() || !tokenFile.isEmpty())
            return usage();
        CaseStore *store = cli.open(streams);
        return store ? listFailures(*store, streams) : kExitSetup;
    }
    if (url.isEmpty() || tokenFile.isEmpty() || intervalSeconds < 1 ||
        !(url.startsWith(QLatin1String("http://")) || url.startsWith(QLatin1String("https://"))))
        return usage();
    if (Status plain = ReceiverClient::checkBaseUrl(url); !plain) {
        streams.err << plain.error().message << Qt::endl;
        return kExitUsage;
    }
    const auto token = readToken(tokenFile, streams);
    if (!token)
        return kExitSetup;
    CaseStore *store = cli.open(streams);
    if (!store)
        return kExitSetup;
    ReceiverClient client(url, *token, 15000, caFile);

    if (once) {
        Importer importer(*store, client);
        auto round = importer.runOnce([&](int done, int total, qint64 caseId, bool created) {
            streams.out << done << "/" << total << " "
                        << (caseId == 0
                                ? QStringLiteral("failed")
                                : QStringLiteral("case %1 %2")
                                      .arg(caseId)
                                      .arg(created ? QStringLiteral("imported") : QStringLiteral("already stored")))
                        << Qt::endl;
        });
        if (!round) {
            streams.err << "import failed: " << round.error().message << Qt::endl;
            return round.error().code == ErrorCode::Network ? kExitFailed : CliStore::exitCodeFor(round.error());
        }
        for (const QString &error : round.value().errors)
            streams.err << error << Qt::endl;
        streams.out << round.value().leased << " leased, " << round.value().imported << " imported, "
                    << round.value().duplicates << " already stored, " << round.value().failed << " failed" << Qt::endl;
        if (round.value().abandoned > 0)
            streams.out << round.value().abandoned << " given up after repeated refusals ("
                        << round.value().abandonedReferences.join(QStringLiteral(", "))
                        << "); see madoguchi-cli import --failures" << Qt::endl;
        return round.value().failed == 0 ? kExitOk : kExitFailed;
    }

    ImportWorker::Options options;
    options.intervalMs = intervalSeconds * 1000;
    ImportWorker worker(*store, client, options);
    int exitCode = kExitOk;
    QObject::connect(&worker, &ImportWorker::receiverUnavailable, &worker,
                     [&](int attempt, int retryInMs, const QString &message) {
                         streams.err << "receiver unavailable (attempt " << attempt << "): " << message
                                     << "; retrying in " << retryInMs / 1000.0 << " s" << Qt::endl;
                     });
    QObject::connect(&worker, &ImportWorker::receiverAvailable, &worker,
                     [&] { streams.err << "receiver available again" << Qt::endl; });
    QObject::connect(&worker, &ImportWorker::roundFinished, &worker,
                     [&](int leased, int imported, int duplicates, int failed) {
                         if (leased > 0)
                             streams.out << leased << " leased, " << imported << " imported, " << duplicates
                                         << " already stored, " << failed << " failed" << Qt::endl;
                     });
    QObject::connect(&worker, &ImportWorker::applicationsAbandoned, &worker, [&](const QStringList &references) {
        streams.err << "given up after repeated refusals: " << references.join(QStringLiteral(", "))
                    << "; see madoguchi-cli import --failures" << Qt::endl;
    });
    QObject::connect(&worker, &ImportWorker::failed, &worker, [&](const Error &error) {
        streams.err << "import stopped: " << error.message << Qt::endl;
        exitCode = CliStore::exitCodeFor(error);
        QCoreApplication::exit(exitCode);
    });
    worker.start();
    QCoreApplication::exec();
    worker.stop();
    return exitCode;
}

} // namespace mado::cli
