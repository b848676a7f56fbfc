#include "core/database/DatabaseTime.h"

#include <QTimeZone>

namespace mado {

QString DatabaseTime::format(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime DatabaseTime::parse(const QString &text)
{
    const QDateTime local = QDateTime::fromString(text, QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    if (!local.isValid())
        return QDateTime();
    // toUTC(): the spec Qt::UTC on Qt 6.4 too (there QTimeZone::utc() is a zone, printed "+00:00").
    return QDateTime(local.date(), local.time(), QTimeZone::utc()).toUTC();
}

} // namespace mado
