#pragma once

#include <QDateTime>
#include <QString>

namespace mado {

// Times in the store are UTC text in one fixed format (yyyy-MM-ddTHH:mm:ss.zzzZ), so that
// comparing the text compares the times, in SQLite and PostgreSQL alike.
class StoreTime {
public:
    static QString format(const QDateTime &time);
    static QDateTime parse(const QString &text);
};

} // namespace mado
