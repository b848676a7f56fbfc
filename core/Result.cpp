#include "core/Result.h"

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
    case ErrorCode::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::Gone:
        return QStringLiteral("gone");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace mado
