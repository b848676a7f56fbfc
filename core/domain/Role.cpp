#include "core/domain/Role.h"

namespace mado {

QString roleName(Role role)
{
    switch (role) {
    case Role::Clerk:
        return QStringLiteral("clerk");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return QString();
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role role : {Role::Clerk, Role::Supervisor, Role::Admin}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

} // namespace mado
