#include "app/cli/JpkiCommand.h"

#include "app/cli/CliStore.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/station/JpkiSettings.h"
#include "core/station/JpkiSignatureCheck.h"

namespace mado::cli {

namespace {

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

} // namespace

JpkiCommand::JpkiCommand()
    : Command(QStringLiteral("jpki"), QStringLiteral("Check a bundle's JPKI signature; configure the trust anchors."),
              {QStringLiteral("check [--anchors PATH] [--crls PATH] [--ocsp-url URL] [--policy OID]... [--store FILE] "
                             "BUNDLE_DIR"),
               QStringLiteral("configure --store FILE --as ADMIN --anchors PATH [--crls PATH] [--ocsp-url URL "
                              "[--ocsp-timeout SECONDS]] [--policy OID]...")}),
      m_anchors(addOption({QStringLiteral("anchors"),
                           QStringLiteral("Trust anchors: a PEM/DER file or a directory of *.pem/*.crt/*.cer."),
                           QStringLiteral("PATH")})),
      m_crls(addOption({QStringLiteral("crls"), QStringLiteral("CRLs: a file or a directory of *.crl/*.pem/*.der."),
                        QStringLiteral("PATH")})),
      m_ocspUrl(addOption({QStringLiteral("ocsp-url"),
                           QStringLiteral("An OCSP responder (http://host:port/path) asked for revocation; then no "
                                          "CRL is needed. No answer is a hold (revocation unknown)."),
                           QStringLiteral("URL")})),
      m_ocspTimeout(addOption({QStringLiteral("ocsp-timeout"), QStringLiteral("Seconds to wait for the OCSP responder."),
                               QStringLiteral("SECONDS"), QStringLiteral("10")})),
      m_policy(addOption({QStringLiteral("policy"),
                          QStringLiteral("An accepted certificate policy OID (repeatable; default the JPKI "
                                         "signing policy 1.2.392.200149.8.5.1.1.20)."),
                          QStringLiteral("OID")})),
      m_store(addOption(CliStore::storeOption())),
      m_as(addOption(CliStore::asOption(QStringLiteral("the admin changing the ward settings"))))
{
    addArgument(QStringLiteral("ACTION"), QStringLiteral("check or configure."));
    addArgument(QStringLiteral("BUNDLE_DIR"), QStringLiteral("A signed case bundle directory (check)."));
    setActions({QStringLiteral("check"), QStringLiteral("configure")});
    setHelpNotes(QStringLiteral("configure reads the admin's password from the first line of standard input.\n"
                                "Exit codes (check): 0 the signature is ok, 1 refused or held, 2 the bundle is "
                                "unusable, 3 the trust material cannot be loaded."));
}

void JpkiCommand::printResult(QTextStream &out, const JpkiSignatureResult &r)
{
    out << "signature:    " << jpkiStatusName(r.status) << " (" << r.reason << ")" << Qt::endl
        << "reason:       " << JpkiSignatureResult::reasonJa(r.reason) << " / " << JpkiSignatureResult::reasonEn(r.reason)
        << Qt::endl;
    if (!r.serial.isEmpty())
        out << "certificate:  serial " << r.serial << ", valid " << time(r.notBefore) << " .. " << time(r.notAfter)
            << Qt::endl
            << "issuer:       " << r.issuer << Qt::endl
            << "signed at:    " << time(r.signingTime) << Qt::endl;
    if (!r.revocationSource.isEmpty())
        out << "revocation:   " << r.revocationSource << " " << r.revocationLocation << " of "
            << time(r.revocationCheckedAt) << ", next update " << time(r.crlNextUpdate) << Qt::endl;
    if (!r.differences.isEmpty())
        out << "differences:  " << r.differences.join(QStringLiteral(", ")) << Qt::endl;
}

JpkiConfig JpkiCommand::configFromOptions(const QCommandLineParser &parser) const
{
    JpkiConfig config;
    config.trustAnchors = parser.value(m_anchors);
    config.crls = parser.value(m_crls);
    if (parser.isSet(m_policy))
        config.policies = parser.values(m_policy);
    config.ocspUrl = parser.value(m_ocspUrl);
    config.ocspTimeoutSeconds = qBound(1, parser.value(m_ocspTimeout).toInt(), 120);
    return config;
}

int JpkiCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList args = parser.positionalArguments();
    if (args.value(0) == QLatin1String("check"))
        return args.size() == 2 ? check(parser, streams) : usageError(streams, QStringLiteral("check expects one BUNDLE_DIR"));
    if (args.value(0) == QLatin1String("configure"))
        return args.size() == 1 ? configure(parser, streams) : usageError(streams, QStringLiteral("configure takes no arguments"));
    return usageError(streams, QStringLiteral("expects check or configure"));
}

int JpkiCommand::check(const QCommandLineParser &parser, CliStreams streams)
{
    const QString directory = parser.positionalArguments().at(1);
    auto reader = CaseBundleReader::create();
    if (!reader)
        return kExitFailed;
    auto bundle = reader.value().read(directory);
    if (!bundle) {
        streams.err << "madoguchi-cli jpki: " << directory << ": " << bundle.error().message << Qt::endl;
        return kExitBadInput;
    }
    std::unique_ptr<CliStore> cliStore;
    CaseStore *store = nullptr;
    if (parser.isSet(m_store)) {
        cliStore = std::make_unique<CliStore>(parser.value(m_store), QString());
        if (!(store = cliStore->open(streams)))
            return kExitSetup;
    }
    Result<std::shared_ptr<const JpkiTrustStore>> trust =
        parser.isSet(m_anchors) || !store ? JpkiTrustStore::load(configFromOptions(parser)) : JpkiSignatureCheck(*store).trust();
    if (!trust) {
        streams.err << "madoguchi-cli jpki: " << trust.error().message << Qt::endl;
        return kExitSetup;
    }
    std::optional<std::vector<RegisterEntry>> register_;
    if (store) {
        auto entries = store->registerEntries(bundle.value().applicant.name, bundle.value().applicant.dateOfBirth);
        if (!entries) {
            streams.err << "madoguchi-cli jpki: " << entries.error().message << Qt::endl;
            return kExitSetup;
        }
        register_ = entries.value();
    }
    const auto result = JpkiVerifier(trust.value()).verify(bundle.value(), register_, QDateTime::currentDateTimeUtc());
    printResult(streams.out, result.result);
    for (int i = 0; i < result.chain.size(); ++i)
        streams.out << (i == 0 ? "chain:        " : "              ") << result.chain.at(i) << Qt::endl;
    if (!result.crlFile.isEmpty())
        streams.out << "crl file:     " << result.crlFile << Qt::endl;
    if (!register_)
        streams.out << "register:     not compared (no --store)" << Qt::endl;
    return result.result.ok() ? kExitOk : kExitFailed;
}

int JpkiCommand::configure(const QCommandLineParser &parser, CliStreams streams)
{
    if (!parser.isSet(m_anchors))
        return usageError(streams, QStringLiteral("configure needs --anchors"));
    const JpkiConfig config = configFromOptions(parser);
    if (auto loaded = JpkiTrustStore::load(config); !loaded) {
        streams.err << "madoguchi-cli jpki: " << loaded.error().message << Qt::endl;
        return kExitBadInput;
    }
    CliStore cliStore(parser.value(m_store), parser.value(m_as));
    std::optional<Session> session;
    if (const int failed = logIn(cliStore, QStringLiteral("ADMIN"), session, streams); failed != kExitOk)
        return failed;
    const Status written = JpkiSettings::write(cliStore.store(), session->userId(), config);
    cliStore.logout(*session);
    if (!written) {
        streams.err << "madoguchi-cli jpki: " << written.error().message << Qt::endl;
        return CliStore::exitCodeFor(written.error());
    }
    streams.out << "JPKI trust material configured: " << config.trustAnchors << ", CRLs "
                << (config.crls.isEmpty() && config.ocspUrl.isEmpty()
                        ? QStringLiteral("(none: every signature is held as revocation unknown)")
                        : config.crls)
                << (config.ocspUrl.isEmpty() ? QString() : QStringLiteral(", OCSP ") + config.ocspUrl) << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
