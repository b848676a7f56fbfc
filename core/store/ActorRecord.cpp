#include "core/store/ActorRecord.h"

#include "core/store/Sql.h"

namespace mado {

Result<Actor> loadActor(const QSqlDatabase &db, qint64 userId)
{
    auto query = Sql::run(db, QStringLiteral("SELECT login, role, disabled FROM users WHERE id = :id"),
                          {{QStringLiteral("id"), userId}});
    if (!query)
        return query.error();
    if (!query.value().next())
        return Error{ErrorCode::NotFound, QStringLiteral("no user with id %1").arg(userId)};
    if (query.value().value(2).toInt() != 0)
        return Error{ErrorCode::AccountLocked, QStringLiteral("the account is disabled")};
    const auto role = roleFromName(query.value().value(1).toString());
    if (!role)
        return Error{ErrorCode::Internal, QStringLiteral("unknown role in the users table")};
    return Actor{userId, query.value().value(0).toString(), *role};
}

} // namespace mado
