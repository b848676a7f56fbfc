#pragma once

namespace mado {

// Tunable account-security values (from the ward's settings).
struct SecurityOptions {
    int maxFailedLogins = 5;      // consecutive failures before the account locks
    int lockoutSeconds = 15 * 60; // how long a lock-out lasts
    int idleLockSeconds = 900;    // the workstation locks after this much inactivity
    int minPasswordLength = 10;
};

} // namespace mado
