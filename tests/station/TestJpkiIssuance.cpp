// A signed 住民票 request through the workstation's real parts: Importer::store (the JPKI signature
// verified against the ward settings' trust material and the register; identity method
// jpki_signature; the procedure policy lets it through), the clerk's decision, the supervisor's
// batch and the issuance, whose audit names the identity method. A revoked signer's request and an
// unsigned one stay held by policy; VerificationJob's check turns a revoked signature into a
// failing "jpki_signature" check.

#include "core/bundle/CanonicalManifest.h"
#include "core/issuance/CertificateIssuer.h"
#include "core/station/Importer.h"
#include "core/station/JpkiSettings.h"
#include "core/station/JpkiSignatureCheck.h"
#include "core/station/VerificationJob.h"
#include "core/store/ImageSanitizer.h"
#include "core/store/Sql.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/jpki/SignedJuminhyo.h"
#include "tests/jpki/TestPki.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/StoreFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTest>

using namespace mado;

class TestJpkiIssuance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signedJuminhyoIsIssued();
    void revokedSignerIsHeld();
    void unsignedJuminhyoIsHeld();
    void verdictCheckFollowsTheSignature();
    void trustMaterialIsCachedUntilItChanges();
    void trustMaterialThatDoesNotLoadIsAnError();

private:
    Importer::Fetched fetched(test::StoreFixture &f, const QString &signer);
    Result<CaseStore::ImportResult> import(test::StoreFixture &f, const QString &signer);
    static QString column(test::StoreFixture &f, qint64 caseId, const QString &column);

    QTemporaryDir m_dir;
    QString m_pki;
};

void TestJpkiIssuance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pki = m_dir.filePath(QStringLiteral("pki"));
    // The facts of StoreFixture's register entry, the address spelt as J-LIS does.
    QVERIFY(test::TestPki::generate(m_pki, {QStringLiteral("見本　太郎"), QStringLiteral("319800401"), QStringLiteral("1"),
                                            QStringLiteral("東京都見本区登録町四丁目５番６号")}));
}

Importer::Fetched TestJpkiIssuance::fetched(test::StoreFixture &f, const QString &signer)
{
    return test::signedJuminhyo(f, m_pki, signer);
}

Result<CaseStore::ImportResult> TestJpkiIssuance::import(test::StoreFixture &f, const QString &signer)
{
    // The importer's store step needs no receiver: the client is never called.
    const ReceiverClient client(QStringLiteral("https://127.0.0.1:9"), QByteArrayLiteral("unused-token"));
    Importer importer(f.store(), client);
    return importer.store(fetched(f, signer));
}

QString TestJpkiIssuance::column(test::StoreFixture &f, qint64 caseId, const QString &column)
{
    auto db = f.store().connections().database();
    auto value = Sql::scalar(db.value(), QStringLiteral("SELECT %1 FROM cases WHERE id = :c").arg(column),
                             {{QStringLiteral("c"), caseId}});
    return value ? value.value().toString() : QStringLiteral("(error)");
}

void TestJpkiIssuance::signedJuminhyoIsIssued()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto imported = import(f, QStringLiteral("ok"));
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
    const qint64 id = imported.value().caseId;
    QCOMPARE(column(f, id, QStringLiteral("identity_method")), QStringLiteral("jpki_signature"));
    QCOMPARE(column(f, id, QStringLiteral("hold_reason")), QString());

    Verdict verdict = test::StoreFixture::matchVerdict(QStringLiteral("unused"));
    JpkiSignatureResult ok;
    ok.status = JpkiStatus::Ok;
    ok.reason = QStringLiteral("ok");
    VerificationJob::applyJpkiCheck(ok, verdict);
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    CaseWorkflow cases(f.store());
    QVERIFY(cases.markVerified(f.user(QStringLiteral("clerk1")), id, verdict).ok());
    QCOMPARE(column(f, id, QStringLiteral("state")), QStringLiteral("verified"));
    QVERIFY(cases.claim(clerk, id).ok());
    QVERIFY(cases.decide(clerk, id, {DecisionOutcome::Approved, QString(), QString()}).ok());
    BatchWorkflow batches(f.store());
    auto batch = batches.submit(clerk, {id});
    QVERIFY(batch.ok());
    QVERIFY(batches.approve(f.user(QStringLiteral("sup1")), batch.value(),
                            QString::fromLatin1(test::StoreFixture::kPassword)).ok());
    auto issued = CertificateIssuer(f.store()).issue(clerk, id);
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().message));
    QCOMPARE(column(f, id, QStringLiteral("state")), QStringLiteral("issued"));
    auto db = f.store().connections().database();
    auto detail = Sql::scalar(db.value(),
                              QStringLiteral("SELECT detail FROM audit WHERE action = 'certificate_issued' "
                                             "AND subject = :s"),
                              {{QStringLiteral("s"), QStringLiteral("case:%1").arg(id)}});
    QVERIFY2(detail.ok(), qPrintable(detail.ok() ? QString() : detail.error().message));
    QCOMPARE(QJsonDocument::fromJson(detail.value().toString().toUtf8()).object().value(QStringLiteral("identity_method")).toString(),
             QStringLiteral("jpki_signature"));
}

void TestJpkiIssuance::revokedSignerIsHeld()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto imported = import(f, QStringLiteral("revoked"));
    QVERIFY(imported.ok());
    const qint64 id = imported.value().caseId;
    QCOMPARE(column(f, id, QStringLiteral("identity_method")), QStringLiteral("ekyc_face"));
    const QString hold = column(f, id, QStringLiteral("hold_reason"));
    QVERIFY(!hold.isEmpty());
    QVERIFY2(hold.contains(JpkiSignatureResult::reasonJa(QStringLiteral("revoked"))), qPrintable(hold));
}

void TestJpkiIssuance::unsignedJuminhyoIsHeld()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto imported = import(f, QString());
    QVERIFY(imported.ok());
    QCOMPARE(column(f, imported.value().caseId, QStringLiteral("identity_method")), QStringLiteral("ekyc_face"));
    QVERIFY(!column(f, imported.value().caseId, QStringLiteral("hold_reason")).isEmpty());
}

void TestJpkiIssuance::verdictCheckFollowsTheSignature()
{
    // A case imported with a good signature whose verdict then says "revoked" is held, not verified.
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto imported = import(f, QStringLiteral("ok"));
    QVERIFY(imported.ok());
    Verdict verdict = test::StoreFixture::matchVerdict(QStringLiteral("unused"));
    JpkiSignatureResult revoked;
    revoked.status = JpkiStatus::Revoked;
    revoked.reason = QStringLiteral("revoked");
    VerificationJob::applyJpkiCheck(revoked, verdict);
    QCOMPARE(verdict.check(QStringLiteral("jpki_signature"))->outcome, Outcome::Fail);
    QCOMPARE(verdict.overall(), Outcome::Fail);
    QVERIFY(CaseWorkflow(f.store()).markVerified(f.user(QStringLiteral("clerk1")), imported.value().caseId, verdict).ok());
    QCOMPARE(column(f, imported.value().caseId, QStringLiteral("state")), QStringLiteral("held"));
    QVERIFY(column(f, imported.value().caseId, QStringLiteral("hold_reason")).contains(QStringLiteral("失効")));
}

void TestJpkiIssuance::trustMaterialIsCachedUntilItChanges()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const CaseBundle bundle = fetched(f, QStringLiteral("ok")).bundle; // also configures the ward
    // A ward without JPKI: no file is looked at, nothing is loaded, the result says not configured.
    test::StoreFixture bare;
    QVERIFY(bare.ok());
    int loads = JpkiSignatureCheck::loadCount();
    auto unconfigured = JpkiSignatureCheck(bare.store()).verify(bundle);
    QVERIFY(unconfigured.ok());
    QCOMPARE(unconfigured.value().result.reason, QStringLiteral("not_configured"));
    QCOMPARE(JpkiSignatureCheck::loadCount(), loads);
    // What a signed application costs such a ward: reading the ward settings (measured, reported).
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 200; ++i)
        QVERIFY(JpkiSignatureCheck(bare.store()).trust().ok());
    qInfo("ward settings read per signed application without JPKI: %.1f µs", double(timer.nsecsElapsed()) / 200e3);

    // Configured: loaded at most once (an earlier test of this process may have loaded the same
    // files already), then reused for the next applications (Importer and job alike).
    auto first = JpkiSignatureCheck(f.store()).verify(bundle);
    QVERIFY(first.ok());
    QCOMPARE(first.value().result.reason, QStringLiteral("ok"));
    QVERIFY(JpkiSignatureCheck::loadCount() <= loads + 1);
    loads = JpkiSignatureCheck::loadCount();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(JpkiSignatureCheck(f.store()).verify(bundle).value().result.reason, QStringLiteral("ok"));
    QCOMPARE(JpkiSignatureCheck::loadCount(), loads);

    // `jpki configure` (here: the settings written) changes what is trusted: loaded again.
    JpkiConfig stale;
    stale.trustAnchors = QDir(m_pki).filePath(QStringLiteral("root.pem"));
    stale.crls = QDir(m_pki).filePath(QStringLiteral("stale-crl.pem"));
    QVERIFY(JpkiSettings::write(f.store(), f.user(QStringLiteral("admin")), stale).ok());
    QCOMPARE(JpkiSignatureCheck(f.store()).verify(bundle).value().result.reason, QStringLiteral("crl_stale"));
    QCOMPARE(JpkiSignatureCheck::loadCount(), ++loads);

    // A CRL downloaded over the old file (same path, new contents) is picked up without a restart.
    const QString crl = m_dir.filePath(QStringLiteral("ward-crl.pem"));
    QFile::remove(crl);
    QVERIFY(QFile::copy(QDir(m_pki).filePath(QStringLiteral("stale-crl.pem")), crl));
    JpkiConfig ward = stale;
    ward.crls = crl;
    QVERIFY(JpkiSettings::write(f.store(), f.user(QStringLiteral("admin")), ward).ok());
    QCOMPARE(JpkiSignatureCheck(f.store()).verify(bundle).value().result.reason, QStringLiteral("crl_stale"));
    QCOMPARE(JpkiSignatureCheck::loadCount(), ++loads);
    QFile fresh(QDir(m_pki).filePath(QStringLiteral("crl.pem")));
    QVERIFY(fresh.open(QIODevice::ReadOnly));
    QFile replaced(crl);
    QVERIFY(replaced.open(QIODevice::WriteOnly | QIODevice::Truncate));
    replaced.write(fresh.readAll());
    replaced.close();
    // Both CRLs have the same size; the modification time tells them apart (set apart by a
    // second here, for file systems with coarse time stamps).
    QFile touched(crl);
    QVERIFY(touched.open(QIODevice::ReadWrite));
    QVERIFY(touched.setFileTime(QFileInfo(crl).lastModified().addSecs(1), QFileDevice::FileModificationTime));
    touched.close();
    QCOMPARE(JpkiSignatureCheck(f.store()).verify(bundle).value().result.reason, QStringLiteral("ok"));
    QCOMPARE(JpkiSignatureCheck::loadCount(), ++loads);
}

void TestJpkiIssuance::trustMaterialThatDoesNotLoadIsAnError()
{
    // The job returns the error (InvalidArgument, naming the file); the importer holds the case.
    test::StoreFixture f;
    QVERIFY(f.ok());
    const CaseBundle bundle = fetched(f, QStringLiteral("ok")).bundle;
    const QString broken = m_dir.filePath(QStringLiteral("broken-anchor.pem"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
    file.close();
    JpkiConfig config;
    config.trustAnchors = broken;
    QVERIFY(JpkiSettings::write(f.store(), f.user(QStringLiteral("admin")), config).ok());
    auto check = JpkiSignatureCheck(f.store()).verify(bundle);
    QVERIFY(!check.ok());
    QCOMPARE(check.error().code, ErrorCode::InvalidArgument);
    QVERIFY(check.error().message.contains(QStringLiteral("broken-anchor.pem")));

    const ReceiverClient client(QStringLiteral("https://127.0.0.1:9"), QByteArrayLiteral("unused-token"));
    Importer::Fetched signedRequest;
    signedRequest.bundle = bundle;
    auto image = ImageSanitizer().sanitize(test::faceFreeJpeg(64, 48), QStringLiteral("document_front"));
    QVERIFY(image.ok());
    signedRequest.images.push_back(image.value());
    auto imported = Importer(f.store(), client).store(signedRequest);
    QVERIFY(imported.ok());
    QCOMPARE(column(f, imported.value().caseId, QStringLiteral("identity_method")), QStringLiteral("ekyc_face"));
    QVERIFY(column(f, imported.value().caseId, QStringLiteral("hold_reason"))
                .contains(JpkiSignatureResult::reasonJa(QStringLiteral("not_configured"))));
}

QTEST_GUILESS_MAIN(TestJpkiIssuance)
#include "TestJpkiIssuance.moc"
