#include "ui/support/ErrorTexts.h"

namespace mado {

QString ErrorTexts::text(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return tr("The input was not accepted.");
    case ErrorCode::Io:
        return tr("A file could not be read or written.");
    case ErrorCode::ImageEmpty:
        return tr("The image is empty.");
    case ErrorCode::ImageUnsupported:
        return tr("The image format is not supported.");
    case ErrorCode::ImageTooLarge:
        return tr("The image is too large.");
    case ErrorCode::ImageCorrupt:
        return tr("The image is damaged.");
    case ErrorCode::NoFace:
        return tr("No face was found in the image.");
    case ErrorCode::BundleInvalid:
        return tr("The application data is invalid.");
    case ErrorCode::ModelMissing:
        return tr("The face models are missing.");
    case ErrorCode::ModelCorrupt:
        return tr("The face models are damaged.");
    case ErrorCode::Network:
        return tr("The receiver cannot be reached over the network.");
    case ErrorCode::Database:
        return tr("The case store could not be read or written. Try again; if it persists, call the administrator.");
    case ErrorCode::SchemaTooNew:
        return tr("The case store was written by a newer Madoguchi. Update this workstation.");
    case ErrorCode::NotFound:
        return tr("It was not found (it may have been deleted).");
    case ErrorCode::AlreadyExists:
        return tr("It already exists.");
    case ErrorCode::PermissionDenied:
        return tr("Your role may not do this.");
    case ErrorCode::InvalidState:
        return tr("This is not possible in the current state. Refresh the page.");
    case ErrorCode::Conflict:
        return tr("Someone else changed it at the same time. Refresh the page.");
    case ErrorCode::FourEyesViolation:
        return tr("You decided a case in it: another supervisor must approve it (four-eyes rule).");
    case ErrorCode::PolicyRefused:
        return tr("The procedure policy does not allow this.");
    case ErrorCode::LimitReached:
        return tr("A limit was reached (for example the number of resubmission requests).");
    case ErrorCode::AuthenticationFailed:
        return tr("The login or the password is wrong.");
    case ErrorCode::AccountLocked:
        return tr("The account is locked or disabled.");
    case ErrorCode::StoreConnectionLost:
        return tr("The connection to the case store server was lost; nothing was saved. The next step "
                  "reconnects: try again. If it persists, call the administrator.");
    case ErrorCode::Unauthorized:
        return tr("The receiver refused this workstation's token. Ask IT to check the settings.");
    case ErrorCode::Gone:
        return tr("It has expired.");
    case ErrorCode::RateLimited:
        return tr("Too many requests. Try again later.");
    case ErrorCode::Internal:
        return tr("An internal error occurred. Call the administrator.");
    }
    // A value outside the enumeration (a newer core, a damaged value): say which.
    return tr("An unexpected error occurred (code %1). Call the administrator.").arg(static_cast<int>(code));
}

QString ErrorTexts::failure(const QString &what, const Error &error)
{
    return tr("%1: %2").arg(what, text(error));
}

QString ErrorTexts::details(const Error &error)
{
    if (error.message.isEmpty())
        return QString();
    return tr("Details for IT: %1 — %2").arg(errorCodeName(error.code), error.message);
}

QString ErrorTexts::details(const QString &detail)
{
    return detail.isEmpty() ? QString() : tr("Details for IT: %1").arg(detail);
}

QList<ErrorCode> ErrorTexts::knownCodes()
{
    QList<ErrorCode> codes;
    for (int code = static_cast<int>(ErrorCode::InvalidArgument); code <= static_cast<int>(ErrorCode::Internal); ++code)
        codes.append(static_cast<ErrorCode>(code));
    return codes;
}

} // namespace mado
