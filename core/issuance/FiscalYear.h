#pragma once

#include <QDate>
#include <QString>

namespace mado {

// Japanese fiscal years run from 1 April to 31 March and are named after the year they start in
// (2026-03-31 is in fiscal year 2025, 2026-04-01 in 2026). Pure.
class FiscalYear {
public:
    static int of(const QDate &date) { return date.month() >= 4 ? date.year() : date.year() - 1; }
    // "2026-000042": fiscal year and six-digit serial, unique per store.
    static QString certificateNumber(int fiscalYear, qint64 serial)
    {
        return QStringLiteral("%1-%2").arg(fiscalYear).arg(serial, 6, 10, QLatin1Char('0'));
    }
};

} // namespace mado
