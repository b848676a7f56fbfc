#include "tests/support/StoreFixture.h"

#include "core/issuance/CertificateIssuer.h"
#include "core/issuance/ResidentRegisterImport.h"
#include "core/security/UserDirectory.h"
#include "core/store/ImageSanitizer.h"
#include "core/store/Sql.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "core/workflow/ProcedurePolicy.h"
#include "tests/support/BundleFactory.h"
#include "tests/support/ImageFiles.h"

#include <QtDebug>

namespace mado::test {

namespace {
bool report(const Status &status, const char *what)
{
    if (!status.ok())
        qWarning("StoreFixture: %s failed: %s", what, qPrintable(status.error().message));
    return status.ok();
}
} // namespace

StoreFixture::StoreFixture(WorkflowOptions options, Backend backend) : m_options(options), m_backend(backend)
{
    setUp();
}

StoreFixture::StoreFixture(const QString &location, WorkflowOptions options)
    : m_options(options), m_backend(Backend::Sqlite), m_location(location)
{
    setUp();
}

void StoreFixture::setUp()
{
    if (location().isEmpty()) {
        qWarning("StoreFixture: no test database: %s", qPrintable(m_database.error()));
        return;
    }
    auto opened = CaseStore::open(location(), m_clock);
    if (!opened) {
        qWarning("StoreFixture: open failed: %s", qPrintable(opened.error().message));
        return;
    }
    m_store = std::move(opened).value();
    UserDirectory users(*m_store);
    auto admin = users.bootstrapAdmin(QStringLiteral("admin"), QStringLiteral("Admin"), QString::fromLatin1(kPassword));
    if (!admin)
        return;
    m_users.insert(QStringLiteral("admin"), admin.value());
    const std::pair<const char *, Role> staff[] = {
        {"clerk1", Role::Clerk}, {"clerk2", Role::Clerk}, {"sup1", Role::Supervisor}, {"sup2", Role::Supervisor}};
    for (const auto &[login, role] : staff) {
        auto id = users.addUser(admin.value(), QString::fromLatin1(login), QString::fromLatin1(login), role,
                                QString::fromLatin1(kPassword));
        if (!id)
            return;
        m_users.insert(QString::fromLatin1(login), id.value());
    }
    const QByteArray csv = "resident_code,name,kana,date_of_birth,postal_code,prefecture,city,address_line\n"
                           "R-0001,見本 太郎,ミホン タロー,1980-04-01,100-0002,東京都,見本区,登録町4-5-6\n";
    auto imported = ResidentRegisterImport::importCsv(*m_store, admin.value(), csv);
    m_ok = imported.ok() && imported.value().imported == 1;
}

bool StoreFixture::allowAuditTampering()
{
    if (!isPostgresql())
        return true;
    auto db = m_store->connections().database();
    if (!db)
        return report(db.error(), "database");
    auto disabled = Sql::run(db.value(), QStringLiteral("ALTER TABLE audit DISABLE TRIGGER USER"));
    return disabled ? true : report(disabled.error(), "disabling the audit triggers");
}

CaseBundle StoreFixture::bundle(const QString &procedure)
{
    CaseBundle b = BundleFactory::specimen(
        {QStringLiteral("f0.jpg"), QStringLiteral("f1.jpg"), QStringLiteral("f2.jpg"), QStringLiteral("f3.jpg")},
        QStringLiteral("doc.jpg"));
    ++m_next;
    b.applicationId = QStringLiteral("app-%1").arg(m_next, 6, 10, QLatin1Char('0'));
    b.reference = QStringLiteral("MDG-%1").arg(m_next, 6, 10, QLatin1Char('0'));
    b.receivedAt = m_clock.now();
    b.applicant.procedure = procedure;
    return b;
}

Verdict StoreFixture::matchVerdict(const QString &applicationId)
{
    Verdict v;
    v.applicationId = applicationId;
    v.band = QStringLiteral("match");
    v.matchDistance = 0.38;
    v.engineVersion = QStringLiteral("test");
    v.thresholdsVersion = QStringLiteral("test");
    v.checks.push_back(Check{QStringLiteral("face_match"), Outcome::Pass, QStringLiteral("ok"), 0.38});
    v.checks.push_back(Check{QStringLiteral("flat_photo"), Outcome::Warn, QStringLiteral("flat_photo_suspected"), 0.9});
    return v;
}

Result<CaseStore::ImportResult> StoreFixture::importWithPolicy(CaseStore &store, const CaseBundle &bundle,
                                                               const std::vector<SanitizedImage> &images,
                                                               const std::optional<Verdict> &verdict)
{
    auto hold = ProcedurePolicy::importHold(store, bundle);
    if (!hold)
        return hold.error();
    return store.storeImportedCase(bundle, images, verdict, hold.value());
}

qint64 StoreFixture::caseIn(CaseState state, const QString &procedure)
{
    // Only a procedure that refuses eKYC-face gives a held case.
    const CaseBundle b = bundle(state == CaseState::Held ? QStringLiteral("juminhyo_copy") : procedure);
    auto image = ImageSanitizer().sanitize(faceFreeJpeg(64, 48), QStringLiteral("document_front"));
    if (!image)
        return 0;
    const bool verified = state != CaseState::Imported;
    auto imported = importWithPolicy(*m_store, b, {image.value()},
                                     verified ? std::optional<Verdict>(matchVerdict(b.applicationId)) : std::nullopt);
    if (!imported)
        return 0;
    const qint64 id = imported.value().caseId;
    if (state == CaseState::Imported || state == CaseState::Verified || state == CaseState::Held)
        return id;
    const qint64 clerk = user(QStringLiteral("clerk1"));
    const qint64 supervisor = user(QStringLiteral("sup1"));
    CaseWorkflow cases(*m_store, m_options);
    BatchWorkflow batches(*m_store, m_options);
    if (!report(cases.claim(clerk, id), "claim"))
        return 0;
    if (state == CaseState::Claimed)
        return id;
    if (!report(cases.decide(clerk, id, {DecisionOutcome::Approved, QString(), QString()}), "decide"))
        return 0;
    if (state == CaseState::Decided)
        return id;
    auto batch = batches.submit(clerk, {id});
    if (!batch)
        return 0;
    if (state == CaseState::Batched)
        return id;
    if (state == CaseState::Returned)
        return report(batches.returnCase(supervisor, batch.value(), id, QStringLiteral("check the photo")), "return")
                   ? id
                   : 0;
    if (!report(batches.approve(supervisor, batch.value(), QString::fromLatin1(kPassword)), "approve"))
        return 0;
    if (state == CaseState::BatchApproved)
        return id;
    auto issued = CertificateIssuer(*m_store).issue(clerk, id);
    if (!issued) {
        qWarning("StoreFixture: issue failed: %s", qPrintable(issued.error().message));
        return 0;
    }
    if (state == CaseState::Issued)
        return id;
    return report(cases.markNotified(clerk, id), "notify") ? id : 0;
}

} // namespace mado::test
