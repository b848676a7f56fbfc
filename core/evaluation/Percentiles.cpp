#include "core/evaluation/Percentiles.h"

#include <algorithm>
#include <cstddef>

namespace mado {

namespace {

double atSorted(const std::vector<double> &sorted, double q)
{
    const double clamped = std::clamp(q, 0.0, 1.0);
    return sorted[std::size_t(clamped * double(sorted.size() - 1) + 0.5)];
}

} // namespace

double Percentiles::quantile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return atSorted(values, q);
}

Percentiles::Summary Percentiles::summarize(std::vector<double> values)
{
    Summary s;
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    s.min = values.front();
    s.p01 = atSorted(values, 0.01);
    s.p05 = atSorted(values, 0.05);
    s.median = atSorted(values, 0.5);
    s.max = values.back();
    return s;
}

} // namespace mado
