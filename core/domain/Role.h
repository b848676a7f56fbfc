#pragma once

#include <QString>

#include <optional>

namespace mado {

// A staff member's role. Clerks decide cases, supervisors approve batches (and may decide, but
// never approve what they decided), admins manage users and policy and do no case work.
enum class Role { Clerk, Supervisor, Admin };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

} // namespace mado
