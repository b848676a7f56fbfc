#include "core/evaluation/RocAnalysis.h"

#include <QTest>

using namespace mado;

// Error-rate arithmetic on hand-made distance lists whose rates can be counted by hand.
class TestRocAnalysis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ratesAtThreshold_data();
    void ratesAtThreshold();
    void thresholdForTargetFmr();
    void tiesNeverExceedTheTarget();
    void equalErrorRate();
};

namespace {
// 10 genuine and 10 impostor distances, interleaved between 0.5 and 0.6.
RocAnalysis sample()
{
    return RocAnalysis({0.20, 0.25, 0.30, 0.32, 0.35, 0.40, 0.45, 0.52, 0.58, 0.70},
                       {0.50, 0.55, 0.62, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95});
}
} // namespace

void TestRocAnalysis::ratesAtThreshold_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<double>("fmr");
    QTest::addColumn<double>("fnmr");
    QTest::addRow("below everything") << 0.10 << 0.0 << 1.0;
    QTest::addRow("0.45 accepts 7 genuine, no impostor") << 0.45 << 0.0 << 0.3;
    QTest::addRow("0.55 accepts 8 genuine, 2 impostors") << 0.55 << 0.2 << 0.2;
    QTest::addRow("0.70 accepts all genuine, 5 impostors") << 0.70 << 0.5 << 0.0;
    QTest::addRow("above everything") << 1.00 << 1.0 << 0.0;
}

void TestRocAnalysis::ratesAtThreshold()
{
    QFETCH(double, threshold);
    QFETCH(double, fmr);
    QFETCH(double, fnmr);
    const OperatingPoint p = sample().at(threshold);
    QCOMPARE(p.fmr, fmr);
    QCOMPARE(p.fnmr, fnmr);
}

void TestRocAnalysis::thresholdForTargetFmr()
{
    const RocAnalysis roc = sample();
    // FMR <= 10 % allows one impostor (0.50): the threshold lies between 0.50 and 0.55.
    const OperatingPoint tenPercent = roc.atFmr(0.10);
    QCOMPARE(tenPercent.threshold, 0.525);
    QCOMPARE(tenPercent.fmr, 0.1);
    QCOMPARE(tenPercent.fnmr, 0.2); // 0.58 and 0.70 rejected
    // FMR <= 1 % of 10 pairs allows none: just below 0.50.
    const OperatingPoint onePercent = roc.atFmr(0.01);
    QVERIFY(onePercent.threshold < 0.50 && onePercent.threshold > 0.4999);
    QCOMPARE(onePercent.fmr, 0.0);
    QCOMPARE(onePercent.fnmr, 0.3);
}

void TestRocAnalysis::tiesNeverExceedTheTarget()
{
    const RocAnalysis roc({0.1, 0.2}, {0.5, 0.5, 0.5, 0.9});
    const OperatingPoint p = roc.atFmr(0.5); // two impostors allowed, but three tie at 0.5
    QVERIFY(p.fmr <= 0.5);
    QCOMPARE(p.fmr, 0.0);
}

void TestRocAnalysis::equalErrorRate()
{
    const OperatingPoint eer = sample().equalErrorRate();
    QCOMPARE(eer.fmr, eer.fnmr);
    // At 0.55 both rates are 0.2: the curve crosses there.
    QCOMPARE(eer.threshold, 0.55);
    QCOMPARE(eer.fmr, 0.2);
}

QTEST_GUILESS_MAIN(TestRocAnalysis)
#include "TestRocAnalysis.moc"
