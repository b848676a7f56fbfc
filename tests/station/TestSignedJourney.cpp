#include "core/face/CaseVerifier.h"
#include "core/evaluation/SampleCaseWriter.h"
#include "core/issuance/CertificateData.h"
#include "core/station/Importer.h"
#include "core/station/IssuanceService.h"
#include "core/station/JpkiSettings.h"
#include "core/station/VerificationJob.h"
#include "core/store/Sql.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/jpki/TestPki.h"
#include "tests/receiver/HttpTestClient.h"
#include "tests/support/RealFaces.h"
#include "tests/support/StoreFixture.h"

#include "tests/station/ReceiverFixture.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// A JPKI-signed 住民票 request end to end over real HTTP (issue 14): a resident submits it with
// signing=jpki through the applicant (LIFF) API of a real receiver on loopback (an ID token from
// the LINE simulator; real faces from dlib's example photos), fetches the canonical manifest,
// signs those bytes with a test PKI generated at test time (`openssl cms -sign`, a signer
// certificate carrying the J-LIS-style otherName facts of the register's resident) and uploads
// signature.p7s; the workstation's Importer pulls it over HTTP into a real store and acknowledges
// it (the receiver then holds none of its personal data); the real face engine and the JPKI check
// make the verdict; a clerk decides, another person (the supervisor) approves the batch, the
// 住民票の写し is issued and the receiver told; the audit names the identity method. On the same
// path a revoked signer's request is imported held, with the reason, and cannot be issued; and the
// demo's signing app (`madoguchi-cli demo sign-remote`) signs through the receiver the same way.
class TestSignedJourney : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signedJuminhyoIsIssued();
    void revokedSignerIsHeld();
    void demoSigningAppSignsThroughTheReceiver();

private:
    // Submits the resident's signed request, signs the manifest the receiver serves with `signer`
    // and uploads the signature; the application id (empty on failure, the test failed).
    QString submitAndSign(const QString &signer, const QString &key);
    // Imports one round over HTTP; the case id of `applicationId` (0 on failure).
    qint64 importOne(const QString &applicationId);
    // submitAndSign + importOne: the case id, 0 on failure (the test failed).
    qint64 signedCase(const QString &signer, QString &applicationId);
    QString text(const QString &sql, qint64 caseId);
    QString column(const QString &name, qint64 caseId)
    {
        return text(QStringLiteral("SELECT %1 FROM cases WHERE id = :c").arg(name), caseId);
    }

    QTemporaryDir m_dir;
    QString m_pki;
    QString m_bundle; // the resident's case bundle directory (real faces)
    std::unique_ptr<CaseVerifier> m_verifier;
    std::unique_ptr<test::ReceiverFixture> m_rx;
    std::unique_ptr<test::StoreFixture> m_store;
};

void TestSignedJourney::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pki = m_dir.filePath(QStringLiteral("pki"));
    // StoreFixture's register resident (見本 太郎, 1980-04-01, 登録町4-5-6), spelt as J-LIS does.
    QVERIFY(test::TestPki::generate(m_pki, {QStringLiteral("見本　太郎"), QStringLiteral("319800401"), QStringLiteral("1"),
                                            QStringLiteral("東京都見本区登録町四丁目５番６号")}));
    auto verifier = test::RealFaces::shippedVerifier();
    QVERIFY2(verifier.ok(), qPrintable(verifier.ok() ? QString() : verifier.error().message));
    m_verifier = std::move(verifier).value();

    SampleCaseWriter::Input input = test::RealFaces::personInput(QStringLiteral("John_Simm"));
    QVERIFY2(!input.portrait.empty(), "dlib's example photos are missing: run fetch-models.sh");
    input.procedure = QStringLiteral("juminhyo_copy");
    // The form as the register's resident fills it in.
    input.applicant = ApplicantForm{QStringLiteral("juminhyo_copy"), QStringLiteral("見本 太郎"), QStringLiteral("ミホン タロウ"),
                                    QDate(1980, 4, 1),
                                    PostalAddress{QStringLiteral("100-0002"), QStringLiteral("東京都"), QStringLiteral("見本区"),
                                                  QStringLiteral("登録町4-5-6")},
                                    QStringLiteral("03-0000-0000"), QString(), 1};
    m_bundle = m_dir.filePath(QStringLiteral("bundle"));
    auto written = SampleCaseWriter::write(m_bundle, input);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
}

void TestSignedJourney::init()
{
    m_rx = std::make_unique<test::ReceiverFixture>();
    QVERIFY(m_rx->ok());
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
    // The workstation's clock is now (the signing time is checked against the challenge window).
    m_store->clock().set(QDateTime::currentDateTimeUtc());
    // The ward trusts the test PKI's root and keeps its CRL (as `madoguchi-cli jpki configure`).
    JpkiConfig config;
    config.trustAnchors = QDir(m_pki).filePath(QStringLiteral("root.pem"));
    config.crls = QDir(m_pki).filePath(QStringLiteral("crl.pem"));
    QVERIFY(JpkiSettings::write(m_store->store(), m_store->user(QStringLiteral("admin")), config).ok());
}

void TestSignedJourney::cleanup()
{
    m_rx.reset();
    m_store.reset();
}

QString TestSignedJourney::submitAndSign(const QString &signer, const QString &key)
{
    const QString id = m_rx->submitBundle(m_bundle, key, {{QStringLiteral("signing"), QStringLiteral("jpki")}});
    if (id.isEmpty()) {
        QTest::qFail("the receiver refused the signed application", __FILE__, __LINE__);
        return {};
    }
    const HttpTestClient::Headers auth{{"Authorization", "Bearer " + m_rx->idToken().toStdString()}};
    const std::string path = "/api/v1/applications/" + id.toStdString();
    // Not signed yet: the workstation is not offered it.
    Importer early(m_store->store(), m_rx->client());
    auto round = early.runOnce();
    if (!round.ok() || round.value().leased != 0) {
        QTest::qFail("an unsigned application was leased", __FILE__, __LINE__);
        return {};
    }
    const auto manifest = HttpTestClient::request(m_rx->applicantPort(), "GET", path + "/manifest", {}, auth);
    if (manifest.status != 200 || manifest.body.isEmpty()) {
        QTest::qFail(qPrintable(QStringLiteral("manifest: %1").arg(manifest.status)), __FILE__, __LINE__);
        return {};
    }
    const QByteArray cms = test::TestPki::sign(m_pki, signer, manifest.body);
    HttpTestClient::Headers upload = auth;
    upload.emplace_back("Content-Type", "application/pkcs7-signature");
    const auto put = HttpTestClient::request(m_rx->applicantPort(), "PUT", path + "/signature", cms, upload);
    if (cms.isEmpty() || put.status != 200) {
        QTest::qFail(qPrintable(QStringLiteral("signature upload: %1 %2").arg(put.status).arg(QString::fromUtf8(put.body))),
                     __FILE__, __LINE__);
        return {};
    }
    return id;
}

qint64 TestSignedJourney::importOne(const QString &applicationId)
{
    QTemporaryDir temp;
    Importer::Options options;
    options.tempRoot = temp.path();
    Importer importer(m_store->store(), m_rx->client(), options);
    auto round = importer.runOnce();
    if (!round.ok() || round.value().imported != 1 || round.value().failed != 0) {
        qWarning("import round: %s", qPrintable(round.ok() ? round.value().errors.join(QLatin1Char('\n')) : round.error().message));
        return 0;
    }
    auto db = m_store->store().connections().database();
    auto id = Sql::scalar(db.value(), QStringLiteral("SELECT id FROM cases WHERE application_id = :a"),
                          {{QStringLiteral("a"), applicationId}});
    return id.ok() ? id.value().toLongLong() : 0;
}

qint64 TestSignedJourney::signedCase(const QString &signer, QString &applicationId)
{
    applicationId = submitAndSign(signer, QStringLiteral("journey-") + signer);
    const qint64 caseId = applicationId.isEmpty() ? 0 : importOne(applicationId);
    if (caseId <= 0 && !QTest::currentTestFailed())
        QTest::qFail("the signed application was not imported", __FILE__, __LINE__);
    return caseId;
}

QString TestSignedJourney::text(const QString &sql, qint64 caseId)
{
    auto db = m_store->store().connections().database();
    auto value = Sql::scalar(db.value(), sql, {{QStringLiteral("c"), caseId}});
    return value.ok() ? value.value().toString() : QStringLiteral("(error %1)").arg(value.error().message);
}

void TestSignedJourney::signedJuminhyoIsIssued()
{
    QString applicationId;
    const qint64 caseId = signedCase(QStringLiteral("ok"), applicationId);
    QVERIFY(caseId > 0);
    QCOMPARE(column(QStringLiteral("identity_method"), caseId), QStringLiteral("jpki_signature"));
    QCOMPARE(column(QStringLiteral("hold_reason"), caseId), QString());

    // Acknowledged: the receiver holds none of the application's personal data any more.
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT count(*) FROM applications WHERE id = '%1' AND manifest IS NULL")
                                 .arg(applicationId)),
             QStringLiteral("1"));
    QVERIFY(!QFileInfo::exists(QDir(m_rx->spool().filesDirectory()).filePath(applicationId)));
    QCOMPARE(m_rx->client().downloadBundle(applicationId).error().code, ErrorCode::Gone);

    // The verdict: the real face engine on the stored images and the JPKI signature checked again.
    const qint64 clerk = m_store->user(QStringLiteral("clerk1"));
    VerificationJob job(m_store->store(), *m_verifier, clerk);
    auto verdict = job.verifyCase(caseId);
    QVERIFY2(verdict.ok(), qPrintable(verdict.ok() ? QString() : verdict.error().message));
    QVERIFY(verdict.value().jpkiSignature.has_value());
    QVERIFY2(verdict.value().jpkiSignature->ok(), qPrintable(verdict.value().jpkiSignature->reason));
    QCOMPARE(verdict.value().check(QStringLiteral("jpki_signature"))->outcome, Outcome::Pass);
    QCOMPARE(verdict.value().band, QStringLiteral("match")); // the faces, as supporting evidence
    QCOMPARE(m_store->store().caseStatus(caseId).value().state, CaseState::Verified);

    // The clerk decides; the clerk cannot approve the own batch, the supervisor does.
    CaseWorkflow cases(m_store->store());
    QVERIFY(cases.claim(clerk, caseId).ok());
    QVERIFY(cases.decide(clerk, caseId, {DecisionOutcome::Approved, QString(), QString()}).ok());
    BatchWorkflow batches(m_store->store());
    auto batch = batches.submit(clerk, {caseId});
    QVERIFY(batch.ok());
    QVERIFY(!batches.approve(clerk, batch.value(), QString::fromLatin1(test::StoreFixture::kPassword)).ok());
    QVERIFY(batches.approve(m_store->user(QStringLiteral("sup1")), batch.value(),
                            QString::fromLatin1(test::StoreFixture::kPassword))
                .ok());

    // Issued: the 住民票の写し of the register's entry, and the receiver told.
    IssuanceService service(m_store->store(), &m_rx->client());
    QVERIFY(service.issuable(caseId).ok());
    auto issued = service.issue(clerk, caseId);
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().message));
    QVERIFY2(issued.value().receiverNotified, qPrintable(issued.value().notifyError));
    auto certificate = CertificateData::load(m_store->store(), caseId);
    QVERIFY(certificate.ok());
    QCOMPARE(certificate.value().procedure, QStringLiteral("juminhyo_copy"));
    QCOMPARE(certificate.value().procedureNameJa, QStringLiteral("住民票の写し"));
    QCOMPARE(certificate.value().name, QStringLiteral("見本 太郎"));
    QCOMPARE(certificate.value().registeredAddress.line, QStringLiteral("登録町4-5-6"));
    QVERIFY(!certificate.value().certificateNumber.isEmpty());
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(applicationId)),
             QStringLiteral("issued"));

    // The audit records what the issuance relied on.
    const QString detail = text(QStringLiteral("SELECT detail FROM audit WHERE action = 'certificate_issued' AND "
                                               "subject = 'case:' || :c"),
                                caseId);
    QCOMPARE(QJsonDocument::fromJson(detail.toUtf8()).object().value(QStringLiteral("identity_method")).toString(),
             QStringLiteral("jpki_signature"));
}

void TestSignedJourney::revokedSignerIsHeld()
{
    QString applicationId;
    const qint64 caseId = signedCase(QStringLiteral("revoked"), applicationId);
    QVERIFY(caseId > 0);
    // Imported, but its identity does not rest on the signature, and 住民票 is held with the reason.
    QCOMPARE(column(QStringLiteral("identity_method"), caseId), QStringLiteral("ekyc_face"));
    const QString hold = column(QStringLiteral("hold_reason"), caseId);
    QVERIFY2(hold.contains(JpkiSignatureResult::reasonJa(QStringLiteral("revoked"))), qPrintable(hold));
    // The verdict says so too, and the case stays held after the verification.
    auto verdict = VerificationJob(m_store->store(), *m_verifier, m_store->user(QStringLiteral("clerk1"))).verifyCase(caseId);
    QVERIFY2(verdict.ok(), qPrintable(verdict.ok() ? QString() : verdict.error().message));
    QVERIFY(verdict.value().jpkiSignature.has_value());
    QCOMPARE(verdict.value().jpkiSignature->reason, QStringLiteral("revoked"));
    QCOMPARE(verdict.value().check(QStringLiteral("jpki_signature"))->outcome, Outcome::Fail);
    QCOMPARE(m_store->store().caseStatus(caseId).value().state, CaseState::Held);
    const Status allowed = IssuanceService(m_store->store(), &m_rx->client()).issuable(caseId);
    QVERIFY(!allowed.ok());
    QCOMPARE(allowed.error().code, ErrorCode::PolicyRefused);
}

void TestSignedJourney::demoSigningAppSignsThroughTheReceiver()
{
    // `madoguchi-cli demo sign-remote`, the demo's stand-in for the resident's signing app.
    const QString id = m_rx->submitBundle(m_bundle, QStringLiteral("journey-demo"),
                                          {{QStringLiteral("signing"), QStringLiteral("jpki")}});
    QVERIFY(!id.isEmpty());
    const QStringList arguments{QStringLiteral("demo"), QStringLiteral("sign-remote"), id, QStringLiteral("--pki"), m_pki,
                                QStringLiteral("--receiver"), QStringLiteral("http://127.0.0.1:%1").arg(m_rx->applicantPort()),
                                QStringLiteral("--id-token"), m_rx->idToken()};
    const auto run = [&arguments](QByteArray *err) {
        QProcess process;
        process.start(QStringLiteral(MADO_CLI_PATH), arguments);
        if (!process.waitForFinished(60000))
            return -1;
        *err = process.readAllStandardError();
        return process.exitCode();
    };
    QByteArray err;
    QCOMPARE(run(&err), 0);
    // Once: the receiver refuses a second signature (409), the command says so with exit code 2.
    QCOMPARE(run(&err), 2);
    QVERIFY2(err.contains("409"), err.constData());
    const qint64 caseId = importOne(id);
    QVERIFY(caseId > 0);
    QCOMPARE(column(QStringLiteral("identity_method"), caseId), QStringLiteral("jpki_signature"));
}

QTEST_GUILESS_MAIN(TestSignedJourney)
#include "TestSignedJourney.moc"
