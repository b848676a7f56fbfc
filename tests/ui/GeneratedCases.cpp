#include "tests/ui/GeneratedCases.h"

#include "core/store/CaseStore.h"
#include "core/store/Sql.h"

namespace mado::test {

Status GeneratedCases::insert(CaseStore &store, int count, qint64 assigneeId, const QString &prefix)
{
    auto db = store.connections().database();
    if (!db)
        return db.error();
    QSqlDatabase connection = db.value();
    if (!connection.transaction())
        return Error{ErrorCode::Database, QStringLiteral("cannot begin")};
    auto maxId = Sql::scalar(connection, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM cases"));
    if (!maxId)
        return maxId.error();
    auto cases = Sql::run(
        connection,
        QStringLiteral(
            "INSERT INTO cases (application_id, reference, procedure_key, identity_method, applicant_name, "
            "applicant_kana, date_of_birth, postal_code, prefecture, city, address_line, phone, email, copies, "
            "document_type, manifest_json, received_at, imported_at, state, assignee_id, claim_expires_at) "
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
            "SELECT 'gen-' || :prefix || '-' || i, printf('GEN-%s-%07d', :prefix, i), "
            "CASE i % 3 WHEN 0 THEN 'tax_certificate' WHEN 1 THEN 'tax_exemption_certificate' "
            "ELSE 'tax_payment_certificate' END, 'ekyc_face', '試験 太郎', 'シケン タロウ', '1980-01-01', "
            "'160-0022', '東京都', '新宿区', '西新宿1-1-1', '03-0000-0000', 'test@example.invalid', 1, "
            "'my_number_card', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-01', '+' || i || ' seconds'), "
            "strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-01', '+' || i || ' seconds'), "
            "CASE WHEN i % 5 = 0 THEN 'claimed' ELSE 'verified' END, "
            "CASE WHEN i % 5 = 0 THEN :assignee END, "
            "CASE WHEN i % 5 = 0 THEN '2099-01-01T00:00:00.000Z' END FROM n"),
        {{QStringLiteral("count"), count},
         {QStringLiteral("prefix"), prefix},
         {QStringLiteral("assignee"), assigneeId > 0 ? QVariant(assigneeId) : Sql::null()}});
    if (!cases) {
        connection.rollback();
        return cases.error();
    }
    // The band follows the position i = id - first id + 1 of the case in this insertion.
    auto verdicts =
        Sql::run(connection,
                 QStringLiteral("INSERT INTO verdicts (case_id, created_at, band, overall, flags, match_distance, "
                                "engine_version, thresholds_version, verdict_json) "
                                "SELECT id, received_at, "
                                "CASE (id - :base) % 10 WHEN 0 THEN 'mismatch' WHEN 1 THEN 'review' ELSE 'match' END, "
                                "CASE (id - :base) % 10 WHEN 0 THEN 'fail' WHEN 1 THEN 'warn' ELSE 'pass' END, "
                                "CASE (id - :base) % 10 WHEN 0 THEN 'liveness:flat_photo,match:distance' "
                                "WHEN 1 THEN 'match:distance' ELSE '' END, 0.42, 'generated', 'generated', '{}' "
                                "FROM cases WHERE id > :base"),
                 {{QStringLiteral("base"), maxId.value().toLongLong()}});
    if (!verdicts) {
        connection.rollback();
        return verdicts.error();
    }
    if (!connection.commit())
        return Error{ErrorCode::Database, QStringLiteral("cannot commit")};
    return {};
}

} // namespace mado::test
