#include "core/issuance/CertificateIssuer.h"

#include "core/issuance/FiscalYear.h"
#include "core/store/CaseStore.h"
#include "core/store/OutcomeOutbox.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"
#include "core/workflow/CaseTransition.h"

namespace mado {

CertificateIssuer::CertificateIssuer(CaseStore &store) : m_store(store) {}

Result<CertificateIssuer::Issued> CertificateIssuer::issue(qint64 userId, qint64 caseId)
{
    auto t = CaseTransition::begin(m_store, userId);
    if (!t)
        return t.error();
    CaseTransition &tx = *t.value();
    auto record = tx.loadCase(caseId);
    if (!record)
        return record.error();
    if (auto allowed = tx.check(record.value(), WorkflowAction::Issue); !allowed)
        return allowed.error();
    if (record.value().outcome != DecisionOutcome::Approved)
        return Error{ErrorCode::InvalidState, QStringLiteral("only approved cases get a certificate")};
    const QVariantMap byCase{{QStringLiteral("c"), caseId}};
    // The case's state first: this conditional UPDATE holds the case row until commit, so a concurrent
    // issuance of the same case (another workstation) waits for it, then matches no row and is refused
    // as a Conflict before it takes a number (TestSeveralWorkstations_pg found the duplicate-key failure
    // it met at the issuances insert when this came last).
    if (auto updated = tx.update(QStringLiteral("UPDATE cases SET state = 'issued' WHERE id = :c "
                                                "AND state = 'batch_approved'"),
                                 byCase, Error{ErrorCode::Conflict, QStringLiteral("the case changed meanwhile")});
        !updated)
        return updated.error();
    auto resident = Sql::run(tx.db(),
                             QStringLiteral("SELECT r.id, r.postal_code, r.prefecture, r.city, r.address_line, "
                                            "r.name, r.kana, r.date_of_birth "
                                            "FROM residents r JOIN cases c ON r.name = c.applicant_name "
                                            "AND r.date_of_birth = c.date_of_birth WHERE c.id = :c"),
                             byCase);
    if (!resident)
        return resident.error();
    Issued issued;
    int matches = 0;
    while (resident.value().next()) {
        ++matches;
        issued.residentId = resident.value().value(0).toLongLong();
        issued.mailTo = PostalAddress{resident.value().value(1).toString(), resident.value().value(2).toString(),
                                      resident.value().value(3).toString(), resident.value().value(4).toString()};
        issued.name = resident.value().value(5).toString();
        issued.kana = resident.value().value(6).toString();
        issued.dateOfBirth = QDate::fromString(resident.value().value(7).toString(), Qt::ISODate);
    }
    resident.value().finish();
    if (matches != 1) {
        return Error{ErrorCode::NotFound, matches == 0 ? QStringLiteral("the applicant is not in the resident register")
                                                       : QStringLiteral("the register has several entries for the "
                                                                        "applicant; resolve by hand")};
    }
    // Fiscal year in Japan time (UTC+9, no daylight saving time).
    issued.fiscalYear = FiscalYear::of(tx.now().toUTC().addSecs(9 * 3600).date());
    const QVariantMap year{{QStringLiteral("y"), issued.fiscalYear}};
    // The year's counter row, created by the first issuance of the year. ON CONFLICT: on PostgreSQL
    // a concurrent first issuance waits for the other's row and then uses it (no duplicate-key
    // failure); the UPDATE below then holds the row until commit, so numbers stay gapless and unique.
    auto created = Sql::run(tx.db(),
                            QStringLiteral("INSERT INTO certificate_counters (fiscal_year, last_serial) "
                                           "VALUES (:y, 0) ON CONFLICT (fiscal_year) DO NOTHING"),
                            year);
    if (!created)
        return created.error();
    if (auto bumped = tx.update(QStringLiteral("UPDATE certificate_counters SET last_serial = last_serial + 1 "
                                               "WHERE fiscal_year = :y"),
                                year, Error{ErrorCode::Database, QStringLiteral("certificate counter missing")});
        !bumped)
        return bumped.error();
    auto serial = Sql::scalar(
        tx.db(), QStringLiteral("SELECT last_serial FROM certificate_counters WHERE fiscal_year = :y"), year);
    if (!serial)
        return serial.error();
    issued.serial = serial.value().toLongLong();
    issued.certificateNumber = FiscalYear::certificateNumber(issued.fiscalYear, issued.serial);
    auto inserted = Sql::run(
        tx.db(),
        QStringLiteral("INSERT INTO issuances (case_id, fiscal_year, serial, certificate_number, resident_id, "
                       "mail_postal_code, mail_prefecture, mail_city, mail_address_line, issued_by, issued_at, "
                       "issuer_name) VALUES (:c, :y, :s, :n, :r, :pc, :pref, :city, :line, :u, :now, "
                       // The issuer in force now is the certificate's for good (re-exports print it).
                       "coalesce((SELECT value FROM ward_settings WHERE name = 'issuer_name'), ''))"),
        {{QStringLiteral("c"), caseId},
         {QStringLiteral("y"), issued.fiscalYear},
         {QStringLiteral("s"), issued.serial},
         {QStringLiteral("n"), issued.certificateNumber},
         {QStringLiteral("r"), issued.residentId},
         {QStringLiteral("pc"), issued.mailTo.postalCode},
         {QStringLiteral("pref"), issued.mailTo.prefecture},
         {QStringLiteral("city"), issued.mailTo.city},
         {QStringLiteral("line"), issued.mailTo.line},
         {QStringLiteral("u"), userId},
         {QStringLiteral("now"), StoreTime::format(tx.now())}});
    if (!inserted)
        return inserted.error();
    if (auto audited = tx.audit(QStringLiteral("certificate_issued"), QStringLiteral("case:%1").arg(caseId),
                                {{QStringLiteral("certificate_number"), issued.certificateNumber},
                                 // What the issuance relied on for the applicant's identity (ekyc_face, jpki_signature).
                                 {QStringLiteral("identity_method"), record.value().identityMethod}});
        !audited)
        return audited.error();
    // The applicant's notice goes into the outbox with the issuance, so it cannot be lost.
    if (auto queued = OutcomeOutbox::enqueue(tx.db(), caseId, QStringLiteral("issued"), QString(), tx.now()); !queued)
        return queued.error();
    if (auto committed = tx.commit(); !committed)
        return committed.error();
    return issued;
}

} // namespace mado
