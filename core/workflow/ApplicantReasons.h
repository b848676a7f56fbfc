#pragma once

#include <QString>

namespace mado {

// The applicant-facing words (Japanese, for the LINE notice) for the reason code of a clerk's
// rejection or resubmission request. Only the code travels to the receiver's outcome as this text;
// the clerk's comment is internal and is never sent. An unknown code gives an empty text, so
// nothing unreviewed reaches the applicant. Any thread.
class ApplicantReasons {
public:
    static QString text(const QString &reasonCode);
};

} // namespace mado
