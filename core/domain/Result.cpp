#include "core/domain/Result.h"

namespace mado {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::ImageEmpty:
        return QStringLiteral("image_empty");
    case ErrorCode::ImageUnsupported:
        return QStringLiteral("image_unsupported");
    case ErrorCode::ImageTooLarge:
        return QStringLiteral("image_too_large");
    case ErrorCode::ImageCorrupt:
        return QStringLiteral("image_corrupt");
    case ErrorCode::NoFace:
        return QStringLiteral("no_face");
    case ErrorCode::BundleInvalid:
        return QStringLiteral("bundle_invalid");
    case ErrorCode::ModelMissing:
        return QStringLiteral("model_missing");
    case ErrorCode::ModelCorrupt:
        return QStringLiteral("model_corrupt");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Database:
        return QStringLiteral("database");
    case ErrorCode::SchemaTooNew:
        return QStringLiteral("schema_too_new");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::AlreadyExists:
        return QStringLiteral("already_exists");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("permission_denied");
    case ErrorCode::InvalidState:
        return QStringLiteral("invalid_state");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::FourEyesViolation:
        return QStringLiteral("four_eyes_violation");
    case ErrorCode::PolicyRefused:
        return QStringLiteral("policy_refused");
    case ErrorCode::LimitReached:
        return QStringLiteral("limit_reached");
    case ErrorCode::AuthenticationFailed:
        return QStringLiteral("authentication_failed");
    case ErrorCode::AccountLocked:
        return QStringLiteral("account_locked");
    case ErrorCode::StoreConnectionLost:
        return QStringLiteral("store_connection_lost");
    case ErrorCode::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorCode::Gone:
        return QStringLiteral("gone");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace mado
