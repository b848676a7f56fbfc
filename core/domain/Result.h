#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace mado {

// Stable error codes: the UI and the CLI map them to user-facing texts and exit codes.
enum class ErrorCode {
    InvalidArgument,
    Io,
    ImageEmpty,
    ImageUnsupported,
    ImageTooLarge,
    ImageCorrupt,
    NoFace,
    BundleInvalid,
    ModelMissing,
    ModelCorrupt,
    Network,
    // Case store, workflow and security (issue 5).
    Database,             // a SQL statement failed
    SchemaTooNew,         // the store was written by a newer Madoguchi
    NotFound,             // no such case, batch, user or resident
    AlreadyExists,        // e.g. a login that is taken
    PermissionDenied,     // the actor's role may not do this
    InvalidState,         // the case or batch is not in a state that allows this
    Conflict,             // someone else won (claim taken by another clerk)
    FourEyesViolation,    // the supervisor decided a case in the batch
    PolicyRefused,        // the procedure does not accept the case's identity method
    LimitReached,         // e.g. the cap on resubmission requests
    AuthenticationFailed, // wrong login or password
    AccountLocked,        // locked out after repeated failures, or disabled
    StoreConnectionLost,  // the database server closed the connection (the transaction was rolled back)
    // Receiver APIs (issue 4).
    Unauthorized,         // a missing or invalid token
    Gone,                 // expired (a challenge)
    RateLimited,          // too many requests (challenges per user)
    Internal,
};

// Returns the stable identifier of a code, e.g. "image_too_large".
QString errorCodeName(ErrorCode code);

// An error a caller can show or act upon. `message` is English, one line, and never contains
// personal data (no names, no image bytes), so it may be logged.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

// Value-or-error return type of synchronous core calls.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Result for calls that return nothing on success.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace mado
