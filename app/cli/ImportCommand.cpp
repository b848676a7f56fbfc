#include "app/cli/ImportCommand.h"

#include "app/cli/CliStore.h"
#include "core/station/ReceiverTokenFile.h"

#include "core/store/ImportFailures.h"
#include "core/station/ImportWorker.h"
#include "core/station/Importer.h"
#include "core/station/ReceiverClient.h"

#include <QCoreApplication>

namespace mado::cli {

namespace {

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

ImportCommand::ImportCommand()
    : Command(QStringLiteral("import"), QStringLiteral("Pull applications from the receiver into the store."),
              {QStringLiteral("[--once] --receiver URL --token-file FILE [--ca-file PEM] [--interval SECONDS] "
                              "[--store FILE]"),
               QStringLiteral("--failures [--store FILE]")}),
      m_store(addOption(CliStore::storeOption())),
      m_once(addOption({QStringLiteral("once"), QStringLiteral("Run one round and exit.")})),
      m_failures(addOption({QStringLiteral("failures"), QStringLiteral("List the applications that could not be "
                                                                       "imported, and exit.")})),
      m_receiver(addOption({QStringLiteral("receiver"),
                            QStringLiteral("The receiver's workstation API (https://, or "
                                           "http:// to the same machine)."),
                            QStringLiteral("URL")})),
      m_tokenFile(addOption({QStringLiteral("token-file"), QStringLiteral("The workstation token (chmod 600)."),
                             QStringLiteral("FILE")})),
      m_caFile(addOption({QStringLiteral("ca-file"),
                          QStringLiteral("CA certificates (PEM) that replace the system's "
                                         "for the receiver."),
                          QStringLiteral("PEM")})),
      m_interval(addOption({QStringLiteral("interval"), QStringLiteral("Seconds between rounds."),
                            QStringLiteral("SECONDS"), QStringLiteral("30")}))
{
    setHelpNotes(QStringLiteral("Exit codes: 0 every leased application imported, 1 some failed or the receiver "
                                "cannot be reached (--once), 3 no store, or the token file is unreadable, empty or "
                                "larger than %1 bytes.")
                     .arg(ReceiverTokenFile::kMaxBytes));
}

int ImportCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(streams, QStringLiteral("takes no arguments"));
    const bool once = parser.isSet(m_once);
    const QString url = parser.value(m_receiver);
    const QString tokenFile = parser.value(m_tokenFile);
    const QString caFile = parser.value(m_caFile);
    CliStore cli(parser.value(m_store), QString());
    if (parser.isSet(m_failures)) {
        if (once || !url.isEmpty() || !tokenFile.isEmpty())
            return usageError(streams, QStringLiteral("--failures goes without --once, --receiver and --token-file"));
        CaseStore *store = cli.open(streams);
        return store ? listFailures(*store, streams) : kExitSetup;
    }
    bool number = false;
    const int intervalSeconds = parser.value(m_interval).toInt(&number);
    if (url.isEmpty() || tokenFile.isEmpty())
        return usageError(streams, QStringLiteral("needs --receiver URL and --token-file FILE"));
    if (!number || intervalSeconds < 1)
        return usageError(streams, QStringLiteral("--interval takes a positive number of seconds"));
    if (!(url.startsWith(QLatin1String("http://")) || url.startsWith(QLatin1String("https://"))))
        return usageError(streams, QStringLiteral("--receiver takes an https:// or http:// URL"));
    if (Status plain = ReceiverClient::checkBaseUrl(url); !plain)
        return usageError(streams, plain.error().message);
    const auto token = ReceiverTokenFile::read(tokenFile);
    if (!token) {
        streams.err << token.error().message << Qt::endl;
        return kExitSetup;
    }
    if (!token.value().warning.isEmpty())
        streams.err << "warning: " << token.value().warning << Qt::endl;
    CaseStore *store = cli.open(streams);
    if (!store)
        return kExitSetup;
    ReceiverClient client(url, token.value().value, 15000, caFile);

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
