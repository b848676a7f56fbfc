// Copying a whole case store (StoreCopy, `madoguchi-cli store copy`): a SQLite store filled through
// the real workflow is copied into an empty store (a PostgreSQL database in the _pg run, another
// SQLite file otherwise), the workflow continues there (the pending batch is approved, the next
// certificate number follows, new cases get new ids, images open under the target's own key, the
// chain verifies), a store with data is never a target, a broken source chain is not copied, and
// the copy goes back the other way.
#include "core/crypto/Keyring.h"
#include "core/issuance/CertificateIssuer.h"
#include "core/store/AuditChain.h"
#include "core/store/ImageSanitizer.h"
#include "core/store/Sql.h"
#include "core/store/StoreCopy.h"
#include "core/store/StoreKey.h"
#include "core/store/WardSettings.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/StoreFixture.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QtTest>

using namespace mado;

namespace {

qint64 count(CaseStore &store, const QString &table)
{
    auto db = store.connections().database();
    return db ? Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM ") + table).value().toLongLong() : -1;
}

AuditChain::Verification verify(CaseStore &store)
{
    auto db = store.connections().database();
    return AuditChain::verify(db.value()).value();
}

// A SQLite store with issued certificates, a clerk's case waiting in a batch, a held and a
// verified case, an unverified import, a ward setting, the register and the outbox.
struct Populated {
    test::StoreFixture source{{}, test::StoreFixture::Backend::Sqlite};
    qint64 waiting = 0;  // decided by clerk1, in a submitted batch
    qint64 verified = 0; // in the queue, nobody's yet
    bool ok = false;

    Populated()
    {
        if (!source.ok())
            return;
        source.clock().set(QDateTime(QDate(2026, 12, 1), QTime(1, 0), Qt::UTC));
        const bool issued = source.caseIn(CaseState::Issued) > 0 && source.caseIn(CaseState::Notified) > 0;
        waiting = source.caseIn(CaseState::Batched);
        verified = source.caseIn(CaseState::Verified);
        const bool others = source.caseIn(CaseState::Held) > 0 && source.caseIn(CaseState::Imported) > 0;
        const bool setting = WardSettings(source.store())
                                 .setIssuerName(source.user(QStringLiteral("admin")), QStringLiteral("見本区長"))
                                 .ok();
        ok = issued && waiting > 0 && verified > 0 && others && setting;
    }
};

} // namespace

class TestStoreCopy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void copiesAndTheWorkflowContinues();
    void refusesATargetWithData();
    void refusesABrokenSourceChain();
    void copiesBackToSqlite();
    void cliCopies();
};

void TestStoreCopy::copiesAndTheWorkflowContinues()
{
    Populated p;
    QVERIFY(p.ok);
    CaseStore &source = p.source.store();
    test::TestDatabase targetDb(p.source.dir() + QStringLiteral("/target.sqlite"));
    QVERIFY2(!targetDb.location().isEmpty(), qPrintable(targetDb.error()));
    const auto sourceChain = verify(source);
    QVERIFY(sourceChain.ok);
    QMap<QString, qint64> sourceRows;
    for (const QString &table : StoreCopy::tables())
        sourceRows.insert(table, count(source, table));
    const QByteArray image = source.imageForVerification(p.verified, QStringLiteral("document_front")).value();

    auto report = StoreCopy::copy(StoreAddress::sqliteFile(p.source.path()),
                                  StoreAddress::parse(targetDb.location()).value(), p.source.clock());
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QCOMPARE(report.value().auditEntries, sourceChain.entries);
    QCOMPARE(report.value().auditHead, sourceChain.headHash);
    QCOMPARE(report.value().images, sourceRows.value(QStringLiteral("images")));
    QVERIFY(report.value().images >= 6);
    QCOMPARE(report.value().targetKeyFile, StoreKey::keyFileFor(targetDb.location()));

    auto opened = CaseStore::open(targetDb.location(), p.source.clock());
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    CaseStore &target = *opened.value();
    QCOMPARE(target.connections().isPostgresql(), targetDb.isPostgresql());
    for (const QString &table : StoreCopy::tables())
        QCOMPARE(count(target, table) - (table == QLatin1String("audit") ? 1 : 0), sourceRows.value(table));
    // The images are sealed under the target's own key, and are the same pictures.
    QVERIFY(target.keyring().current().id() != source.keyring().current().id());
    auto db = target.connections().database();
    const QByteArray stored =
        Sql::scalar(db.value(), QStringLiteral("SELECT bytes FROM images WHERE case_id = %1").arg(p.verified))
            .value()
            .toByteArray();
    QVERIFY(Keyring::keyIdOf(stored) == target.keyring().current().id());
    QCOMPARE(target.imageForVerification(p.verified, QStringLiteral("document_front")).value(), image);
    // The chain verifies and records the copy.
    const auto copiedChain = verify(target);
    QVERIFY2(copiedChain.ok, qPrintable(copiedChain.problem));
    QCOMPARE(copiedChain.entries, sourceChain.entries + 1);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT action FROM audit ORDER BY seq DESC LIMIT 1"))
                 .value()
                 .toString(),
             QStringLiteral("store_copied"));

    // The workflow continues: sup1 approves clerk1's waiting batch, clerk2 issues; the number follows.
    const qint64 clerk1 = p.source.user(QStringLiteral("clerk1"));
    const qint64 clerk2 = p.source.user(QStringLiteral("clerk2"));
    const qint64 batch = target.caseStatus(p.waiting).value().batchId;
    QVERIFY(batch > 0);
    QVERIFY(
        BatchWorkflow(target, p.source.options())
            .approve(p.source.user(QStringLiteral("sup1")), batch, QString::fromLatin1(test::StoreFixture::kPassword))
            .ok());
    auto issued = CertificateIssuer(target).issue(clerk2, p.waiting);
    QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().message));
    QCOMPARE(issued.value().certificateNumber, QStringLiteral("2026-000003"));
    // A case still in the queue is claimed and decided on the copy.
    CaseWorkflow cases(target, p.source.options());
    QVERIFY(cases.claim(clerk1, p.verified).ok());
    QVERIFY(cases.decide(clerk1, p.verified, {DecisionOutcome::Approved, QString(), QString()}).ok());
    // A new application gets the next id (the identity continues after the copied ones).
    auto newImage = ImageSanitizer().sanitize(test::faceFreeJpeg(64, 48), QStringLiteral("document_front"));
    QVERIFY(newImage.ok());
    const CaseBundle bundle = p.source.bundle();
    auto imported = test::StoreFixture::importWithPolicy(target, bundle, {newImage.value()},
                                                         test::StoreFixture::matchVerdict(bundle.applicationId));
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    QCOMPARE(imported.value().caseId, sourceRows.value(QStringLiteral("cases")) + 1);
    QVERIFY(imported.value().created);
    QCOMPARE(WardSettings(target).issuerName().value(), QStringLiteral("見本区長"));
    const auto finalChain = verify(target);
    QVERIFY2(finalChain.ok, qPrintable(finalChain.problem));
    QVERIFY(finalChain.entries > copiedChain.entries + 3);
}

void TestStoreCopy::refusesATargetWithData()
{
    Populated p;
    QVERIFY(p.ok);
    test::TestDatabase targetDb(p.source.dir() + QStringLiteral("/target.sqlite"));
    QVERIFY2(!targetDb.location().isEmpty(), qPrintable(targetDb.error()));
    const StoreAddress from = StoreAddress::sqliteFile(p.source.path());
    const StoreAddress to = StoreAddress::parse(targetDb.location()).value();
    QVERIFY(StoreCopy::copy(from, to, p.source.clock()).ok());
    auto opened = CaseStore::open(to, p.source.clock());
    QVERIFY(opened.ok());
    const qint64 cases = count(*opened.value(), QStringLiteral("cases"));
    const qint64 audit = count(*opened.value(), QStringLiteral("audit"));
    auto again = StoreCopy::copy(from, to, p.source.clock());
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(again.error().message.contains(QStringLiteral("not empty")), qPrintable(again.error().message));
    QCOMPARE(count(*opened.value(), QStringLiteral("cases")), cases);
    QCOMPARE(count(*opened.value(), QStringLiteral("audit")), audit);
    // The same store as its own target is refused before anything is opened.
    QCOMPARE(StoreCopy::copy(from, from, p.source.clock()).error().code, ErrorCode::InvalidArgument);
}

void TestStoreCopy::refusesABrokenSourceChain()
{
    Populated p;
    QVERIFY(p.ok);
    auto db = p.source.store().connections().database();
    QVERIFY(Sql::run(db.value(), QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE seq = 3")).ok());
    test::TestDatabase targetDb(p.source.dir() + QStringLiteral("/target.sqlite"));
    QVERIFY2(!targetDb.location().isEmpty(), qPrintable(targetDb.error()));
    auto refused = StoreCopy::copy(StoreAddress::sqliteFile(p.source.path()),
                                   StoreAddress::parse(targetDb.location()).value(), p.source.clock());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidState);
    QVERIFY(refused.error().message.contains(QStringLiteral("entry 3")));
    auto opened = CaseStore::open(targetDb.location(), p.source.clock());
    QVERIFY(opened.ok());
    QCOMPARE(count(*opened.value(), QStringLiteral("cases")), 0);
    QCOMPARE(count(*opened.value(), QStringLiteral("audit")), 0);
}

void TestStoreCopy::copiesBackToSqlite()
{
    Populated p;
    QVERIFY(p.ok);
    test::TestDatabase middleDb(p.source.dir() + QStringLiteral("/middle.sqlite"));
    QVERIFY2(!middleDb.location().isEmpty(), qPrintable(middleDb.error()));
    const StoreAddress middle = StoreAddress::parse(middleDb.location()).value();
    QVERIFY(StoreCopy::copy(StoreAddress::sqliteFile(p.source.path()), middle, p.source.clock()).ok());
    const QString back = p.source.dir() + QStringLiteral("/back.sqlite");
    auto report = StoreCopy::copy(middle, StoreAddress::sqliteFile(back), p.source.clock());
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    auto opened = CaseStore::open(back, p.source.clock());
    QVERIFY(opened.ok());
    for (const QString &table : StoreCopy::tables())
        QCOMPARE(count(*opened.value(), table) - (table == QLatin1String("audit") ? 2 : 0),
                 count(p.source.store(), table));
    const auto chain = verify(*opened.value());
    QVERIFY2(chain.ok, qPrintable(chain.problem));
    QCOMPARE(opened.value()->imageForVerification(p.verified, QStringLiteral("document_front")).value(),
             p.source.store().imageForVerification(p.verified, QStringLiteral("document_front")).value());
}

void TestStoreCopy::cliCopies()
{
    Populated p;
    QVERIFY(p.ok);
    test::TestDatabase targetDb(p.source.dir() + QStringLiteral("/target.sqlite"));
    QVERIFY2(!targetDb.location().isEmpty(), qPrintable(targetDb.error()));
    const QStringList arguments{QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--from"),
                                p.source.path(),         QStringLiteral("--to"), targetDb.location()};
    QProcess cli;
    cli.start(QStringLiteral(MADO_CLI_PATH), arguments);
    QVERIFY(cli.waitForFinished(120000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(cli.exitCode() == 0, qPrintable(QString::fromUtf8(cli.readAllStandardError())));
    QVERIFY2(out.contains(QStringLiteral("audit chain verified: %1 entries").arg(verify(p.source.store()).entries)),
             qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("cases: 6")));
    // A second copy into the same target: refused, exit 2.
    cli.start(QStringLiteral(MADO_CLI_PATH), arguments);
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 2);
    QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QStringLiteral("not empty")));
}

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "TestStoreCopy.moc"
