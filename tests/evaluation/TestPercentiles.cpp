#include "core/evaluation/Percentiles.h"

#include <QTest>

using namespace mado;

// Nearest-rank quantiles on samples small enough to count by hand.
class TestPercentiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptySampleIsZero();
    void medianOfOddAndEvenSamples();
    void quantilesRoundToTheNearestRank();
    void summaryOfAnUnsortedSample();
};

void TestPercentiles::emptySampleIsZero()
{
    QCOMPARE(Percentiles::median({}), 0.0);
    const Percentiles::Summary s = Percentiles::summarize({});
    QCOMPARE(s.min, 0.0);
    QCOMPARE(s.max, 0.0);
}

void TestPercentiles::medianOfOddAndEvenSamples()
{
    QCOMPARE(Percentiles::median({3.0, 1.0, 2.0}), 2.0);
    // Even size: the upper of the two middle values (rank round(0.5 * 3) = 2 of 0..3).
    QCOMPARE(Percentiles::median({4.0, 1.0, 3.0, 2.0}), 3.0);
    QCOMPARE(Percentiles::median({7.5}), 7.5);
}

void TestPercentiles::quantilesRoundToTheNearestRank()
{
    // 0..100: the q-quantile is q * 100 exactly.
    std::vector<double> hundred;
    for (int i = 100; i >= 0; --i)
        hundred.push_back(double(i));
    QCOMPARE(Percentiles::quantile(hundred, 0.01), 1.0);
    QCOMPARE(Percentiles::quantile(hundred, 0.05), 5.0);
    QCOMPARE(Percentiles::quantile(hundred, 0.95), 95.0);
    // Ten values: rank round(0.05 * 9) = round(0.45) = 0, round(0.95 * 9) = round(8.55) = 9.
    const std::vector<double> ten{10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
    QCOMPARE(Percentiles::quantile(ten, 0.05), 10.0);
    QCOMPARE(Percentiles::quantile(ten, 0.95), 100.0);
    QCOMPARE(Percentiles::quantile(ten, 0.25), 30.0); // round(2.25) = 2
    // Out-of-range q is clamped.
    QCOMPARE(Percentiles::quantile(ten, -1.0), 10.0);
    QCOMPARE(Percentiles::quantile(ten, 2.0), 100.0);
}

void TestPercentiles::summaryOfAnUnsortedSample()
{
    std::vector<double> values;
    for (int i = 0; i < 201; ++i)
        values.push_back(double((i * 37) % 201)); // a permutation of 0..200
    const Percentiles::Summary s = Percentiles::summarize(values);
    QCOMPARE(s.min, 0.0);
    QCOMPARE(s.p01, 2.0);
    QCOMPARE(s.p05, 10.0);
    QCOMPARE(s.median, 100.0);
    QCOMPARE(s.max, 200.0);
}

QTEST_GUILESS_MAIN(TestPercentiles)
#include "TestPercentiles.moc"
