#pragma once

#include "core/domain/CaseBundle.h"

#include <QString>
#include <QStringList>

namespace mado {

// Words for the stable codes of the face engine (docs/face-engine.md) and of the clerk's
// decisions, in the installed UI language (Japanese first, English = source). Codes arrive as
// stored: plain ("flat_photo_suspected"), with a place ("frame2:blurred", "document:too_dark") or
// with a pair ("duplicate_image:frame1=frame2"). An unknown code is shown as itself, so nothing is
// hidden. GUI thread (uses the installed translators).
class ReasonTexts {
public:
    // The name of a check ("document_face", "image_quality", ...).
    static QString checkName(const QString &checkId);
    // A reason code of a check in words, with its place when it has one.
    static QString reason(const QString &checkId, const QString &code);
    // A plain code in words, or an empty string when the table does not know it.
    static QString plainReason(const QString &checkId, const QString &code);
    // "document", "frame0".."frameN" in words.
    static QString place(const QString &where);
    // A head direction in the applicant's terms (左 = the applicant's left).
    static QString direction(Direction direction);

    // Every plain reason code the engine emits, as "check/code" (docs/face-engine.md).
    static QStringList engineCodes();

    // Reason codes a clerk picks for a rejection and for a resubmission request.
    static QStringList rejectionCodes();
    static QStringList resubmissionCodes();
    static QString decisionReason(const QString &code);
};

} // namespace mado
