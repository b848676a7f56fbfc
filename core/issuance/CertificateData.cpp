#include "core/issuance/CertificateData.h"

#include "core/store/WardSettings.h"

#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"

#include <QSqlQuery>

namespace mado {

Result<CertificateData> CertificateData::load(CaseStore &store, qint64 caseId)
{
    auto db = store.connections().database();
    if (!db)
        return db.error();
    auto query = Sql::run(
        db.value(),
        QStringLiteral(
            "SELECT c.procedure_key, coalesce((SELECT p.name_ja FROM procedures p WHERE p.procedure_key = "
            "c.procedure_key ORDER BY p.version DESC LIMIT 1), c.procedure_key), i.certificate_number, i.fiscal_year, "
            "i.issued_at, r.resident_code, r.name, r.kana, r.date_of_birth, r.postal_code, r.prefecture, r.city, "
            "r.address_line, i.mail_postal_code, i.mail_prefecture, i.mail_city, i.mail_address_line, c.copies, "
            "c.reference, i.issuer_name "
            "FROM issuances i JOIN cases c ON c.id = i.case_id JOIN residents r ON r.id = i.resident_id "
            "WHERE i.case_id = :c"),
        {{QStringLiteral("c"), caseId}});
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    if (!q.next())
        return Error{ErrorCode::NotFound, QStringLiteral("case %1 has no issued certificate").arg(caseId)};
    CertificateData d;
    d.caseId = caseId;
    d.procedure = q.value(0).toString();
    d.procedureNameJa = q.value(1).toString();
    d.certificateNumber = q.value(2).toString();
    d.fiscalYear = q.value(3).toInt();
    d.issuedAt = StoreTime::parse(q.value(4).toString());
    d.residentCode = q.value(5).toString();
    d.name = q.value(6).toString();
    d.kana = q.value(7).toString();
    d.dateOfBirth = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    d.registeredAddress = {q.value(9).toString(), q.value(10).toString(), q.value(11).toString(),
                           q.value(12).toString()};
    d.mailTo = {q.value(13).toString(), q.value(14).toString(), q.value(15).toString(), q.value(16).toString()};
    d.copies = q.value(17).toInt();
    d.reference = q.value(18).toString();
    d.issuerName = q.value(19).toString();
    return d;
}

Result<CertificateData> CertificateData::preview(CaseStore &store, qint64 caseId)
{
    auto db = store.connections().database();
    if (!db)
        return db.error();
    // The same register match as CertificateIssuer: name and date of birth, exactly one entry.
    auto query = Sql::run(
        db.value(),
        QStringLiteral(
            "SELECT c.procedure_key, coalesce((SELECT p.name_ja FROM procedures p WHERE p.procedure_key = "
            "c.procedure_key ORDER BY p.version DESC LIMIT 1), c.procedure_key), r.resident_code, r.name, r.kana, "
            "r.date_of_birth, r.postal_code, r.prefecture, r.city, r.address_line, c.copies, c.reference "
            "FROM cases c JOIN residents r ON r.name = c.applicant_name AND r.date_of_birth = c.date_of_birth "
            "WHERE c.id = :c"),
        {{QStringLiteral("c"), caseId}});
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    CertificateData d;
    int matches = 0;
    while (q.next()) {
        ++matches;
        d.caseId = caseId;
        d.procedure = q.value(0).toString();
        d.procedureNameJa = q.value(1).toString();
        d.residentCode = q.value(2).toString();
        d.name = q.value(3).toString();
        d.kana = q.value(4).toString();
        d.dateOfBirth = QDate::fromString(q.value(5).toString(), Qt::ISODate);
        d.registeredAddress = {q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                               q.value(9).toString()};
        d.copies = q.value(10).toInt();
        d.reference = q.value(11).toString();
    }
    if (matches != 1) {
        return Error{ErrorCode::NotFound, matches == 0 ? QStringLiteral("the applicant is not in the resident register")
                                                       : QStringLiteral("the register has several entries for the "
                                                                        "applicant; resolve by hand")};
    }
    d.mailTo = d.registeredAddress;
    d.issuedAt = store.clock().now();
    auto issuer = WardSettings(store).issuerName();
    if (!issuer)
        return issuer.error();
    d.issuerName = issuer.value();
    return d;
}

} // namespace mado
