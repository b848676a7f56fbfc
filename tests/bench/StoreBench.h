#pragma once

#include "core/domain/Result.h"

#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace mado::bench {

// The case store benchmark (madoguchi-store-bench, docs/performance.md): fills a store (a SQLite
// file or a PostgreSQL database) with N cases, then times what a clerk's workstation does most:
// the queue's first page (waiting cases), opening a case (form, verdict, document image: audited
// reads), claiming and deciding it. The store is filled fast: one case goes through the real
// import (CaseStore, sealed image, verdict), then every other case, its verdict and its image are
// copied from it by one INSERT … SELECT each over a generated series (70% closed, 30% waiting),
// so 100,000 cases take seconds, not hours. Calling thread only.
class StoreBench {
public:
    static QStringList operations(); // queue_first_page, open_case, claim, decide

    struct Measurement {
        QString backend; // "sqlite" or "postgresql"
        int cases = 0;
        qint64 fillMs = 0;
        std::map<QString, std::vector<double>> milliseconds; // per operation, one value per round
    };

    // `location` is a new, empty store (a store argument).
    static Result<Measurement> run(const QString &location, int cases, int rounds);
    static double median(std::vector<double> values);
    static double percentile95(std::vector<double> values);
};

} // namespace mado::bench
