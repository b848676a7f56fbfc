#include "tests/bench/CpuUsage.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <unistd.h>

namespace mado::bench {

namespace {

double fromStat(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    if (fields.size() < 13)
        return -1;
    const double ticks = double(fields[11].toLongLong() + fields[12].toLongLong());
    return ticks / double(sysconf(_SC_CLK_TCK));
}

} // namespace

double CpuUsage::seconds(qint64 pid)
{
    return pid > 0 ? fromStat(QStringLiteral("/proc/%1/stat").arg(pid)) : -1;
}

double CpuUsage::ownSeconds()
{
    return fromStat(QStringLiteral("/proc/self/stat"));
}

} // namespace mado::bench
