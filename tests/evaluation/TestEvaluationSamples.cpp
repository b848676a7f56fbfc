#include "core/evaluation/CopyVariants.h"
#include "core/evaluation/EvaluationSamples.h"
#include "core/face/FaceEngine.h"
#include "core/face/ModelSet.h"
#include "tests/support/TestData.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mado;

// EvaluationSamples with the real models on dlib's example photos: the document side finds the
// portrait on the photographed card, the selfie and the copies find the face in the camera frame,
// and the distances order as the copy check needs (a copy of the same photo is closer than
// another photo of the same person, who is closer than someone else).
class TestEvaluationSamples : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void photoAndCardDescribeTheSameFace();
    void copiesAreCloserThanGenuineSelfies();
    void unreadableFileIsAnError();

private:
    std::unique_ptr<FaceEngine> m_engine;
    QString m_salley0;
    QString m_salley1;
    QString m_simm0;
};

void TestEvaluationSamples::initTestCase()
{
    m_salley0 = test::johnPhoto(QStringLiteral("John_Salley"), 0);
    m_salley1 = test::johnPhoto(QStringLiteral("John_Salley"), 1);
    m_simm0 = test::johnPhoto(QStringLiteral("John_Simm"), 0);
    QVERIFY2(!m_salley0.isEmpty() && !m_simm0.isEmpty(), "samples missing: run installer/dev/fetch-models.sh");
    auto engine = FaceEngine::load(ModelSet());
    QVERIFY2(engine.ok(), engine.ok() ? "" : qPrintable(engine.error().message));
    m_engine = std::move(engine).value();
}

void TestEvaluationSamples::photoAndCardDescribeTheSameFace()
{
    const EvaluationSamples samples(*m_engine);
    auto photo = samples.photo()(m_salley0);
    auto card = samples.documentCard()(m_salley0);
    auto other = samples.photo()(m_simm0);
    QVERIFY(photo.ok() && card.ok() && other.ok());
    const double sameFace = descriptorDistance(photo.value(), card.value());
    const double otherPerson = descriptorDistance(card.value(), other.value());
    QVERIFY2(sameFace < 0.4, qPrintable(QString::number(sameFace)));
    QVERIFY2(otherPerson > sameFace, qPrintable(QString::number(otherPerson)));
    // The card is photographed with a seed from the path: the same file gives the same descriptor.
    auto again = samples.documentCard()(m_salley0);
    QVERIFY(again.ok());
    QCOMPARE(descriptorDistance(card.value(), again.value()), 0.0);
}

void TestEvaluationSamples::copiesAreCloserThanGenuineSelfies()
{
    const EvaluationSamples samples(*m_engine);
    auto document = samples.documentSample()(m_salley0);
    auto genuine = samples.selfieSample()(m_salley1);
    auto copy = samples.copySample()(m_salley0, 0);
    QVERIFY(document.ok() && genuine.ok() && copy.ok());
    QCOMPARE(document.value().faceHash.size(), genuine.value().faceHash.size());
    const double copyDistance = descriptorDistance(document.value().descriptor, copy.value().descriptor);
    const double genuineDistance = descriptorDistance(document.value().descriptor, genuine.value().descriptor);
    QVERIFY2(copyDistance < genuineDistance,
             qPrintable(QStringLiteral("copy %1, genuine %2").arg(copyDistance).arg(genuineDistance)));
    for (int v = 1; v < CopyVariants::kCount; ++v)
        QVERIFY2(samples.copySample()(m_salley0, v).ok(), qPrintable(QString::number(v)));
    QVERIFY(!samples.copySample()(m_salley0, CopyVariants::kCount).ok());
}

void TestEvaluationSamples::unreadableFileIsAnError()
{
    QTemporaryDir dir;
    const EvaluationSamples samples(*m_engine);
    auto missing = samples.photo()(dir.filePath(QStringLiteral("missing.jpg")));
    QVERIFY(!missing.ok());
    QVERIFY(!samples.selfieSample()(dir.filePath(QStringLiteral("missing.jpg"))).ok());
}

QTEST_GUILESS_MAIN(TestEvaluationSamples)
#include "TestEvaluationSamples.moc"
