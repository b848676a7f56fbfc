#include "app/cli/DemoCommand.h"

#include "app/cli/CliStore.h"
#include "app/cli/DemoSigner.h"
#include "core/evaluation/DemoCases.h"
#include "core/station/Importer.h"

#include <QDir>

namespace mado::cli {

namespace {
QString defaultSamples()
{
    const QString fromEnvironment = qEnvironmentVariable("MADOGUCHI_SAMPLES_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString cache = qEnvironmentVariable("XDG_CACHE_HOME", QDir::homePath() + QStringLiteral("/.cache"));
    return cache + QStringLiteral("/madoguchi/samples");
}
} // namespace

DemoCommand::DemoCommand()
    : Command(QStringLiteral("demo"), QStringLiteral("Prepare the demo's applications and resident register."),
              {QStringLiteral("prepare OUT_DIR [--samples DIR]"), QStringLiteral("sign BUNDLE_DIR --pki DIR"),
               QStringLiteral("sign-remote APPLICATION_ID --pki DIR --receiver URL --id-token TOKEN"),
               QStringLiteral("import BUNDLE_DIR [--store FILE]")}),
      m_samples(addOption({QStringLiteral("samples"),
                           QStringLiteral("dlib's example photos (default: $MADOGUCHI_SAMPLES_DIR, else "
                                          "$XDG_CACHE_HOME/madoguchi/samples)."),
                           QStringLiteral("DIR")})),
      m_pki(addOption({QStringLiteral("pki"),
                       QStringLiteral("A TEST PKI made by tests/jpki/make-test-pki.sh (sign; never J-LIS keys)."),
                       QStringLiteral("DIR")})),
      m_receiver(addOption({QStringLiteral("receiver"),
                            QStringLiteral("The receiver's applicant API, e.g. http://127.0.0.1:8080 (sign-remote)."),
                            QStringLiteral("URL")})),
      m_idToken(addOption({QStringLiteral("id-token"),
                           QStringLiteral("The resident's LINE ID token (sign-remote; the demo's come from the "
                                          "LINE simulator)."),
                           QStringLiteral("TOKEN")})),
      m_store(addOption(CliStore::storeOption()))
{
    addArgument(QStringLiteral("ACTION"), QStringLiteral("prepare, sign, sign-remote or import."));
    addArgument(QStringLiteral("DIR"), QStringLiteral("prepare: where the case bundles, register.csv, scenarios.txt "
                                                      "and jpki-facts.txt go; sign, import: a bundle directory; "
                                                      "sign-remote: the application id the receiver answered."));
    setActions({QStringLiteral("prepare"), QStringLiteral("sign"), QStringLiteral("sign-remote"), QStringLiteral("import")});
    setHelpNotes(QStringLiteral("prepare prints the directory of each case bundle written; import prints the case id.\n"
                                "Exit codes: 0 done, 1 failed (or the receiver did not answer), 2 an unusable bundle or key or a "
                                "refusal by the receiver, 3 models missing or no store."));
}

int DemoCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 2)
        return usageError(streams, QStringLiteral("expects: prepare OUT_DIR, sign BUNDLE_DIR, sign-remote APPLICATION_ID "
                                                  "or import BUNDLE_DIR"));
    if (arguments.at(0) == QLatin1String("prepare"))
        return prepare(parser, streams);
    if (arguments.at(0) == QLatin1String("sign"))
        return sign(parser, streams);
    if (arguments.at(0) == QLatin1String("sign-remote"))
        return signRemote(parser, streams);
    if (arguments.at(0) == QLatin1String("import"))
        return importBundle(parser, streams);
    return usageError(streams, QStringLiteral("expects prepare, sign, sign-remote or import"));
}

int DemoCommand::sign(const QCommandLineParser &parser, CliStreams streams)
{
    if (!parser.isSet(m_pki))
        return usageError(streams, QStringLiteral("sign needs --pki"));
    const Status signedBundle = DemoSigner::sign(parser.positionalArguments().at(1), parser.value(m_pki),
                                                 QStringLiteral("ok"), QDateTime::currentDateTimeUtc());
    if (!signedBundle) {
        streams.err << "madoguchi-cli demo: " << signedBundle.error().message << Qt::endl;
        return signedBundle.error().code == ErrorCode::Io ? kExitFailed : kExitBadInput;
    }
    return kExitOk;
}

int DemoCommand::signRemote(const QCommandLineParser &parser, CliStreams streams)
{
    if (!parser.isSet(m_pki) || !parser.isSet(m_receiver) || !parser.isSet(m_idToken))
        return usageError(streams, QStringLiteral("sign-remote needs --pki, --receiver and --id-token"));
    const Status signedRemotely = DemoSigner::signRemote(parser.value(m_receiver), parser.value(m_idToken),
                                                         parser.positionalArguments().at(1), parser.value(m_pki),
                                                         QStringLiteral("ok"));
    if (!signedRemotely) {
        streams.err << "madoguchi-cli demo: " << signedRemotely.error().message << Qt::endl;
        return signedRemotely.error().code == ErrorCode::InvalidArgument ? kExitBadInput : kExitFailed;
    }
    return kExitOk;
}

int DemoCommand::importBundle(const QCommandLineParser &parser, CliStreams streams)
{
    auto fetched = Importer::readDirectory(parser.positionalArguments().at(1));
    if (!fetched) {
        streams.err << "madoguchi-cli demo: " << fetched.error().message << Qt::endl;
        return kExitBadInput;
    }
    CliStore cliStore(parser.value(m_store), QString());
    CaseStore *store = cliStore.open(streams);
    if (!store)
        return kExitSetup;
    // Importer::store never calls the receiver: this client is never used.
    const ReceiverClient unused(QStringLiteral("https://127.0.0.1:9"), QByteArrayLiteral("unused"));
    auto stored = Importer(*store, unused).store(fetched.value());
    if (!stored) {
        streams.err << "madoguchi-cli demo: " << stored.error().message << Qt::endl;
        return CliStore::exitCodeFor(stored.error());
    }
    streams.out << stored.value().caseId << Qt::endl;
    return kExitOk;
}

int DemoCommand::prepare(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = parser.positionalArguments();
    const QString samples = parser.isSet(m_samples) ? parser.value(m_samples) : defaultSamples();
    auto thresholds = FaceThresholds::shipped();
    if (!thresholds) {
        streams.err << "madoguchi-cli demo: " << thresholds.error().message << Qt::endl;
        return kExitSetup;
    }
    auto cases = DemoCases::prepare(ModelSet(), thresholds.value(), samples, arguments.at(1));
    if (!cases) {
        streams.err << "madoguchi-cli demo: " << cases.error().message << Qt::endl;
        return cases.error().code == ErrorCode::ModelMissing ? kExitSetup : kExitFailed;
    }
    for (const DemoCases::Case &c : cases.value())
        streams.out << c.directory << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
