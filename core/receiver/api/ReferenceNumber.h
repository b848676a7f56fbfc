#pragma once

#include <QDate>
#include <QString>

namespace mado {

// The applicant's reference number, e.g. MDG-2611-00042-9: "MDG", the year and month of receipt
// (YYMM, Japan time), the spool's sequence number (at least 5 digits) and a Luhn check digit over
// all the digits before it (YYMM then the sequence), so that a mistyped digit or two swapped
// neighbouring digits are caught when an applicant quotes it. Pure functions.
class ReferenceNumber {
public:
    static QString make(const QDate &receivedJst, qint64 sequence);
    // True if text has the shape and a correct check digit.
    static bool isValid(const QString &text);
    // The Luhn check digit of a string of decimal digits.
    static int luhnDigit(const QString &digits);
};

} // namespace mado
