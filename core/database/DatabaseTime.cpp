#include "core/database/DatabaseTime.h"

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
    return QDateTime(local.date(), local.time(), Qt::UTC);
}

} // namespace mado
