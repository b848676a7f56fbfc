#pragma once

#include <vector>

namespace mado {

// Order statistics of a sample, as the evaluation and benchmark reports print them. The
// q-quantile is the value at rank round(q * (n - 1)) of the sorted sample (nearest rank, halves
// up), so the median of an even-sized sample is the upper of the two middle values. An empty
// sample gives zeros. Pure functions; any thread.
class Percentiles {
public:
    struct Summary {
        double min = 0.0;
        double p01 = 0.0;
        double p05 = 0.0;
        double median = 0.0;
        double max = 0.0;
    };

    static double quantile(std::vector<double> values, double q);
    static double median(std::vector<double> values) { return quantile(std::move(values), 0.5); }
    static Summary summarize(std::vector<double> values);
};

} // namespace mado
