#include "core/bundle/CanonicalManifest.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/crypto/DetachedSignature.h"
#include "core/jpki/JpkiTrustStore.h"
#include "core/jpki/JpkiVerifier.h"
#include "core/receiver/spool/SpoolRetention.h"
#include "core/receiver/spool/WorkstationStore.h"
#include "tests/jpki/TestPki.h"

#include "ApplicantFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace mado;

// The receiver's half of a JPKI-signed application (issue 14) on a real receiver on loopback with
// a test PKI made at test time: submitted with signing=jpki, it waits (not leased, shown as
// awaiting_signature); the applicant fetches the canonical manifest, signs it with openssl (the
// test PKI's signer) and uploads signature.p7s; the leased bundle then carries it and the
// workstation's verifier (mado_jpki, the ward's trust anchors) finds the signature ok. Wrong bytes,
// garbage, an attached CMS and an oversized file are refused at upload with their reason; an
// application left unsigned fails at its due time and the resident is told to apply again.
class TestSignedApplication : public QObject, public ApplicantFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { start(); }
    void cleanup() { stop(); }
    void signedApplicationReachesTheWorkstation();
    void badSignaturesAreRefusedAtUpload();
    void unsignedApplicationFailsAtItsDueTime();
    void onlyJuminhyoIsSigned();

private:
    // A submitted application declared to be signed; its id (empty on failure).
    QString submitSigned(const QString &procedure = QStringLiteral("juminhyo_copy"), int *status = nullptr);
    HttpTestClient::Reply manifestOf(const QString &id, const QString &idToken);
    HttpTestClient::Reply upload(const QString &id, const QString &idToken, const QByteArray &der);
    int leasable();

    QTemporaryDir m_pkiDir;
    QString m_pki;
    int m_submitted = 0;
};

void TestSignedApplication::initTestCase()
{
    QVERIFY(m_pkiDir.isValid());
    m_pki = m_pkiDir.filePath(QStringLiteral("pki"));
    // The facts of ApplicantTestKit's form, spelt as J-LIS does (full-width space and digits).
    QVERIFY(test::TestPki::generate(m_pki, {QStringLiteral("見本　花子"), QStringLiteral("319850715"),
                                            QStringLiteral("2"), QStringLiteral("東京都見本区見本町１丁目２番３号")}));
}

QString TestSignedApplication::submitSigned(const QString &procedure, int *status)
{
    auto fields = ApplicantTestKit::fields(newNonce());
    fields[QStringLiteral("procedure")] = procedure;
    fields[QStringLiteral("signing")] = QStringLiteral("jpki");
    const auto reply = submit(ApplicantTestKit::body(fields, ApplicantTestKit::images()), token(),
                              "signed-key-" + std::to_string(++m_submitted));
    if (status)
        *status = reply.status;
    if (reply.status != 201 || !json(reply).value(QStringLiteral("awaitingSignature")).toBool())
        return QString();
    return json(reply).value(QStringLiteral("applicationId")).toString();
}

HttpTestClient::Reply TestSignedApplication::manifestOf(const QString &id, const QString &idToken)
{
    return HttpTestClient::request(m_server->port(), "GET", "/api/v1/applications/" + id.toStdString() + "/manifest", {},
                                   {{"Authorization", "Bearer " + idToken.toStdString()}});
}

HttpTestClient::Reply TestSignedApplication::upload(const QString &id, const QString &idToken, const QByteArray &der)
{
    return HttpTestClient::request(m_server->port(), "PUT", "/api/v1/applications/" + id.toStdString() + "/signature",
                                   der,
                                   {{"Authorization", "Bearer " + idToken.toStdString()},
                                    {"Content-Type", "application/pkcs7-signature"}});
}

int TestSignedApplication::leasable()
{
    const auto leases = WorkstationStore(*m_spool).lease(QStringLiteral("pc-1"), 10, 60);
    return leases ? int(leases.value().size()) : -1;
}

void TestSignedApplication::signedApplicationReachesTheWorkstation()
{
    const QString id = submitSigned();
    QVERIFY(!id.isEmpty());
    // Waiting: not leased, and the resident's list says so.
    QCOMPARE(leasable(), 0);
    const auto list = HttpTestClient::request(m_server->port(), "GET", "/api/v1/applications", {},
                                              {{"Authorization", "Bearer " + token().toStdString()}});
    QCOMPARE(list.status, 200);
    const QJsonObject listed = json(list).value(QStringLiteral("applications")).toArray().first().toObject();
    QCOMPARE(listed.value(QStringLiteral("state")).toString(), QStringLiteral("awaiting_signature"));
    QCOMPARE(listed.value(QStringLiteral("applicationId")).toString(), id);
    // Another resident cannot read it, nor sign it.
    QCOMPARE(manifestOf(id, token(kOtherUser)).status, 404);
    const auto toSign = manifestOf(id, token());
    QCOMPARE(toSign.status, 200);
    QVERIFY(toSign.body.contains("\"applicationId\":\"" + id.toUtf8() + "\""));
    QVERIFY(!toSign.body.contains("\"signature\""));
    const QByteArray cms = test::TestPki::sign(m_pki, QStringLiteral("ok"), toSign.body);
    QVERIFY(!cms.isEmpty());
    QCOMPARE(upload(id, token(kOtherUser), cms).status, 404);
    const auto signedReply = upload(id, token(), cms);
    QCOMPARE(signedReply.status, 200);
    QCOMPARE(upload(id, token(), cms).status, 409); // once
    QCOMPARE(manifestOf(id, token()).status, 409);

    // Leased now, the bundle carries signature.p7s; written out, the workstation's reader and
    // verifier take it as a valid signature over this application.
    const auto leases = WorkstationStore(*m_spool).lease(QStringLiteral("pc-1"), 10, 60);
    QVERIFY(leases);
    QCOMPARE(int(leases.value().size()), 1);
    QCOMPARE(leases.value().front().applicationId, id);
    const auto files = WorkstationStore(*m_spool).bundleFiles(id, QStringLiteral("pc-1"));
    QVERIFY(files);
    QTemporaryDir bundleDir;
    bool sawSignature = false;
    for (const auto &[name, bytes] : files.value()) {
        QFile out(bundleDir.filePath(name));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        sawSignature = sawSignature || (name == QLatin1String("signature.p7s") && bytes == cms);
    }
    QVERIFY(sawSignature);
    const auto reader = CaseBundleReader::create();
    QVERIFY(reader);
    const auto bundle = reader.value().read(bundleDir.path());
    QVERIFY2(bundle, qPrintable(bundle ? QString() : bundle.error().message));
    QVERIFY(bundle.value().signature);
    QCOMPARE(bundle.value().signature->signedManifest, toSign.body);
    JpkiConfig config;
    config.trustAnchors = QDir(m_pki).filePath(QStringLiteral("root.pem"));
    config.crls = QDir(m_pki).filePath(QStringLiteral("crl.pem"));
    const auto trust = JpkiTrustStore::load(config);
    QVERIFY2(trust, qPrintable(trust ? QString() : trust.error().message));
    const auto check = JpkiVerifier(trust.value()).verify(bundle.value(), std::nullopt, QDateTime::currentDateTimeUtc());
    QVERIFY2(check.result.ok(), qPrintable(check.result.reason + QLatin1Char(' ') + check.result.differences.join(QLatin1Char(','))));
}

void TestSignedApplication::badSignaturesAreRefusedAtUpload()
{
    const QString id = submitSigned();
    QVERIFY(!id.isEmpty());
    const QByteArray canonical = manifestOf(id, token()).body;
    QVERIFY(!canonical.isEmpty());
    const auto code = [this](const HttpTestClient::Reply &reply) {
        return json(reply).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    };
    // Other bytes signed (the manifest with one space more): refused, told why.
    const auto other = upload(id, token(), test::TestPki::sign(m_pki, QStringLiteral("ok"), canonical + ' '));
    QCOMPARE(other.status, 422);
    QCOMPARE(code(other), QStringLiteral("signature_over_other_bytes"));
    // An attached CMS, garbage, a truncated file, an empty body, too large.
    const auto attached = upload(id, token(),
                                 test::TestPki::sign(m_pki, QStringLiteral("ok"), canonical,
                                                     {QStringLiteral("signca.pem")}, true));
    QCOMPARE(attached.status, 422);
    QCOMPARE(code(attached), QStringLiteral("signature_not_detached"));
    const auto garbage = upload(id, token(), QByteArray("this is not a CMS signature"));
    QCOMPARE(garbage.status, 422);
    QCOMPARE(code(garbage), QStringLiteral("signature_malformed"));
    const QByteArray good = test::TestPki::sign(m_pki, QStringLiteral("ok"), canonical);
    const auto truncated = upload(id, token(), good.left(good.size() / 2));
    QCOMPARE(truncated.status, 422);
    QCOMPARE(code(truncated), QStringLiteral("signature_malformed"));
    QCOMPARE(code(upload(id, token(), QByteArray())), QStringLiteral("signature_malformed"));
    const auto large = upload(id, token(), QByteArray(DetachedSignature::kMaxBytes + 1, '\x30'));
    QCOMPARE(large.status, 413);
    QCOMPARE(code(large), QStringLiteral("signature_too_large"));
    // None of it let the application through; the right one still does.
    QCOMPARE(leasable(), 0);
    QCOMPARE(upload(id, token(), good).status, 200);
    QCOMPARE(leasable(), 1);
}

void TestSignedApplication::unsignedApplicationFailsAtItsDueTime()
{
    const QString id = submitSigned();
    QVERIFY(!id.isEmpty());
    // Not yet due (the window is 24 h): nothing happens.
    const auto early = SpoolRetention(*m_spool, {}).run(QDateTime::currentDateTimeUtc().addSecs(3600));
    QVERIFY(early);
    QCOMPARE(early.value().unsignedExpired, 0);
    // Due: failed with its reason, its data gone, the resident's message queued, never leased.
    const auto due = SpoolRetention(*m_spool, {}).run(QDateTime::currentDateTimeUtc().addSecs(25 * 3600));
    QVERIFY(due);
    QCOMPARE(due.value().unsignedExpired, 1);
    QCOMPARE(count("SELECT count(*) FROM applications WHERE state = 'import_failed' "
                   "AND failure_reason = 'signature_missing' AND manifest IS NULL"),
             1);
    QCOMPARE(count("SELECT count(*) FROM push_outbox WHERE kind = 'import_failed' AND state = 'pending'"), 1);
    QVERIFY(!QFileInfo::exists(m_spool->filesDirectory() + QLatin1Char('/') + id));
    QCOMPARE(leasable(), 0);
    QCOMPARE(manifestOf(id, token()).status, 404);
}

void TestSignedApplication::onlyJuminhyoIsSigned()
{
    int status = 0;
    QVERIFY(submitSigned(QStringLiteral("tax_certificate"), &status).isEmpty());
    QCOMPARE(status, 400);
    // An unknown value of the field is refused too, and nothing was stored.
    auto fields = ApplicantTestKit::fields(newNonce());
    fields[QStringLiteral("signing")] = QStringLiteral("yes");
    const auto reply = submit(ApplicantTestKit::body(fields, ApplicantTestKit::images()), token(), "signing-yes");
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorField(reply), QStringLiteral("signing"));
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
}

QTEST_GUILESS_MAIN(TestSignedApplication)
#include "TestSignedApplication.moc"
