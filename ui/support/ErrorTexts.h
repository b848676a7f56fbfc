#pragma once

#include "core/domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mado {

// Words for core's error codes (mado::ErrorCode), in the UI language (Japanese first, English =
// source): every error a user sees is shown through this table, never with core's English
// message. The message stays available to IT as details() (shown as a tooltip or a "details"
// line, never as the text itself); it holds no personal data (core's rule for Error::message).
// A code the table does not know gets a generic text that names the code. Pages that know more
// about their context (the case view's claim conflict, a wrong password at batch approval) map
// the codes they expect to their own sentence and fall back to text(). GUI thread (translations).
class ErrorTexts {
    Q_DECLARE_TR_FUNCTIONS(mado::ErrorTexts)

public:
    // What went wrong, as one sentence a clerk can act on.
    static QString text(ErrorCode code);
    static QString text(const Error &error) { return text(error.code); }
    // "<what failed>: <text>" for a page's own sentence about what it tried ("The batch could not be created").
    static QString failure(const QString &what, const Error &error);
    // Core's English detail for IT, with the stable code name; empty when there is no message.
    static QString details(const Error &error);
    // The same for a finding core reports as text (e.g. AuditChain's problem); empty when empty.
    static QString details(const QString &detail);
    // Every code that has its own text (the whole of ErrorCode).
    static QList<ErrorCode> knownCodes();
};

} // namespace mado
