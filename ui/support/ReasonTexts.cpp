#include "ui/support/ReasonTexts.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mado {

namespace {

constexpr const char *kContext = "ReasonTexts";

struct Entry {
    const char *check; // "" = any check
    const char *code;
    const char *text;
};

// Every plain code of docs/face-engine.md. Place prefixes ("frame2:") are handled by reason().
const Entry kReasons[] = {
    {"document_face", "ok", QT_TRANSLATE_NOOP("ReasonTexts", "Portrait found on the document card")},
    {"document_face", "card_not_found",
     QT_TRANSLATE_NOOP("ReasonTexts", "No card found in the document photo; the largest face of the photo was used")},
    {"document_face", "portrait_not_on_card",
     QT_TRANSLATE_NOOP("ReasonTexts", "No portrait on the card; the largest face of the photo was used")},
    {"document_face", "no_face", QT_TRANSLATE_NOOP("ReasonTexts", "No face found on the document")},
    {"image_quality", "ok", QT_TRANSLATE_NOOP("ReasonTexts", "All images are sharp, well exposed and framed")},
    {"image_quality", "blurred", QT_TRANSLATE_NOOP("ReasonTexts", "The face is blurred")},
    {"image_quality", "too_dark", QT_TRANSLATE_NOOP("ReasonTexts", "The face is too dark")},
    {"image_quality", "too_bright", QT_TRANSLATE_NOOP("ReasonTexts", "The face is too bright")},
    {"image_quality", "clipped", QT_TRANSLATE_NOOP("ReasonTexts", "Parts of the face are over- or underexposed")},
    {"image_quality", "face_too_small", QT_TRANSLATE_NOOP("ReasonTexts", "The face is too small")},
    {"image_quality", "face_near_edge", QT_TRANSLATE_NOOP("ReasonTexts", "The face is close to the image edge")},
    {"image_quality", "face_cut_off", QT_TRANSLATE_NOOP("ReasonTexts", "The face is cut off by the image edge")},
    {"image_quality", "no_face", QT_TRANSLATE_NOOP("ReasonTexts", "No face found")},
    {"challenge", "ok", QT_TRANSLATE_NOOP("ReasonTexts", "Every head turn was made as asked")},
    {"challenge", "not_frontal", QT_TRANSLATE_NOOP("ReasonTexts", "The face does not look straight at the camera")},
    {"challenge", "turn_too_small", QT_TRANSLATE_NOOP("ReasonTexts", "The head was not turned far enough")},
    {"challenge", "wrong_direction", QT_TRANSLATE_NOOP("ReasonTexts", "The head was turned the wrong way")},
    {"challenge", "off_axis", QT_TRANSLATE_NOOP("ReasonTexts", "The head was turned along the other axis")},
    {"challenge", "head_tilted", QT_TRANSLATE_NOOP("ReasonTexts", "The head is tilted sideways")},
    {"challenge", "no_face", QT_TRANSLATE_NOOP("ReasonTexts", "No face found")},
    {"challenge", "pose_not_measured", QT_TRANSLATE_NOOP("ReasonTexts", "The head pose could not be measured")},
    {"same_person", "ok", QT_TRANSLATE_NOOP("ReasonTexts", "All frames show the same person")},
    {"same_person", "uncertain", QT_TRANSLATE_NOOP("ReasonTexts", "The frames may not show the same person")},
    {"same_person", "different_person", QT_TRANSLATE_NOOP("ReasonTexts", "The frames show different people")},
    {"same_person", "not_measured", QT_TRANSLATE_NOOP("ReasonTexts", "Could not compare the frames")},
    {"flat_photo", "ok", QT_TRANSLATE_NOOP("ReasonTexts", "The head moves like a real face")},
    {"flat_photo", "flat_photo_suspected",
     QT_TRANSLATE_NOOP("ReasonTexts", "The face moves like a flat photo (possible photo of a photo)")},
    {"flat_photo", "not_measured", QT_TRANSLATE_NOOP("ReasonTexts", "Could not test for a flat photo")},
    {"replay", "ok", QT_TRANSLATE_NOOP("ReasonTexts", "No image is a copy of another")},
    {"replay", "duplicate_image", QT_TRANSLATE_NOOP("ReasonTexts", "The same image was sent twice")},
    {"selfie_copies_document", "ok", QT_TRANSLATE_NOOP("ReasonTexts", "No selfie frame is a copy of the document portrait")},
    {"selfie_copies_document", "copy_of_document",
     QT_TRANSLATE_NOOP("ReasonTexts", "Looks like the document portrait itself (photo of the ID photo?): compare both pictures")},
    {"selfie_copies_document", "not_measured",
     QT_TRANSLATE_NOOP("ReasonTexts", "Could not compare the selfie with the document portrait")},
    {"capture_window", "ok", QT_TRANSLATE_NOOP("ReasonTexts", "Every frame was taken during the challenge")},
    {"capture_window", "outside_challenge_window",
     QT_TRANSLATE_NOOP("ReasonTexts", "Taken outside the time of the challenge")},
    {"face_match", "match", QT_TRANSLATE_NOOP("ReasonTexts", "The selfie matches the document portrait")},
    {"face_match", "review", QT_TRANSLATE_NOOP("ReasonTexts", "Uncertain match: compare the faces carefully")},
    {"face_match", "mismatch", QT_TRANSLATE_NOOP("ReasonTexts", "The selfie does not match the document portrait")},
    {"face_match", "not_measured", QT_TRANSLATE_NOOP("ReasonTexts", "The faces could not be compared")},
};

const Entry kChecks[] = {
    {"document_face", "", QT_TRANSLATE_NOOP("ReasonTexts", "Document face")},
    {"image_quality", "", QT_TRANSLATE_NOOP("ReasonTexts", "Image quality")},
    {"challenge", "", QT_TRANSLATE_NOOP("ReasonTexts", "Head-turn steps")},
    {"same_person", "", QT_TRANSLATE_NOOP("ReasonTexts", "Same person in all frames")},
    {"flat_photo", "", QT_TRANSLATE_NOOP("ReasonTexts", "Flat photo")},
    {"replay", "", QT_TRANSLATE_NOOP("ReasonTexts", "Replay")},
    {"selfie_copies_document", "", QT_TRANSLATE_NOOP("ReasonTexts", "Selfie copies the document")},
    {"capture_window", "", QT_TRANSLATE_NOOP("ReasonTexts", "Capture time")},
    {"face_match", "", QT_TRANSLATE_NOOP("ReasonTexts", "Face match")},
};

const Entry kDecisionReasons[] = {
    {"reject", "face_mismatch", QT_TRANSLATE_NOOP("ReasonTexts", "The face does not match the document")},
    {"reject", "document_invalid", QT_TRANSLATE_NOOP("ReasonTexts", "The document is invalid or expired")},
    {"reject", "data_mismatch", QT_TRANSLATE_NOOP("ReasonTexts", "The form does not match the register")},
    {"reject", "suspected_fraud", QT_TRANSLATE_NOOP("ReasonTexts", "Suspected fraud (photo, replay)")},
    {"reject", "not_eligible", QT_TRANSLATE_NOOP("ReasonTexts", "The applicant may not use this procedure")},
    {"resubmit", "document_unreadable", QT_TRANSLATE_NOOP("ReasonTexts", "The document photo is unreadable")},
    {"resubmit", "selfie_quality", QT_TRANSLATE_NOOP("ReasonTexts", "The selfie is blurred, dark or cut off")},
    {"resubmit", "head_turn_wrong", QT_TRANSLATE_NOOP("ReasonTexts", "The head turns were not made as asked")},
    {"resubmit", "other_document_needed", QT_TRANSLATE_NOOP("ReasonTexts", "Another photo ID is needed")},
};

QString translated(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

} // namespace

QString ReasonTexts::checkName(const QString &checkId)
{
    for (const Entry &e : kChecks) {
        if (checkId == QLatin1String(e.check))
            return translated(e.text);
    }
    return checkId;
}

QString ReasonTexts::plainReason(const QString &checkId, const QString &code)
{
    for (const Entry &e : kReasons) {
        if (checkId == QLatin1String(e.check) && code == QLatin1String(e.code))
            return translated(e.text);
    }
    return QString();
}

QString ReasonTexts::place(const QString &where)
{
    if (where == QLatin1String("document"))
        return QCoreApplication::translate("ReasonTexts", "document");
    static const QRegularExpression frame(QStringLiteral("^frame(\\d+)$"));
    const QRegularExpressionMatch m = frame.match(where);
    if (m.hasMatch()) {
        const int index = m.captured(1).toInt();
        return index == 0 ? QCoreApplication::translate("ReasonTexts", "frontal frame")
                          : QCoreApplication::translate("ReasonTexts", "frame %1").arg(index);
    }
    return where;
}

QString ReasonTexts::reason(const QString &checkId, const QString &code)
{
    const QString plain = plainReason(checkId, code);
    if (!plain.isEmpty())
        return plain;
    const qsizetype colon = code.indexOf(QLatin1Char(':'));
    if (colon > 0) {
        const QString head = code.left(colon);
        const QString tail = code.mid(colon + 1);
        if (head == QLatin1String("duplicate_image")) {
            QStringList places;
            for (const QString &p : tail.split(QLatin1Char('=')))
                places << place(p);
            return QCoreApplication::translate("ReasonTexts", "%1: %2")
                .arg(plainReason(checkId, head), places.join(QStringLiteral(" = ")));
        }
        const QString text = plainReason(checkId, tail);
        if (!text.isEmpty())
            return QCoreApplication::translate("ReasonTexts", "%1: %2").arg(place(head), text);
    }
    return code;
}

QString ReasonTexts::direction(Direction direction)
{
    switch (direction) {
    case Direction::Front:
        return QCoreApplication::translate("ReasonTexts", "Front");
    case Direction::Left:
        return QCoreApplication::translate("ReasonTexts", "Left");
    case Direction::Right:
        return QCoreApplication::translate("ReasonTexts", "Right");
    case Direction::Up:
        return QCoreApplication::translate("ReasonTexts", "Up");
    case Direction::Down:
        return QCoreApplication::translate("ReasonTexts", "Down");
    }
    return QString();
}

QStringList ReasonTexts::engineCodes()
{
    QStringList codes;
    for (const Entry &e : kReasons)
        codes << QString::fromLatin1(e.check) + QLatin1Char('/') + QString::fromLatin1(e.code);
    return codes;
}

QStringList ReasonTexts::rejectionCodes()
{
    QStringList codes;
    for (const Entry &e : kDecisionReasons) {
        if (QLatin1String(e.check) == QLatin1String("reject"))
            codes << QString::fromLatin1(e.code);
    }
    return codes;
}

QStringList ReasonTexts::resubmissionCodes()
{
    QStringList codes;
    for (const Entry &e : kDecisionReasons) {
        if (QLatin1String(e.check) == QLatin1String("resubmit"))
            codes << QString::fromLatin1(e.code);
    }
    return codes;
}

QString ReasonTexts::decisionReason(const QString &code)
{
    for (const Entry &e : kDecisionReasons) {
        if (code == QLatin1String(e.code))
            return translated(e.text);
    }
    return code;
}

} // namespace mado
