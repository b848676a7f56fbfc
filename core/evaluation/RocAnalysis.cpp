#include "core/evaluation/RocAnalysis.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace mado {

RocAnalysis::RocAnalysis(std::vector<double> genuine, std::vector<double> impostor)
    : m_genuine(std::move(genuine)), m_impostor(std::move(impostor))
{
    std::sort(m_genuine.begin(), m_genuine.end());
    std::sort(m_impostor.begin(), m_impostor.end());
}

OperatingPoint RocAnalysis::at(double threshold) const
{
    OperatingPoint point;
    point.threshold = threshold;
    const auto acceptedImpostors = std::upper_bound(m_impostor.begin(), m_impostor.end(), threshold) - m_impostor.begin();
    const auto acceptedGenuine = std::upper_bound(m_genuine.begin(), m_genuine.end(), threshold) - m_genuine.begin();
    point.fmr = m_impostor.empty() ? 0.0 : double(acceptedImpostors) / double(m_impostor.size());
    point.fnmr = m_genuine.empty() ? 0.0 : double(std::ptrdiff_t(m_genuine.size()) - acceptedGenuine) / double(m_genuine.size());
    return point;
}

OperatingPoint RocAnalysis::atFmr(double maxFmr) const
{
    if (m_impostor.empty())
        return at(m_genuine.empty() ? 0.0 : m_genuine.back());
    // k impostors may be accepted; the threshold sits between impostor k-1 and impostor k.
    const auto allowed = std::size_t(std::floor(maxFmr * double(m_impostor.size()) + 1e-9));
    if (allowed >= m_impostor.size())
        return at(m_impostor.back());
    const double next = m_impostor[allowed];
    // Just below the first impostor that must be rejected; halfway from the previous impostor
    // when there is room, which leaves a margin.
    double threshold = std::nextafter(next, -1.0);
    if (allowed > 0 && m_impostor[allowed - 1] < next)
        threshold = (m_impostor[allowed - 1] + next) / 2.0;
    return at(threshold);
}

std::vector<OperatingPoint> RocAnalysis::curve() const
{
    std::vector<double> thresholds(m_genuine);
    thresholds.insert(thresholds.end(), m_impostor.begin(), m_impostor.end());
    std::sort(thresholds.begin(), thresholds.end());
    thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
    std::vector<OperatingPoint> points;
    points.reserve(thresholds.size());
    for (double t : thresholds)
        points.push_back(at(t));
    return points;
}

OperatingPoint RocAnalysis::equalErrorRate() const
{
    const std::vector<OperatingPoint> points = curve();
    if (points.empty())
        return {};
    OperatingPoint best = points.front();
    for (const OperatingPoint &p : points) {
        if (std::abs(p.fmr - p.fnmr) < std::abs(best.fmr - best.fnmr))
            best = p;
    }
    const double rate = (best.fmr + best.fnmr) / 2.0;
    best.fmr = rate;
    best.fnmr = rate;
    return best;
}

QJsonObject RocAnalysis::toJson() const
{
    auto pointJson = [](const OperatingPoint &p) {
        return QJsonObject{{QStringLiteral("threshold"), p.threshold},
                           {QStringLiteral("fmr"), p.fmr},
                           {QStringLiteral("fnmr"), p.fnmr}};
    };
    QJsonArray roc;
    for (const OperatingPoint &p : curve())
        roc.append(pointJson(p));
    return QJsonObject{{QStringLiteral("genuinePairs"), qint64(m_genuine.size())},
                       {QStringLiteral("impostorPairs"), qint64(m_impostor.size())},
                       {QStringLiteral("eer"), pointJson(equalErrorRate())},
                       {QStringLiteral("atFmr1Percent"), pointJson(atFmr(0.01))},
                       {QStringLiteral("atFmr01Percent"), pointJson(atFmr(0.001))},
                       {QStringLiteral("roc"), roc}};
}

} // namespace mado
