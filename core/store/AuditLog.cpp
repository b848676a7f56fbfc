#include "core/store/AuditLog.h"

#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"

#include <QJsonDocument>

namespace mado {

Result<AuditPage> AuditLog::page(qint64 beforeSeq, int limit)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto rows = Sql::run(db.value(),
                         QStringLiteral("SELECT seq, at, actor, action, subject, detail FROM audit "
                                        "WHERE seq < :before ORDER BY seq DESC LIMIT :limit"),
                         {{QStringLiteral("before"), beforeSeq}, {QStringLiteral("limit"), limit + 1}});
    if (!rows)
        return rows.error();
    AuditPage page;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        if (static_cast<int>(page.entries.size()) == limit) {
            page.more = true;
            break;
        }
        AuditChain::Entry entry;
        entry.seq = q.value(0).toLongLong();
        entry.at = StoreTime::parse(q.value(1).toString());
        entry.actor = q.value(2).toString();
        entry.action = q.value(3).toString();
        entry.subject = q.value(4).toString();
        entry.detail = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        page.entries.push_back(std::move(entry));
    }
    return page;
}

Result<AuditChain::Verification> AuditLog::verify()
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    return AuditChain::verify(db.value());
}

} // namespace mado
