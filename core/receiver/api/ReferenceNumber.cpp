#include "core/receiver/api/ReferenceNumber.h"

#include <QRegularExpression>

namespace mado {

int ReferenceNumber::luhnDigit(const QString &digits)
{
    // Double every second digit from the right (the check digit will be appended to the right).
    int sum = 0;
    bool doubleIt = true;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).digitValue();
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
}

QString ReferenceNumber::make(const QDate &receivedJst, qint64 sequence)
{
    const QString yymm = receivedJst.toString(QStringLiteral("yyMM"));
    const QString number = QStringLiteral("%1").arg(sequence, 5, 10, QLatin1Char('0'));
    return QStringLiteral("MDG-%1-%2-%3").arg(yymm, number).arg(luhnDigit(yymm + number));
}

bool ReferenceNumber::isValid(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^MDG-(\\d{4})-(\\d{5,12})-(\\d)$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    return luhnDigit(match.captured(1) + match.captured(2)) == match.captured(3).toInt();
}

} // namespace mado
