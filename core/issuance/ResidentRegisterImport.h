#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace mado {

class CaseStore;

// Imports the resident register extract (UTF-8 CSV, header
// resident_code,name,kana,date_of_birth,postal_code,prefecture,city,address_line) into the store.
// Each row is validated; bad rows are reported by line number, field and reason (never by their
// content, which is personal data) and skipped, the good rows are upserted by resident_code in one
// transaction with one audit entry. Only admins may import. Any thread.
class ResidentRegisterImport {
public:
    struct RowProblem {
        int line = 0; // 1-based line in the file (the header is line 1)
        QString field;
        QString reason;
    };
    struct Report {
        int imported = 0;
        std::vector<RowProblem> problems;
    };

    static Result<Report> importCsv(CaseStore &store, qint64 adminId, const QByteArray &csv);
    static Result<Report> importFile(CaseStore &store, qint64 adminId, const QString &path);
};

} // namespace mado
