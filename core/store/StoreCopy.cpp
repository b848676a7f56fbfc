#include "core/store/StoreCopy.h"

#include "core/crypto/Keyring.h"
#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Migrator.h"
#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"
#include "core/store/StoreKey.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlField>
#include <QSqlRecord>

namespace mado {

namespace {

struct TableSpec {
    const char *name;
    const char *orderBy;
};

// Parents before children; cases by id, so a resubmission follows the case it resubmits.
constexpr TableSpec kTables[] = {
    {"users", "id"},
    {"procedures", "procedure_key, version"},
    {"batches", "id"},
    {"cases", "id"},
    {"images", "id"},
    {"verdicts", "id"},
    {"decisions", "id"},
    {"batch_cases", "batch_id, case_id"},
    {"audit", "seq"},
    {"residents", "id"},
    {"certificate_counters", "fiscal_year"},
    {"issuances", "id"},
    {"face_hashes", "id"},
    {"outcome_outbox", "id"},
    {"ward_settings", "name"},
    {"import_failures", "application_id"},
};

// The stores' own bookkeeping: each store keeps its own.
const QStringList kBookkeeping{QStringLiteral("schema_version"), QStringLiteral("madoguchi_store"),
                               QStringLiteral("sqlite_sequence")};

constexpr int kImagePage = 200;

// A read snapshot of the source: everything copied comes from one moment.
class ReadSnapshot {
public:
    explicit ReadSnapshot(QSqlDatabase db) : m_db(std::move(db))
    {
        auto begin =
            Sql::run(m_db, Sql::isPostgresql(m_db) ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                                   : QStringLiteral("BEGIN"));
        m_begun = begin ? Status{} : Status{begin.error()};
    }
    ~ReadSnapshot()
    {
        if (m_begun.ok())
            (void)Sql::run(m_db, QStringLiteral("ROLLBACK"));
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;
    const Status &begun() const { return m_begun; }

private:
    QSqlDatabase m_db;
    Status m_begun;
};

Result<qint64> countRows(const QSqlDatabase &db, const QString &table)
{
    auto count = Sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM ") + table);
    if (!count)
        return count.error();
    return count.value().toLongLong();
}

QStringList columnsOf(const QSqlDatabase &db, const QString &table)
{
    const QSqlRecord record = db.record(table);
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns << record.fieldName(i).toLower();
    return columns;
}

Error integrity(const QString &what)
{
    return Error{ErrorCode::InvalidState,
                 QStringLiteral("the copy does not match the source (nothing written): ") + what};
}

class Copier {
public:
    Copier(CaseStore &source, CaseStore &target, QSqlDatabase from, QSqlDatabase to)
        : m_source(source), m_target(target), m_from(std::move(from)), m_to(std::move(to))
    {
    }

    Status checkTables();
    Status checkTargetEmpty();
    Result<qint64> copyTable(const TableSpec &table);
    Result<qint64> copyImages(const QStringList &columns);
    Status resetIdentity(const QString &table);
    Status verify(StoreCopy::Report &report, const AuditChain::Verification &sourceChain);

private:
    Result<qint64> insertRows(QSqlQuery &select, const QString &table, const QStringList &columns, int bytesColumn,
                              qint64 *lastId);

    CaseStore &m_source;
    CaseStore &m_target;
    QSqlDatabase m_from;
    QSqlDatabase m_to;
};

Status Copier::checkTables()
{
    QStringList known;
    for (const TableSpec &table : kTables)
        known << QString::fromLatin1(table.name);
    for (const QString &table : m_from.tables()) {
        if (!known.contains(table.toLower()) && !kBookkeeping.contains(table.toLower()))
            return Error{
                ErrorCode::InvalidArgument,
                QStringLiteral("the source has a table this copy does not know: %1 (nothing copied)").arg(table)};
    }
    for (const QString &table : std::as_const(known)) {
        const QStringList from = columnsOf(m_from, table);
        QStringList to = columnsOf(m_to, table);
        if (from.isEmpty() || to.isEmpty())
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("table %1 is missing in the %2")
                             .arg(table, from.isEmpty() ? QStringLiteral("source") : QStringLiteral("target"))};
        QStringList sortedFrom = from;
        sortedFrom.sort();
        to.sort();
        if (sortedFrom != to)
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("table %1 has other columns in the source than in the target").arg(table)};
    }
    return {};
}

Status Copier::checkTargetEmpty()
{
    for (const TableSpec &table : kTables) {
        const QString name = QString::fromLatin1(table.name);
        // Migrations insert the shipped policy (changed_by 'system'); anything else is data.
        const QString statement = name == QLatin1String("procedures")
                                      ? QStringLiteral("SELECT COUNT(*) FROM procedures WHERE changed_by <> 'system'")
                                      : QStringLiteral("SELECT COUNT(*) FROM ") + name;
        auto rows = Sql::scalar(m_to, statement);
        if (!rows)
            return rows.error();
        if (rows.value().toLongLong() > 0)
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("the target is not empty (table %1 has %2 rows): copy into a new store only")
                             .arg(name)
                             .arg(rows.value().toLongLong())};
    }
    return {};
}

Result<qint64> Copier::insertRows(QSqlQuery &select, const QString &table, const QStringList &columns, int bytesColumn,
                                  qint64 *lastId)
{
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery insert(m_to);
    if (!insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")))))
        return Sql::error(insert, QStringLiteral("preparing the copy of ") + table);
    qint64 rows = 0;
    while (select.next()) {
        for (int i = 0; i < columns.size(); ++i) {
            QVariant value = select.value(i);
            if (i == bytesColumn) {
                const QByteArray stored = value.toByteArray();
                if (!stored.isEmpty()) { // empty: purged by retention
                    auto plain =
                        Keyring::isSealed(stored) ? m_source.keyring().open(stored) : Result<QByteArray>(stored);
                    if (!plain)
                        return Error{plain.error().code,
                                     QStringLiteral("image %1 does not open with the source's key: %2")
                                         .arg(select.value(0).toLongLong())
                                         .arg(plain.error().message)};
                    value = m_target.keyring().seal(plain.value());
                } else {
                    value = QByteArray("");
                }
            }
            insert.bindValue(i, value);
        }
        if (!insert.exec())
            return Sql::error(insert, QStringLiteral("copying a row of ") + table);
        if (lastId)
            *lastId = select.value(0).toLongLong();
        ++rows;
    }
    return rows;
}

Result<qint64> Copier::copyTable(const TableSpec &spec)
{
    const QString table = QString::fromLatin1(spec.name);
    QStringList columns = columnsOf(m_from, table);
    if (table == QLatin1String("images")) {
        // id first: the pages continue after it.
        columns.removeAll(QStringLiteral("id"));
        columns.prepend(QStringLiteral("id"));
        return copyImages(columns);
    }
    QSqlQuery select(m_from);
    select.setForwardOnly(true);
    if (!select.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                         .arg(columns.join(QStringLiteral(", ")), table, QString::fromLatin1(spec.orderBy))))
        return Sql::error(select, QStringLiteral("reading ") + table);
    return insertRows(select, table, columns, -1, nullptr);
}

Result<qint64> Copier::copyImages(const QStringList &columns)
{
    // In pages, so that a store with thousands of photos is never held in memory at once.
    qint64 total = 0;
    qint64 lastId = 0;
    const int bytesColumn = int(columns.indexOf(QStringLiteral("bytes")));
    for (;;) {
        QSqlQuery select(m_from);
        select.setForwardOnly(true);
        if (!select.prepare(QStringLiteral("SELECT %1 FROM images WHERE id > ? ORDER BY id LIMIT %2")
                                .arg(columns.join(QStringLiteral(", ")))
                                .arg(kImagePage)))
            return Sql::error(select, QStringLiteral("reading images"));
        select.addBindValue(lastId);
        if (!select.exec())
            return Sql::error(select, QStringLiteral("reading images"));
        auto rows = insertRows(select, QStringLiteral("images"), columns, bytesColumn, &lastId);
        if (!rows)
            return rows.error();
        total += rows.value();
        if (rows.value() < kImagePage)
            return total;
    }
}

Status Copier::resetIdentity(const QString &table)
{
    // Ids were copied explicitly: the identity's sequence continues after the highest one.
    if (!Sql::isPostgresql(m_to) || !columnsOf(m_to, table).contains(QStringLiteral("id")))
        return {};
    auto reset = Sql::run(m_to, QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                               "COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM %1")
                                    .arg(table));
    return reset ? Status{} : Status{reset.error()};
}

Status Copier::verify(StoreCopy::Report &report, const AuditChain::Verification &sourceChain)
{
    for (const TableSpec &spec : kTables) {
        const QString table = QString::fromLatin1(spec.name);
        auto from = countRows(m_from, table);
        auto to = countRows(m_to, table);
        if (!from || !to)
            return from ? to.error() : from.error();
        if (from.value() != to.value())
            return integrity(QStringLiteral("%1 has %2 rows in the source, %3 in the target")
                                 .arg(table)
                                 .arg(from.value())
                                 .arg(to.value()));
        report.rows.emplace_back(table, to.value());
    }
    auto chain = AuditChain::verify(m_to);
    if (!chain)
        return chain.error();
    if (!chain.value().ok)
        return integrity(QStringLiteral("the audit chain breaks at entry %1 (%2)")
                             .arg(chain.value().firstBroken)
                             .arg(chain.value().problem));
    if (chain.value().headHash != sourceChain.headHash || chain.value().entries != sourceChain.entries)
        return integrity(QStringLiteral("the audit chain ends elsewhere than the source's"));
    report.auditEntries = chain.value().entries;
    report.auditHead = chain.value().headHash;
    // Every image opens under the target's key and is the image recorded.
    auto images = Sql::run(m_to, QStringLiteral("SELECT id, sha256, bytes FROM images ORDER BY id"));
    if (!images)
        return images.error();
    while (images.value().next()) {
        const QByteArray stored = images.value().value(2).toByteArray();
        if (stored.isEmpty())
            continue;
        auto plain = m_target.keyring().open(stored);
        if (!plain)
            return integrity(QStringLiteral("image %1 does not open with the target's key")
                                 .arg(images.value().value(0).toLongLong()));
        const QString sha =
            QString::fromLatin1(QCryptographicHash::hash(plain.value(), QCryptographicHash::Sha256).toHex());
        if (sha != images.value().value(1).toString())
            return integrity(
                QStringLiteral("image %1 is not the image recorded").arg(images.value().value(0).toLongLong()));
        ++report.images;
    }
    return {};
}

} // namespace

QStringList StoreCopy::tables()
{
    QStringList names;
    for (const TableSpec &table : kTables)
        names << QString::fromLatin1(table.name);
    return names;
}

Result<StoreCopy::Report> StoreCopy::copy(const StoreAddress &from, const StoreAddress &to, const Clock &clock)
{
    if (from.display() == to.display())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("source and target are the same store")};
    auto source = CaseStore::open(from, clock);
    if (!source)
        return Error{source.error().code, QStringLiteral("source: ") + source.error().message};
    auto target = CaseStore::open(to, clock);
    if (!target)
        return Error{target.error().code, QStringLiteral("target: ") + target.error().message};
    auto report = copy(*source.value(), *target.value(), clock);
    if (report)
        report.value().targetKeyFile = StoreKey::keyFileFor(to);
    return report;
}

Result<StoreCopy::Report> StoreCopy::copy(CaseStore &source, CaseStore &target, const Clock &clock)
{
    QElapsedTimer timer;
    timer.start();
    auto from = source.connections().database();
    if (!from)
        return from.error();
    auto to = target.connections().database();
    if (!to)
        return to.error();
    auto fromVersion = Migrator::currentVersion(from.value());
    auto toVersion = Migrator::currentVersion(to.value());
    if (!fromVersion || !toVersion)
        return fromVersion ? toVersion.error() : fromVersion.error();
    if (fromVersion.value() != toVersion.value())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the source is at schema version %1, the target at %2")
                                                     .arg(fromVersion.value())
                                                     .arg(toVersion.value())};
    Copier copier(source, target, from.value(), to.value());
    if (auto tables = copier.checkTables(); !tables.ok())
        return tables.error();

    ReadSnapshot snapshot(from.value());
    if (!snapshot.begun().ok())
        return snapshot.begun().error();
    auto sourceChain = AuditChain::verify(from.value());
    if (!sourceChain)
        return sourceChain.error();
    if (!sourceChain.value().ok)
        return Error{ErrorCode::InvalidState, QStringLiteral("the source's audit chain breaks at entry %1 (%2): "
                                                             "nothing copied; see `madoguchi-cli audit verify`")
                                                  .arg(sourceChain.value().firstBroken)
                                                  .arg(sourceChain.value().problem)};

    SqlTransaction transaction(to.value());
    if (!transaction.begun().ok())
        return transaction.begun().error();
    if (auto empty = copier.checkTargetEmpty(); !empty.ok())
        return empty.error();
    if (auto shipped = Sql::run(to.value(), QStringLiteral("DELETE FROM procedures")); !shipped)
        return shipped.error();
    Report report;
    for (const TableSpec &table : kTables) {
        auto copied = copier.copyTable(table);
        if (!copied)
            return copied.error();
        if (auto reset = copier.resetIdentity(QString::fromLatin1(table.name)); !reset.ok())
            return reset.error();
    }
    if (auto checked = copier.verify(report, sourceChain.value()); !checked.ok())
        return checked.error();
    AuditChain::Entry entry;
    entry.at = clock.now();
    entry.actor = QStringLiteral("system:store-copy");
    entry.action = QStringLiteral("store_copied");
    entry.subject = QStringLiteral("store");
    entry.detail =
        QJsonObject{{QStringLiteral("from_backend"),
                     source.connections().isPostgresql() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
                    {QStringLiteral("audit_entries"), QString::number(report.auditEntries)},
                    {QStringLiteral("audit_head"), report.auditHead},
                    {QStringLiteral("images"), QString::number(report.images)}};
    if (auto appended = AuditChain::append(to.value(), entry); !appended.ok())
        return appended.error();
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    report.milliseconds = timer.elapsed();
    return report;
}

} // namespace mado
