#include "core/evaluation/CopySweep.h"

#include <QTest>

using namespace mado;

// The copy evaluation's sweeps and rankings on hand-made pairs whose counts can be checked by eye.
class TestCopySweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void distanceSweepCountsBothErrors();
    void bitsSweepCountsBothErrors();
    void combinedFlagsByEitherMeasure();
    void spreadAndVariants();
    void rankingAndSelection();

private:
    static FaceEvaluation::CopyReport report();
};

namespace {
FaceEvaluation::CopyPair pair(const char *selfie, int variant, int bits, double distance)
{
    return FaceEvaluation::CopyPair{QStringLiteral("p/doc"), QString::fromLatin1(selfie), variant, bits, distance};
}
} // namespace

// Genuine selfies are far (distance 0.30-0.50, 40-70 bits) except g1; copies are close except c3.
FaceEvaluation::CopyReport TestCopySweep::report()
{
    FaceEvaluation::CopyReport r;
    r.genuine = {pair("g1", -1, 25, 0.18), pair("g2", -1, 40, 0.30), pair("g3", -1, 55, 0.42),
                 pair("g4", -1, 70, 0.50)};
    r.copies = {pair("c0", 0, 2, 0.05), pair("c1", 1, 8, 0.12), pair("c2", 0, 15, 0.21), pair("c3", 1, 45, 0.35)};
    return r;
}

void TestCopySweep::distanceSweepCountsBothErrors()
{
    const auto rows = CopySweep::byDistance(report(), {0.10, 0.20, 0.30});
    QCOMPARE(rows.size(), std::size_t(3));
    // 0.10: no genuine flagged; copies above 0.10 missed: c1, c2, c3.
    QCOMPARE(rows[0].genuineFlagged, 0);
    QCOMPARE(rows[0].copiesMissed, 3);
    // 0.20: g1 flagged; c2, c3 missed.
    QCOMPARE(rows[1].genuineFlagged, 1);
    QCOMPARE(rows[1].copiesMissed, 2);
    // 0.30: g1 and g2 (at the threshold) flagged; c3 missed.
    QCOMPARE(rows[2].genuineFlagged, 2);
    QCOMPARE(rows[2].copiesMissed, 1);
    QCOMPARE(rows[2].genuine, 4);
    QCOMPARE(rows[2].copies, 4);
    QCOMPARE(rows[2].bits, -1);
}

void TestCopySweep::bitsSweepCountsBothErrors()
{
    const auto rows = CopySweep::byBits(report(), {10, 30});
    QCOMPARE(rows[0].genuineFlagged, 0);
    QCOMPARE(rows[0].copiesMissed, 2);   // c2 (15), c3 (45)
    QCOMPARE(rows[1].genuineFlagged, 1); // g1 (25)
    QCOMPARE(rows[1].copiesMissed, 1);   // c3
    QCOMPARE(rows[1].distance, -1.0);
}

void TestCopySweep::combinedFlagsByEitherMeasure()
{
    const auto rows = CopySweep::combined(report(), {0.10, 0.20}, {10, 50});
    QCOMPARE(rows.size(), std::size_t(4));
    // Distances outer, bits inner.
    QCOMPARE(rows[1].distance, 0.10);
    QCOMPARE(rows[1].bits, 50);
    // distance <= 0.10 or bits <= 50: genuine g1, g2 flagged; every copy flagged (c3 has 45 bits).
    QCOMPARE(rows[1].genuineFlagged, 2);
    QCOMPARE(rows[1].copiesMissed, 0);
    // distance <= 0.20 or bits <= 10: g1 flagged; c2 and c3 missed.
    QCOMPARE(rows[2].genuineFlagged, 1);
    QCOMPARE(rows[2].copiesMissed, 2);
}

void TestCopySweep::spreadAndVariants()
{
    const FaceEvaluation::CopyReport r = report();
    const CopySweep::Spread all = CopySweep::spread(r.copies);
    QCOMPARE(all.count, 4);
    QCOMPARE(all.bits.min, 2.0);
    QCOMPARE(all.bits.max, 45.0);
    QCOMPARE(all.distance.median, 0.21); // upper middle of 0.05 0.12 0.21 0.35
    const auto variant1 = CopySweep::ofVariant(r.copies, 1);
    QCOMPARE(variant1.size(), std::size_t(2));
    QCOMPARE(variant1[0].selfie, QStringLiteral("c1"));
    QCOMPARE(variant1[1].selfie, QStringLiteral("c3"));
    QVERIFY(CopySweep::ofVariant(r.copies, 5).empty());
}

void TestCopySweep::rankingAndSelection()
{
    const FaceEvaluation::CopyReport r = report();
    const auto farthest = CopySweep::ranked(r.copies, CopySweep::Measure::Bits, false, 2);
    QCOMPARE(farthest.size(), std::size_t(2));
    QCOMPARE(farthest[0].selfie, QStringLiteral("c3"));
    QCOMPARE(farthest[1].selfie, QStringLiteral("c2"));
    const auto closest = CopySweep::ranked(r.genuine, CopySweep::Measure::Distance, true, 10);
    QCOMPARE(closest.size(), std::size_t(4));
    QCOMPARE(closest.front().selfie, QStringLiteral("g1"));
    QCOMPARE(closest.back().selfie, QStringLiteral("g4"));
    const auto missed = CopySweep::select(r.copies, 0.20, 20, false);
    QCOMPARE(missed.size(), std::size_t(1));
    QCOMPARE(missed[0].selfie, QStringLiteral("c3"));
    QCOMPARE(CopySweep::select(r.genuine, 0.22, -1, true).size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestCopySweep)
#include "TestCopySweep.moc"
