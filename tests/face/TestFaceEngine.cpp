#include "core/face/FaceEngine.h"
#include "core/face/ImageDecoder.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/TestData.h"

#include <QTest>

using namespace mado;

// The real dlib models on dlib's labelled example photos.
class TestFaceEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void comparesPeople_data();
    void comparesPeople();
    void documentWithSeveralFacesTakesLargest();
    void imageWithoutFaceIsAnError();
    void jsonHasDistanceAndBand();

private:
    cv::Mat load(const QString &path);
    std::unique_ptr<FaceEngine> m_engine;
};

void TestFaceEngine::initTestCase()
{
    auto engine = FaceEngine::load(ModelSet());
    QVERIFY2(engine.ok(), qPrintable(engine.ok() ? QString() : engine.error().message));
    m_engine = std::move(engine).value();
}

cv::Mat TestFaceEngine::load(const QString &path)
{
    auto decoded = ImageDecoder().decodeFile(path);
    if (!decoded.ok())
        qWarning("%s: %s", qPrintable(path), qPrintable(decoded.error().message));
    return decoded.ok() ? decoded.value().bgr : cv::Mat();
}

void TestFaceEngine::comparesPeople_data()
{
    QTest::addColumn<QString>("personA");
    QTest::addColumn<int>("photoA");
    QTest::addColumn<QString>("personB");
    QTest::addColumn<int>("photoB");
    QTest::addColumn<QString>("band");

    const QString salley = QStringLiteral("John_Salley");
    const QString simm = QStringLiteral("John_Simm");
    const QString savage = QStringLiteral("John_Savage");
    const QString schneider = QStringLiteral("John_Schneider");
    const QString shimkus = QStringLiteral("John_Shimkus");
    const QString match = QStringLiteral("match");
    const QString mismatch = QStringLiteral("mismatch");

    QTest::addRow("Salley 0 vs Salley 1") << salley << 0 << salley << 1 << match;
    QTest::addRow("Salley 2 vs Salley 7") << salley << 2 << salley << 7 << match;
    QTest::addRow("Simm 0 vs Simm 4") << simm << 0 << simm << 4 << match;
    QTest::addRow("Savage 1 vs Savage 9") << savage << 1 << savage << 9 << match;
    QTest::addRow("Schneider 3 vs Schneider 8") << schneider << 3 << schneider << 8 << match;
    QTest::addRow("Shimkus 0 vs Shimkus 6") << shimkus << 0 << shimkus << 6 << match;
    QTest::addRow("Salley vs Simm") << salley << 0 << simm << 0 << mismatch;
    QTest::addRow("Salley vs Savage") << salley << 1 << savage << 1 << mismatch;
    QTest::addRow("Simm vs Schneider") << simm << 2 << schneider << 2 << mismatch;
    QTest::addRow("Savage vs Shimkus") << savage << 3 << shimkus << 3 << mismatch;
    QTest::addRow("Schneider vs Salley") << schneider << 5 << salley << 5 << mismatch;
}

void TestFaceEngine::comparesPeople()
{
    QFETCH(QString, personA);
    QFETCH(int, photoA);
    QFETCH(QString, personB);
    QFETCH(int, photoB);
    QFETCH(QString, band);

    const cv::Mat a = load(test::johnPhoto(personA, photoA));
    const cv::Mat b = load(test::johnPhoto(personB, photoB));
    QVERIFY2(!a.empty() && !b.empty(), "dlib's example photos are missing: run installer/dev/fetch-models.sh");
    auto result = m_engine->match(a, b);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    qInfo("distance %.4f", result.value().distance);
    QCOMPARE(matchBandName(result.value().band), band);
    QCOMPARE(result.value().document.facesFound, 1);
    QVERIFY(result.value().document.face.rect.area() > 0);
}

void TestFaceEngine::documentWithSeveralFacesTakesLargest()
{
    const cv::Mat group = load(test::sample(QStringLiteral("faces/bald_guys.jpg")));
    const cv::Mat selfie = load(test::johnPhoto(QStringLiteral("John_Salley"), 0));
    QVERIFY(!group.empty() && !selfie.empty());
    auto result = m_engine->match(group, selfie);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QVERIFY(result.value().document.facesFound > 1);
    QVERIFY(result.value().notes.contains(QStringLiteral("document_several_faces_largest_used")));
    QCOMPARE(result.value().band, MatchBand::Mismatch);
}

void TestFaceEngine::imageWithoutFaceIsAnError()
{
    const auto decoded = ImageDecoder().decode(test::faceFreeJpeg());
    QVERIFY(decoded.ok());
    const cv::Mat selfie = load(test::johnPhoto(QStringLiteral("John_Salley"), 0));
    auto noDocumentFace = m_engine->match(decoded.value().bgr, selfie);
    QVERIFY(!noDocumentFace.ok());
    QCOMPARE(noDocumentFace.error().code, ErrorCode::NoFace);
    QVERIFY(noDocumentFace.error().message.contains(QLatin1String("document")));

    auto noSelfieFace = m_engine->match(selfie, decoded.value().bgr);
    QVERIFY(!noSelfieFace.ok());
    QVERIFY(noSelfieFace.error().message.contains(QLatin1String("selfie")));
}

void TestFaceEngine::jsonHasDistanceAndBand()
{
    const cv::Mat a = load(test::johnPhoto(QStringLiteral("John_Simm"), 1));
    const cv::Mat b = load(test::johnPhoto(QStringLiteral("John_Simm"), 2));
    auto result = m_engine->match(a, b);
    QVERIFY(result.ok());
    const QJsonObject json = result.value().toJson();
    QVERIFY(json.value(QStringLiteral("distance")).isDouble());
    QCOMPARE(json.value(QStringLiteral("distance")).toDouble(), result.value().distance);
    QCOMPARE(json.value(QStringLiteral("band")).toString(), matchBandName(result.value().band));
    QVERIFY(json.value(QStringLiteral("document")).toObject().value(QStringLiteral("face")).isObject());
}

QTEST_GUILESS_MAIN(TestFaceEngine)
#include "TestFaceEngine.moc"
