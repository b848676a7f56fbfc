// JpkiVerifier against a test PKI generated at test time (make-test-pki.sh): the valid signature and
// each refusal of issue 14 with its own status and reason; the signed bundle read from disk
// (tampered manifest, swapped image); malformed CMS input.

#include "core/bundle/CanonicalManifest.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/domain/Verdict.h"
#include "core/jpki/FactComparison.h"
#include "core/jpki/JpkiVerifier.h"
#include "tests/jpki/OcspResponder.h"
#include "tests/jpki/TestPki.h"
#include "tests/support/BundleFactory.h"
#include "tests/support/TestData.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

class TestJpkiVerifier : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validSignatureIsOk();
    void refusals_data();
    void refusals();
    void staleCrlIsRevocationUnknown();
    void missingCrlIsRevocationUnknown();
    void crlOfAnotherIssuerIsNotUsed();
    void ocspGoodRevokedUnreachable();
    void ocspSilentResponderTimesOut();
    void signingTimeOutsideTheWindowIsInvalid();
    void tamperedSignedBytesAreInvalid();
    void differencesFromRegisterAndForm_data();
    void differencesFromRegisterAndForm();
    void malformedCmsGivesAClearReason_data();
    void malformedCmsGivesAClearReason();
    void attachedCmsIsRefused();
    void signedBundleFromDisk();
    void tamperedManifestOnDisk();
    void swappedImageOnDisk();
    void canonicalManifestIsDeterministic();
    void verdictKeepsTheResult();
    void trustStoreRefusesMissingAnchors();

private:
    CaseBundle signedBundle(const QString &signer, const QDateTime &issued = QDateTime::currentDateTimeUtc().addSecs(-60));
    std::shared_ptr<const JpkiTrustStore> trust(const QString &crl = QStringLiteral("crl.pem"),
                                                const QString &ocspUrl = QString(), int ocspTimeout = 10) const;
    JpkiVerifier::Check verify(const CaseBundle &bundle, const QString &crl = QStringLiteral("crl.pem"));
    static std::vector<RegisterEntry> registerOf(const CaseBundle &bundle);

    QTemporaryDir m_dir;
    QString m_pki;
};

void TestJpkiVerifier::initTestCase()
{
    QVERIFY(m_dir.isValid());
#ifdef Q_OS_WIN
    QSKIP("the test PKI is made by tests/jpki/make-test-pki.sh (bash and the openssl command), "
          "which Windows does not have: JPKI verification is tested on Linux");
#endif
    m_pki = m_dir.filePath(QStringLiteral("pki"));
    QVERIFY(test::TestPki::generate(m_pki));
}

CaseBundle TestJpkiVerifier::signedBundle(const QString &signer, const QDateTime &issued)
{
    CaseBundle bundle = test::BundleFactory::specimen({QStringLiteral("frame0.jpg"), QStringLiteral("frame1.jpg"),
                                                       QStringLiteral("frame2.jpg"), QStringLiteral("frame3.jpg")},
                                                      QStringLiteral("document_front.jpg"));
    bundle.applicant.procedure = QStringLiteral("juminhyo_copy");
    bundle.challenge.issuedAt = issued;
    bundle.challenge.expiresAt = issued.addSecs(600);
    bundle.receivedAt = issued.addSecs(120);
    bundle.documentFront.sha256 = QString(64, QLatin1Char('a'));
    for (SelfieFrame &frame : bundle.frames)
        frame.image.sha256 = QString(64, QLatin1Char('b'));
    const QByteArray canonical = CanonicalManifest::bytes(bundle.toJson()).value();
    const QByteArray cms = test::TestPki::sign(m_pki, signer, canonical);
    bundle.signature = BundleSignature{QStringLiteral("signature.p7s"),
                                       QString::fromLatin1(QCryptographicHash::hash(cms, QCryptographicHash::Sha256).toHex()),
                                       cms, canonical};
    return bundle;
}

std::shared_ptr<const JpkiTrustStore> TestJpkiVerifier::trust(const QString &crl, const QString &ocspUrl,
                                                              int ocspTimeout) const
{
    JpkiConfig config;
    config.ocspUrl = ocspUrl;
    config.ocspTimeoutSeconds = ocspTimeout;
    config.trustAnchors = QDir(m_pki).filePath(QStringLiteral("root.pem"));
    if (!crl.isEmpty())
        config.crls = QDir(m_pki).filePath(crl);
    auto loaded = JpkiTrustStore::load(config);
    if (!loaded)
        qWarning("%s", qPrintable(loaded.error().message));
    return loaded ? loaded.value() : nullptr;
}

std::vector<RegisterEntry> TestJpkiVerifier::registerOf(const CaseBundle &bundle)
{
    return {RegisterEntry{QStringLiteral("R0001"), bundle.applicant.name, bundle.applicant.kana,
                          bundle.applicant.dateOfBirth, bundle.applicant.address}};
}

JpkiVerifier::Check TestJpkiVerifier::verify(const CaseBundle &bundle, const QString &crl)
{
    return JpkiVerifier(trust(crl)).verify(bundle, registerOf(bundle), QDateTime::currentDateTimeUtc());
}

void TestJpkiVerifier::validSignatureIsOk()
{
    const CaseBundle bundle = signedBundle(QStringLiteral("ok"));
    QVERIFY(!bundle.signature->cms.isEmpty());
    const auto check = verify(bundle);
    QCOMPARE(jpkiStatusName(check.result.status), QStringLiteral("ok"));
    QCOMPARE(check.result.reason, QStringLiteral("ok"));
    QVERIFY(check.result.differences.isEmpty());
    QCOMPARE(check.chain.size(), 3); // signer, signing CA, root
    QVERIFY(check.result.issuer.contains(QStringLiteral("TEST JPKI for digital signature")));
    QVERIFY(!check.result.serial.isEmpty());
    QCOMPARE(check.result.revocationSource, QStringLiteral("crl"));
    QVERIFY(check.result.crlNextUpdate > QDateTime::currentDateTimeUtc());
    QVERIFY(qAbs(check.result.signingTime.secsTo(QDateTime::currentDateTimeUtc())) < 120);
    QVERIFY(check.facts.has_value());
    QCOMPARE(check.facts->name, QStringLiteral("見本　太郎"));
    QCOMPARE(check.facts->dateOfBirth, QDate(1980, 4, 1));
    QCOMPARE(check.facts->gender, QStringLiteral("1"));
    QCOMPARE(check.facts->address, QStringLiteral("東京都見本区見本町１丁目２番３号"));
    QCOMPARE(check.facts->nameSubstitutes, QStringLiteral("00000"));
    // Not in the register: held as differing; no register at all (CLI without a store): the form only.
    const JpkiVerifier verifier(trust());
    const auto notFound = verifier.verify(bundle, std::vector<RegisterEntry>{}, QDateTime::currentDateTimeUtc());
    QCOMPARE(notFound.result.status, JpkiStatus::SubjectDiffers);
    QCOMPARE(notFound.result.differences, QStringList{QStringLiteral("register:not_found")});
    QCOMPARE(verifier.verify(bundle, std::nullopt, QDateTime::currentDateTimeUtc()).result.status, JpkiStatus::Ok);
}

void TestJpkiVerifier::refusals_data()
{
    QTest::addColumn<QString>("signer");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("reason");
    QTest::newRow("revoked") << "revoked" << "revoked" << "revoked";
    QTest::newRow("wrong key usage (authentication certificate)") << "auth" << "untrusted" << "key_usage";
    QTest::newRow("no certificate policy") << "nopolicy" << "untrusted" << "policy";
    QTest::newRow("expired signer") << "expired" << "expired" << "certificate_expired";
    QTest::newRow("untrusted chain") << "untrusted" << "untrusted" << "chain_untrusted";
}

void TestJpkiVerifier::refusals()
{
    QFETCH(QString, signer);
    QFETCH(QString, status);
    QFETCH(QString, reason);
    const auto check = verify(signedBundle(signer));
    QCOMPARE(jpkiStatusName(check.result.status), status);
    QCOMPARE(check.result.reason, reason);
    QVERIFY(!JpkiSignatureResult::reasonJa(reason).isEmpty());
    QVERIFY(JpkiSignatureResult::reasonJa(reason) != reason); // a sentence, not the code
    QVERIFY(JpkiSignatureResult::reasonEn(reason) != reason);
}

void TestJpkiVerifier::staleCrlIsRevocationUnknown()
{
    const auto check = verify(signedBundle(QStringLiteral("ok")), QStringLiteral("stale-crl.pem"));
    QCOMPARE(check.result.status, JpkiStatus::RevocationUnknown);
    QCOMPARE(check.result.reason, QStringLiteral("crl_stale"));
    QCOMPARE(check.result.crlNextUpdate, QDateTime(QDate(2020, 1, 2), QTime(0, 0), Qt::UTC));
}

void TestJpkiVerifier::missingCrlIsRevocationUnknown()
{
    const auto check = verify(signedBundle(QStringLiteral("ok")), QString());
    QCOMPARE(check.result.status, JpkiStatus::RevocationUnknown);
    QCOMPARE(check.result.reason, QStringLiteral("crl_missing"));
}

void TestJpkiVerifier::crlOfAnotherIssuerIsNotUsed()
{
    // root's CRL is current, but it is not the signing CA's: revocation stays unknown.
    const auto check = verify(signedBundle(QStringLiteral("ok")), QStringLiteral("root-crl.pem"));
    QCOMPARE(check.result.status, JpkiStatus::RevocationUnknown);
    QCOMPARE(check.result.reason, QStringLiteral("crl_missing"));
}

void TestJpkiVerifier::ocspGoodRevokedUnreachable()
{
    test::OcspResponder responder;
    QVERIFY(responder.start(m_pki));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // No CRL configured: the responder alone decides.
    const JpkiVerifier verifier(trust(QString(), responder.url()));
    const CaseBundle good = signedBundle(QStringLiteral("ok"));
    const auto ok = verifier.verify(good, registerOf(good), now);
    QCOMPARE(ok.result.reason, QStringLiteral("ok"));
    QCOMPARE(ok.result.revocationSource, QStringLiteral("ocsp"));
    QCOMPARE(ok.result.revocationLocation, responder.url());
    QCOMPARE(ok.result.revocationCheckedAt, now);

    const CaseBundle revokedBundle = signedBundle(QStringLiteral("revoked"));
    const auto revoked = verifier.verify(revokedBundle, registerOf(revokedBundle), now);
    QCOMPARE(revoked.result.status, JpkiStatus::Revoked);
    QCOMPARE(revoked.result.reason, QStringLiteral("revoked"));

    // A responder that is not there: revocation unknown, even with a current CRL configured.
    const JpkiVerifier nobody(trust(QStringLiteral("crl.pem"),
                                    QStringLiteral("http://127.0.0.1:%1/").arg(test::OcspResponder::freePort())));
    const auto unreachable = nobody.verify(good, registerOf(good), now);
    QCOMPARE(unreachable.result.status, JpkiStatus::RevocationUnknown);
    QCOMPARE(unreachable.result.reason, QStringLiteral("ocsp_unreachable"));
    QVERIFY(JpkiSignatureResult::reasonEn(QStringLiteral("ocsp_unreachable")).contains(QStringLiteral("revocation unknown")));

    // Answers signed by a key the signing CA did not delegate (the signer's own): never a pass.
    test::OcspResponder impostor;
    QVERIFY(impostor.start(m_pki, QStringLiteral("ok")));
    const auto forged = JpkiVerifier(trust(QString(), impostor.url())).verify(good, registerOf(good), now);
    QCOMPARE(forged.result.status, JpkiStatus::RevocationUnknown);
    QCOMPARE(forged.result.reason, QStringLiteral("ocsp_invalid"));
}

void TestJpkiVerifier::ocspSilentResponderTimesOut()
{
    // Accepts the connection (the kernel completes it) and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const JpkiVerifier verifier(
        trust(QStringLiteral("crl.pem"), QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort()), 1));
    const CaseBundle bundle = signedBundle(QStringLiteral("ok"));
    QElapsedTimer timer;
    timer.start();
    const auto check = verifier.verify(bundle, registerOf(bundle), QDateTime::currentDateTimeUtc());
    QCOMPARE(check.result.status, JpkiStatus::RevocationUnknown);
    QCOMPARE(check.result.reason, QStringLiteral("ocsp_unreachable"));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestJpkiVerifier::signingTimeOutsideTheWindowIsInvalid()
{
    // The challenge was issued and expired an hour ago; the signature is made now.
    const auto check = verify(signedBundle(QStringLiteral("ok"), QDateTime::currentDateTimeUtc().addSecs(-3600)));
    QCOMPARE(check.result.status, JpkiStatus::Invalid);
    QCOMPARE(check.result.reason, QStringLiteral("signing_time_outside_window"));
}

void TestJpkiVerifier::tamperedSignedBytesAreInvalid()
{
    CaseBundle bundle = signedBundle(QStringLiteral("ok"));
    QByteArray &bytes = bundle.signature->signedManifest;
    bytes.replace(QByteArrayLiteral("\"copies\":1"), QByteArrayLiteral("\"copies\":9"));
    QVERIFY(bytes.contains("\"copies\":9"));
    const auto check = verify(bundle);
    QCOMPARE(check.result.status, JpkiStatus::Invalid);
    QCOMPARE(check.result.reason, QStringLiteral("cms_signature_invalid"));
}

void TestJpkiVerifier::differencesFromRegisterAndForm_data()
{
    QTest::addColumn<QString>("registerName");
    QTest::addColumn<QString>("registerLine");
    QTest::addColumn<QString>("expected"); // differences joined by ','; empty: ok
    QTest::newRow("same") << "見本 太郎" << "見本町1-2-3" << "";
    QTest::newRow("width and spaces only") << "見本　太郎" << "見本町１－２－３" << "";
    QTest::newRow("block numbers in kanji") << "見本太郎" << "見本町一丁目二番三号" << "";
    QTest::newRow("name differs") << "見本 次郎" << "見本町1-2-3" << "name:register";
    QTest::newRow("異体字 is a difference") << "見夲 太郎" << "見本町1-2-3" << "name:register";
    QTest::newRow("address differs") << "見本 太郎" << "見本町1-2-4" << "address:register";
    QTest::newRow("both differ") << "見本 花子" << "見本町9-9-9" << "name:register,address:register";
}

void TestJpkiVerifier::differencesFromRegisterAndForm()
{
    QFETCH(QString, registerName);
    QFETCH(QString, registerLine);
    QFETCH(QString, expected);
    const CaseBundle bundle = signedBundle(QStringLiteral("ok"));
    std::vector<RegisterEntry> entries = registerOf(bundle);
    entries[0].name = registerName;
    entries[0].address.line = registerLine;
    const auto check = JpkiVerifier(trust()).verify(bundle, entries, QDateTime::currentDateTimeUtc());
    QCOMPARE(check.result.differences.join(QLatin1Char(',')), expected);
    QCOMPARE(check.result.status, expected.isEmpty() ? JpkiStatus::Ok : JpkiStatus::SubjectDiffers);
}

void TestJpkiVerifier::malformedCmsGivesAClearReason_data()
{
    QTest::addColumn<QByteArray>("cms");
    QTest::addColumn<QString>("reason");
    QTest::newRow("garbage") << QByteArray("not a CMS at all") << "cms_malformed";
    QTest::newRow("empty SEQUENCE") << QByteArray::fromHex("3000") << "cms_malformed";
    QTest::newRow("huge length") << QByteArray::fromHex("3084ffffffff06092a864886f70d010702") << "cms_malformed";
    QTest::newRow("a certificate, not a CMS") << QByteArray() << "cms_malformed"; // filled below
}

void TestJpkiVerifier::malformedCmsGivesAClearReason()
{
    QFETCH(QByteArray, cms);
    QFETCH(QString, reason);
    CaseBundle bundle = signedBundle(QStringLiteral("ok"));
    if (cms.isEmpty()) {
        QFile pem(QDir(m_pki).filePath(QStringLiteral("ok.pem")));
        QVERIFY(pem.open(QIODevice::ReadOnly));
        cms = pem.readAll();
    }
    bundle.signature->cms = cms;
    const auto check = verify(bundle);
    QCOMPARE(check.result.status, JpkiStatus::Invalid);
    QCOMPARE(check.result.reason, reason);
    // Every truncation of a real signature is refused, never accepted and never a crash.
    const QByteArray real = signedBundle(QStringLiteral("ok")).signature->cms;
    for (qsizetype length = 0; length < real.size(); length += 97) {
        bundle.signature->cms = real.left(length);
        QCOMPARE(verify(bundle).result.status, JpkiStatus::Invalid);
    }
}

void TestJpkiVerifier::attachedCmsIsRefused()
{
    CaseBundle bundle = signedBundle(QStringLiteral("ok"));
    bundle.signature->cms = test::TestPki::sign(m_pki, QStringLiteral("ok"), bundle.signature->signedManifest,
                                                {QStringLiteral("signca.pem")}, true);
    QCOMPARE(verify(bundle).result.reason, QStringLiteral("cms_not_detached"));
}

namespace {

// Writes the bundle with the sample photos, signs its canonical manifest, adds signature.p7s.
bool writeSigned(const QString &directory, CaseBundle bundle, const QString &pki)
{
    QStringList frames;
    for (int i = 0; i < 4; ++i)
        frames << test::johnPhoto(QStringLiteral("John_Savage"), i);
    const QString document = test::johnPhoto(QStringLiteral("John_Savage"), 5);
    if (document.isEmpty())
        return false;
    bundle.documentFront.file.clear();
    for (SelfieFrame &frame : bundle.frames)
        frame.image.file.clear();
    bundle.signature.reset();
    if (!test::BundleFactory::write(directory, bundle, document, frames))
        return false;
    QFile file(QDir(directory).filePath(QStringLiteral("case.json")));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    const QByteArray cms = test::TestPki::sign(pki, QStringLiteral("ok"), CanonicalManifest::bytes(manifest).value());
    QFile p7s(QDir(directory).filePath(QStringLiteral("signature.p7s")));
    if (cms.isEmpty() || !p7s.open(QIODevice::WriteOnly) || p7s.write(cms) != cms.size())
        return false;
    manifest.insert(QStringLiteral("signature"),
                    QJsonObject{{QStringLiteral("file"), QStringLiteral("signature.p7s")},
                                {QStringLiteral("sha256"), QString::fromLatin1(
                                                               QCryptographicHash::hash(cms, QCryptographicHash::Sha256).toHex())}});
    return test::BundleFactory::writeManifest(directory, manifest);
}

QJsonObject readManifest(const QString &directory)
{
    QFile file(QDir(directory).filePath(QStringLiteral("case.json")));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

} // namespace

void TestJpkiVerifier::signedBundleFromDisk()
{
    const QString directory = m_dir.filePath(QStringLiteral("disk-ok"));
    QVERIFY2(writeSigned(directory, signedBundle(QStringLiteral("ok")), m_pki), "samples missing or signing failed");
    auto read = CaseBundleReader::create().value().read(directory);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QVERIFY(read.value().signature.has_value());
    QCOMPARE(verify(read.value()).result.status, JpkiStatus::Ok);
    // The stored form (toJson, cms and signed bytes inline) verifies again without the files.
    const CaseBundle stored = CaseBundle::fromJson(read.value().toJson());
    QCOMPARE(stored.signature->cms, read.value().signature->cms);
    QCOMPARE(verify(stored).result.status, JpkiStatus::Ok);
    // An older, unsigned bundle stays valid.
    QJsonObject manifest = readManifest(directory);
    manifest.remove(QStringLiteral("signature"));
    QVERIFY(test::BundleFactory::writeManifest(directory, manifest));
    auto unsigned_ = CaseBundleReader::create().value().read(directory);
    QVERIFY(unsigned_.ok());
    QVERIFY(!unsigned_.value().signature.has_value());
    QCOMPARE(verify(unsigned_.value()).result.reason, QStringLiteral("not_signed"));
}

void TestJpkiVerifier::tamperedManifestOnDisk()
{
    const QString directory = m_dir.filePath(QStringLiteral("disk-tampered"));
    QVERIFY(writeSigned(directory, signedBundle(QStringLiteral("ok")), m_pki));
    QJsonObject manifest = readManifest(directory);
    QJsonObject applicant = manifest.value(QStringLiteral("applicant")).toObject();
    applicant.insert(QStringLiteral("copies"), 5);
    manifest.insert(QStringLiteral("applicant"), applicant);
    QVERIFY(test::BundleFactory::writeManifest(directory, manifest));
    auto read = CaseBundleReader::create().value().read(directory);
    QVERIFY(read.ok());
    const auto check = verify(read.value());
    QCOMPARE(check.result.status, JpkiStatus::Invalid);
    QCOMPARE(check.result.reason, QStringLiteral("cms_signature_invalid"));
}

void TestJpkiVerifier::swappedImageOnDisk()
{
    const QString directory = m_dir.filePath(QStringLiteral("disk-swapped"));
    QVERIFY(writeSigned(directory, signedBundle(QStringLiteral("ok")), m_pki));
    // Another photo in frame1.jpg: the reader refuses the file against the declared SHA-256 ...
    const QString other = test::johnPhoto(QStringLiteral("John_Savage"), 4);
    QVERIFY(QFile::remove(QDir(directory).filePath(QStringLiteral("frame1.jpg"))));
    QVERIFY(QFile::copy(other, QDir(directory).filePath(QStringLiteral("frame1.jpg"))));
    auto read = CaseBundleReader::create().value().read(directory);
    QVERIFY(!read.ok());
    QVERIFY(read.error().message.contains(QStringLiteral("/selfie/frames/1/image/sha256")));
    // ... and declaring the new SHA-256 breaks the signature.
    QFile swapped(other);
    QVERIFY(swapped.open(QIODevice::ReadOnly));
    QJsonObject manifest = readManifest(directory);
    QJsonObject selfie = manifest.value(QStringLiteral("selfie")).toObject();
    QJsonArray frames = selfie.value(QStringLiteral("frames")).toArray();
    QJsonObject frame = frames.at(1).toObject();
    QJsonObject image = frame.value(QStringLiteral("image")).toObject();
    image.insert(QStringLiteral("sha256"),
                 QString::fromLatin1(QCryptographicHash::hash(swapped.readAll(), QCryptographicHash::Sha256).toHex()));
    frame.insert(QStringLiteral("image"), image);
    frames.replace(1, frame);
    selfie.insert(QStringLiteral("frames"), frames);
    manifest.insert(QStringLiteral("selfie"), selfie);
    QVERIFY(test::BundleFactory::writeManifest(directory, manifest));
    auto reread = CaseBundleReader::create().value().read(directory);
    QVERIFY2(reread.ok(), qPrintable(reread.ok() ? QString() : reread.error().message));
    QCOMPARE(verify(reread.value()).result.reason, QStringLiteral("cms_signature_invalid"));
}

void TestJpkiVerifier::canonicalManifestIsDeterministic()
{
    const QJsonObject manifest{{QStringLiteral("b"), 1},
                               {QStringLiteral("a"), QStringLiteral("見本\t\"x\"\\\u0001")},
                               {QStringLiteral("signature"), QJsonObject{{QStringLiteral("file"), QStringLiteral("s")}}},
                               {QStringLiteral("c"), QJsonArray{true, QJsonValue(), QJsonObject{{QStringLiteral("z"), 2},
                                                                                                {QStringLiteral("y"), -3}}}}};
    const auto bytes = CanonicalManifest::bytes(manifest);
    QVERIFY(bytes.ok());
    // {"a":"見本\t\"x\"\\\u0001","b":1,"c":[true,null,{"y":-3,"z":2}]} (escapes as written)
    const QByteArray expected = QStringLiteral("{\"a\":\"見本\\t\\\"x\\\"\\\\\\u0001\",\"b\":1,"
                                               "\"c\":[true,null,{\"y\":-3,\"z\":2}]}").toUtf8();
    QCOMPARE(bytes.value(), expected);
    QVERIFY(!CanonicalManifest::bytes(QJsonObject{{QStringLiteral("n"), 1.5}}).ok());
}

void TestJpkiVerifier::verdictKeepsTheResult()
{
    Verdict verdict;
    verdict.applicationId = QStringLiteral("app-0001-specimen");
    verdict.jpkiSignature = verify(signedBundle(QStringLiteral("revoked"))).result;
    const auto back = Verdict::fromJson(verdict.toJson());
    QVERIFY(back.ok());
    QVERIFY(back.value().jpkiSignature.has_value());
    QCOMPARE(back.value().jpkiSignature->toJson(), verdict.jpkiSignature->toJson());
    QCOMPARE(back.value().jpkiSignature->status, JpkiStatus::Revoked);
    QVERIFY(!Verdict::fromJson(Verdict{}.toJson()).value().jpkiSignature.has_value());
}

void TestJpkiVerifier::trustStoreRefusesMissingAnchors()
{
    JpkiConfig config;
    QVERIFY(!JpkiTrustStore::load(config).ok());
    config.trustAnchors = QDir(m_pki).filePath(QStringLiteral("signca.pem")); // not self-signed
    QVERIFY(!JpkiTrustStore::load(config).ok());
    config.trustAnchors = QDir(m_pki).filePath(QStringLiteral("crl.pem"));
    QVERIFY(!JpkiTrustStore::load(config).ok());
    config.trustAnchors = QDir(m_pki).filePath(QStringLiteral("root.pem"));
    config.crls = QDir(m_pki).filePath(QStringLiteral("root.pem"));
    QVERIFY(!JpkiTrustStore::load(config).ok());
    // Without trust material the CMS is still checked, and the result names the missing configuration.
    const auto check = JpkiVerifier(nullptr).verify(signedBundle(QStringLiteral("ok")), {}, QDateTime::currentDateTimeUtc());
    QCOMPARE(check.result.reason, QStringLiteral("not_configured"));
}

QTEST_GUILESS_MAIN(TestJpkiVerifier)
#include "TestJpkiVerifier.moc"
