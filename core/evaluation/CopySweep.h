#pragma once

#include "core/evaluation/Percentiles.h"
#include "core/evaluation/FaceEvaluation.h"

#include <vector>

namespace mado {

// The figures `madoguchi-cli eval --copies` derives from a FaceEvaluation::CopyReport: where a
// copy check would draw its line. A pair is "flagged" as a copy when its descriptor distance is at
// or below a distance threshold, or its face-hash distance (bits) at or below a bits threshold;
// for each threshold the sweep counts genuine pairs wrongly flagged and copies missed. Pure
// functions over values; any thread.
class CopySweep {
public:
    using Pair = FaceEvaluation::CopyPair;

    struct Row {
        double distance = -1.0; // < 0: not used by this row
        int bits = -1;          // < 0: not used by this row
        qsizetype genuineFlagged = 0;
        qsizetype genuine = 0;
        qsizetype copiesMissed = 0;
        qsizetype copies = 0;
    };
    struct Spread {
        qsizetype count = 0;
        Percentiles::Summary bits;
        Percentiles::Summary distance;
    };

    static bool flagged(const Pair &pair, double distance, int bits);
    static Row at(const FaceEvaluation::CopyReport &report, double distance, int bits);
    static std::vector<Row> byDistance(const FaceEvaluation::CopyReport &report, const std::vector<double> &distances);
    static std::vector<Row> byBits(const FaceEvaluation::CopyReport &report, const std::vector<int> &bits);
    // Every (distance, bits) combination, distances outer.
    static std::vector<Row> combined(const FaceEvaluation::CopyReport &report, const std::vector<double> &distances,
                                     const std::vector<int> &bits);

    static Spread spread(const std::vector<Pair> &pairs);
    static std::vector<Pair> ofVariant(const std::vector<Pair> &pairs, int variant);
    // The first `count` pairs ordered by bits or distance, ascending (closest) or descending.
    enum class Measure { Bits, Distance };
    static std::vector<Pair> ranked(std::vector<Pair> pairs, Measure measure, bool ascending, std::size_t count);
    // The pairs at or below `distance` and `bits` (`flagged`), or the ones that are not.
    static std::vector<Pair> select(const std::vector<Pair> &pairs, double distance, int bits, bool wantFlagged);
};

} // namespace mado
