#pragma once

#include "tests/bench/LoadRun.h"

#include <QString>

#include <map>
#include <optional>

namespace mado::bench {

// The load generator's summary: per number of senders, the receiver's webhooks, its LIFF
// submissions and the baseline's webhooks, and the ratio of webhook throughputs. Only webhooks
// are comparable with the baseline (it has no applicant API).
class ResultTable {
public:
    enum class Kind { Webhooks, Submissions, Baseline };

    void add(Kind kind, const LoadResult &result);
    QString render() const;

private:
    struct Row {
        std::optional<LoadResult> webhooks;
        std::optional<LoadResult> submissions;
        std::optional<LoadResult> baseline;
    };
    std::map<int, Row> m_rows;
};

} // namespace mado::bench
