#include "core/store/UserList.h"

#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"

namespace mado {

Result<std::vector<UserAccount>> UserList::all()
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto rows = Sql::run(db.value(), QStringLiteral("SELECT id, login, display_name, role, disabled, locked_until "
                                                    "FROM users ORDER BY login"));
    if (!rows)
        return rows.error();
    std::vector<UserAccount> accounts;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        UserAccount account;
        account.id = q.value(0).toLongLong();
        account.login = q.value(1).toString();
        account.displayName = q.value(2).toString();
        const auto role = roleFromName(q.value(3).toString());
        if (!role)
            return Error{ErrorCode::Database, QStringLiteral("user %1 has an unknown role").arg(account.id)};
        account.role = *role;
        account.disabled = q.value(4).toInt() != 0;
        if (!q.value(5).isNull())
            account.lockedUntil = StoreTime::parse(q.value(5).toString());
        accounts.push_back(std::move(account));
    }
    return accounts;
}

} // namespace mado
