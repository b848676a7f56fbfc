#include "core/evaluation/DescriptorBenchmark.h"
#include "core/face/ModelSet.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// DescriptorBenchmark with the real models on three of dlib's example photos (one face each) and
// one file that is not an image: every round times every face, the undecodable file is left out.
class TestDescriptorBenchmark : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void timesEveryFaceEveryRound();
    void missingModelsAreReported();
};

void TestDescriptorBenchmark::timesEveryFaceEveryRound()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a/b")));
    const QStringList photos{test::johnPhoto(QStringLiteral("John_Salley"), 0),
                             test::johnPhoto(QStringLiteral("John_Salley"), 1),
                             test::johnPhoto(QStringLiteral("John_Simm"), 0)};
    for (const QString &photo : photos)
        QVERIFY2(!photo.isEmpty(), "samples missing: run installer/dev/fetch-models.sh");
    QVERIFY(QFile::copy(photos[0], dir.filePath(QStringLiteral("1.jpg"))));
    QVERIFY(QFile::copy(photos[1], dir.filePath(QStringLiteral("a/2.jpg"))));
    QVERIFY(QFile::copy(photos[2], dir.filePath(QStringLiteral("a/b/3.jpg"))));
    QFile junk(dir.filePath(QStringLiteral("a/junk.jpg")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a JPEG");
    junk.close();

    auto report = DescriptorBenchmark::run(ModelSet(), dir.path(), 2);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    const DescriptorBenchmark::Report &r = report.value();
    QCOMPARE(r.images, 3); // recursive; the junk file is left out
    QCOMPARE(r.rounds, 2);
    QCOMPARE(r.faces, 6);
    QVERIFY(r.detectMedianMs > 0.0);
    QVERIFY(r.alignMedianMs > 0.0);
    QVERIFY(r.descriptorMedianMs > 0.0);
    // A descriptor (ResNet forward pass) costs more than an alignment (5 landmarks and a crop).
    QVERIFY2(r.descriptorMedianMs > r.alignMedianMs,
             qPrintable(QStringLiteral("%1 vs %2").arg(r.descriptorMedianMs).arg(r.alignMedianMs)));
}

void TestDescriptorBenchmark::missingModelsAreReported()
{
    QTemporaryDir empty;
    auto report = DescriptorBenchmark::run(ModelSet(empty.path()), empty.path(), 1);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, ErrorCode::ModelMissing);
}

QTEST_GUILESS_MAIN(TestDescriptorBenchmark)
#include "TestDescriptorBenchmark.moc"
