#include "tests/bench/ResultTable.h"

namespace mado::bench {

namespace {

QString cells(const std::optional<LoadResult> &result)
{
    if (!result)
        return QStringLiteral("%1 %2 %3")
            .arg(QStringLiteral("-"), 9)
            .arg(QStringLiteral("-"), 8)
            .arg(QStringLiteral("-"), 8);
    return QStringLiteral("%1 %2 %3")
        .arg(result->throughput(), 9, 'f', 1)
        .arg(result->p50Ms, 8, 'f', 1)
        .arg(result->p99Ms, 8, 'f', 1);
}

} // namespace

void ResultTable::add(Kind kind, const LoadResult &result)
{
    Row &row = m_rows[result.senders];
    (kind == Kind::Webhooks ? row.webhooks : kind == Kind::Submissions ? row.submissions : row.baseline) = result;
}

QString ResultTable::render() const
{
    QString out;
    out += QStringLiteral("%1 | %2 | %3 | %4 | %5\n")
               .arg(QStringLiteral("senders"), 7)
               .arg(QStringLiteral("madoguchi webhooks"), -27)
               .arg(QStringLiteral("madoguchi LIFF submissions"), -27)
               .arg(QStringLiteral("baseline webhooks (Node SDK)"), -28)
               .arg(QStringLiteral("ratio"));
    const QString units = QStringLiteral("%1 %2 %3")
                              .arg(QStringLiteral("req/s"), 9)
                              .arg(QStringLiteral("p50 ms"), 8)
                              .arg(QStringLiteral("p99 ms"), 8);
    out += QStringLiteral("%1 | %2 | %3 | %4  | %5\n")
               .arg(QString(), 7)
               .arg(units)
               .arg(units)
               .arg(units)
               .arg(QStringLiteral("webhooks"));
    for (const auto &[senders, row] : m_rows) {
        QString ratio = QStringLiteral("-");
        if (row.webhooks && row.baseline && row.baseline->throughput() > 0)
            ratio = QStringLiteral("%1x").arg(row.webhooks->throughput() / row.baseline->throughput(), 0, 'f', 2);
        out += QStringLiteral("%1 | %2 | %3 | %4  | %5\n")
                   .arg(senders, 7)
                   .arg(cells(row.webhooks), cells(row.submissions), cells(row.baseline), ratio);
    }
    return out;
}

} // namespace mado::bench
