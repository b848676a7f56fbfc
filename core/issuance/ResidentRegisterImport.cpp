#include "core/issuance/ResidentRegisterImport.h"

#include "core/store/ActorWrite.h"
#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"
#include "core/store/StoreTime.h"
#include "core/domain/Actor.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace mado {

namespace {

const QStringList kHeader{QStringLiteral("resident_code"), QStringLiteral("name"),        QStringLiteral("kana"),
                          QStringLiteral("date_of_birth"), QStringLiteral("postal_code"), QStringLiteral("prefecture"),
                          QStringLiteral("city"),          QStringLiteral("address_line")};

struct CsvLine {
    int line = 0;
    QStringList fields;
    bool broken = false; // unterminated quote
};

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<CsvLine> parseCsv(const QString &text)
{
    std::vector<CsvLine> rows;
    CsvLine current{1, {}, false};
    QString field;
    bool quoted = false;
    int line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            current.fields.append(field);
            field.clear();
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            current.fields.append(field);
            field.clear();
            if (!(current.fields.size() == 1 && current.fields.first().isEmpty()))
                rows.push_back(current);
            ++line;
            current = CsvLine{line, {}, false};
        } else {
            field += c;
        }
    }
    if (quoted)
        current.broken = true;
    if (!field.isEmpty() || !current.fields.isEmpty() || quoted) {
        current.fields.append(field);
        rows.push_back(current);
    }
    return rows;
}

std::optional<ResidentRegisterImport::RowProblem> validate(const CsvLine &row, const QDate &today)
{
    static const QRegularExpression code(QStringLiteral("^[0-9A-Za-z-]{1,32}$"));
    static const QRegularExpression kana(QStringLiteral("^[\\x{30A1}-\\x{30FC}\\x{3000} ]+$"));
    static const QRegularExpression postal(QStringLiteral("^\\d{3}-\\d{4}$"));
    auto problem = [&](const QString &field, const QString &reason) {
        return ResidentRegisterImport::RowProblem{row.line, field, reason};
    };
    if (row.broken)
        return problem(QString(), QStringLiteral("unterminated quoted field"));
    if (row.fields.size() != kHeader.size())
        return problem(QString(),
                       QStringLiteral("expected %1 fields, found %2").arg(kHeader.size()).arg(row.fields.size()));
    const QStringList &f = row.fields;
    if (!code.match(f.at(0).trimmed()).hasMatch())
        return problem(kHeader.at(0), QStringLiteral("must be 1-32 letters, digits or hyphens"));
    for (int i : {1, 6, 7}) {
        if (f.at(i).trimmed().isEmpty())
            return problem(kHeader.at(i), QStringLiteral("is empty"));
        if (f.at(i).size() > 200)
            return problem(kHeader.at(i), QStringLiteral("is longer than 200 characters"));
    }
    if (!kana.match(f.at(2).trimmed()).hasMatch())
        return problem(kHeader.at(2), QStringLiteral("must be full-width katakana"));
    const QDate born = QDate::fromString(f.at(3).trimmed(), Qt::ISODate);
    if (!born.isValid() || f.at(3).trimmed().size() != 10)
        return problem(kHeader.at(3), QStringLiteral("must be a date YYYY-MM-DD"));
    if (born > today || born.year() < 1890)
        return problem(kHeader.at(3), QStringLiteral("is outside the possible range"));
    if (!postal.match(f.at(4).trimmed()).hasMatch())
        return problem(kHeader.at(4), QStringLiteral("must be NNN-NNNN"));
    const QString prefecture = f.at(5).trimmed();
    if (prefecture.isEmpty() || !(prefecture.endsWith(QChar(0x90FD)) || prefecture.endsWith(QChar(0x9053)) ||
                                  prefecture.endsWith(QChar(0x5E9C)) || prefecture.endsWith(QChar(0x770C))))
        return problem(kHeader.at(5), QStringLiteral("must end in 都, 道, 府 or 県"));
    return std::nullopt;
}

} // namespace

Result<ResidentRegisterImport::Report> ResidentRegisterImport::importFile(CaseStore &store, qint64 adminId,
                                                                          const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read ") + path};
    return importCsv(store, adminId, file.readAll());
}

Result<ResidentRegisterImport::Report> ResidentRegisterImport::importCsv(CaseStore &store, qint64 adminId,
                                                                         const QByteArray &csv)
{
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const std::vector<CsvLine> rows = parseCsv(text);
    if (rows.empty() || rows.front().fields != kHeader)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the first line must be the header ") + kHeader.join(QLatin1Char(','))};
    return writeAsActor(
        store, adminId, isAdmin, QStringLiteral("only an admin may import the resident register"),
        [&](QSqlDatabase &db, const Actor &actor) -> Result<Report> {
            const QDateTime now = store.clock().now();
            Report report;
            QSet<QString> seen;
            for (std::size_t i = 1; i < rows.size(); ++i) {
                const CsvLine &row = rows[i];
                if (auto problem = validate(row, now.date())) {
                    report.problems.push_back(*problem);
                    continue;
                }
                const QString code = row.fields.at(0).trimmed();
                if (seen.contains(code)) {
                    report.problems.push_back({row.line, kHeader.at(0), QStringLiteral("repeats an earlier row")});
                    continue;
                }
                seen.insert(code);
                auto upserted = Sql::run(
                    db,
                    QStringLiteral(
                        "INSERT INTO residents (resident_code, name, kana, date_of_birth, postal_code, prefecture, "
                        "city, address_line, imported_at) VALUES (:code, :name, :kana, :dob, :pc, :pref, :city, "
                        ":line, :now) ON CONFLICT (resident_code) DO UPDATE SET name = excluded.name, "
                        "kana = excluded.kana, date_of_birth = excluded.date_of_birth, postal_code = "
                        "excluded.postal_code, prefecture = excluded.prefecture, city = excluded.city, "
                        "address_line = excluded.address_line, imported_at = excluded.imported_at"),
                    {{QStringLiteral("code"), code},
                     {QStringLiteral("name"), row.fields.at(1).trimmed()},
                     {QStringLiteral("kana"), row.fields.at(2).trimmed()},
                     {QStringLiteral("dob"), row.fields.at(3).trimmed()},
                     {QStringLiteral("pc"), row.fields.at(4).trimmed()},
                     {QStringLiteral("pref"), row.fields.at(5).trimmed()},
                     {QStringLiteral("city"), row.fields.at(6).trimmed()},
                     {QStringLiteral("line"), row.fields.at(7).trimmed()},
                     {QStringLiteral("now"), StoreTime::format(now)}});
                if (!upserted)
                    return upserted.error();
                ++report.imported;
            }
            if (auto audited = AuditChain::append(db, {0,
                                                       now,
                                                       actor.login,
                                                       QStringLiteral("register_imported"),
                                                       QStringLiteral("register"),
                                                       {{QStringLiteral("imported"), report.imported},
                                                        {QStringLiteral("rejected"), int(report.problems.size())}}});
                !audited)
                return audited.error();
            return report;
        });
}

} // namespace mado
