#pragma once

#include <QJsonObject>

#include <vector>

namespace mado {

// One operating point: a pair is accepted as "same person" when distance <= threshold.
struct OperatingPoint {
    double threshold = 0.0;
    double fmr = 0.0;  // impostor pairs accepted / impostor pairs
    double fnmr = 0.0; // genuine pairs rejected / genuine pairs
};

// Verification error rates from genuine and impostor distances. Pure computation; any thread.
class RocAnalysis {
public:
    RocAnalysis(std::vector<double> genuine, std::vector<double> impostor);

    std::size_t genuineCount() const { return m_genuine.size(); }
    std::size_t impostorCount() const { return m_impostor.size(); }

    OperatingPoint at(double threshold) const;
    // The operating point with the largest threshold whose FMR does not exceed maxFmr
    // (the threshold lies halfway to the next impostor distance, for a margin).
    OperatingPoint atFmr(double maxFmr) const;
    // Equal error rate: the point where FMR and FNMR cross (their mean at the closest threshold).
    OperatingPoint equalErrorRate() const;
    // The curve at every distinct distance, ascending threshold.
    std::vector<OperatingPoint> curve() const;

    QJsonObject toJson() const;

private:
    std::vector<double> m_genuine;  // sorted ascending
    std::vector<double> m_impostor; // sorted ascending
};

} // namespace mado
