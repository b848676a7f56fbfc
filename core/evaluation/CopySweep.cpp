#include "core/evaluation/CopySweep.h"

#include <algorithm>

namespace mado {

bool CopySweep::flagged(const Pair &pair, double distance, int bits)
{
    return (distance >= 0.0 && pair.distance <= distance) || (bits >= 0 && pair.bits <= bits);
}

CopySweep::Row CopySweep::at(const FaceEvaluation::CopyReport &report, double distance, int bits)
{
    Row row;
    row.distance = distance;
    row.bits = bits;
    row.genuine = qsizetype(report.genuine.size());
    row.copies = qsizetype(report.copies.size());
    row.genuineFlagged = std::count_if(report.genuine.begin(), report.genuine.end(),
                                       [&](const Pair &p) { return flagged(p, distance, bits); });
    row.copiesMissed = std::count_if(report.copies.begin(), report.copies.end(),
                                     [&](const Pair &p) { return !flagged(p, distance, bits); });
    return row;
}

std::vector<CopySweep::Row> CopySweep::byDistance(const FaceEvaluation::CopyReport &report,
                                                  const std::vector<double> &distances)
{
    std::vector<Row> rows;
    for (double d : distances)
        rows.push_back(at(report, d, -1));
    return rows;
}

std::vector<CopySweep::Row> CopySweep::byBits(const FaceEvaluation::CopyReport &report, const std::vector<int> &bits)
{
    std::vector<Row> rows;
    for (int b : bits)
        rows.push_back(at(report, -1.0, b));
    return rows;
}

std::vector<CopySweep::Row> CopySweep::combined(const FaceEvaluation::CopyReport &report,
                                                const std::vector<double> &distances, const std::vector<int> &bits)
{
    std::vector<Row> rows;
    for (double d : distances)
        for (int b : bits)
            rows.push_back(at(report, d, b));
    return rows;
}

CopySweep::Spread CopySweep::spread(const std::vector<Pair> &pairs)
{
    std::vector<double> bits;
    std::vector<double> distances;
    for (const Pair &p : pairs) {
        bits.push_back(double(p.bits));
        distances.push_back(p.distance);
    }
    return Spread{qsizetype(pairs.size()), Percentiles::summarize(std::move(bits)),
                  Percentiles::summarize(std::move(distances))};
}

std::vector<CopySweep::Pair> CopySweep::ofVariant(const std::vector<Pair> &pairs, int variant)
{
    std::vector<Pair> out;
    std::copy_if(pairs.begin(), pairs.end(), std::back_inserter(out),
                 [variant](const Pair &p) { return p.variant == variant; });
    return out;
}

std::vector<CopySweep::Pair> CopySweep::ranked(std::vector<Pair> pairs, Measure measure, bool ascending,
                                               std::size_t count)
{
    const auto key = [measure](const Pair &p) { return measure == Measure::Bits ? double(p.bits) : p.distance; };
    std::stable_sort(pairs.begin(), pairs.end(),
                     [&](const Pair &a, const Pair &b) { return ascending ? key(a) < key(b) : key(a) > key(b); });
    pairs.resize(std::min(count, pairs.size()));
    return pairs;
}

std::vector<CopySweep::Pair> CopySweep::select(const std::vector<Pair> &pairs, double distance, int bits,
                                               bool wantFlagged)
{
    std::vector<Pair> out;
    std::copy_if(pairs.begin(), pairs.end(), std::back_inserter(out),
                 [&](const Pair &p) { return flagged(p, distance, bits) == wantFlagged; });
    return out;
}

} // namespace mado
