#pragma once

#include <QDateTime>
#include <QString>

namespace mado {

// Times in Madoguchi's databases (the case store on SQLite or PostgreSQL, the receiver's spool) are
// UTC text in one fixed format, yyyy-MM-ddTHH:mm:ss.zzzZ, so that comparing the text compares the
// times. The store calls it StoreTime (core/store/StoreTime.h); Sqlite::time binds it.
class DatabaseTime {
public:
    static QString format(const QDateTime &time);
    // An invalid QDateTime for text not in that format.
    static QDateTime parse(const QString &text);
};

} // namespace mado
