#include "core/face/CardDetector.h"
#include "core/face/HogFaceDetector.h"
#include "core/face/ImageDecoder.h"
#include "core/evaluation/SpecimenCard.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/TestData.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace mado;

// Card finding on photographed specimen cards whose true corners are known.
class TestCardDetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsCardCorners_data();
    void findsCardCorners();
    void portraitIsOnTheRectifiedCard();
    void noCardInPlainPhotos_data();
    void noCardInPlainPhotos();

private:
    cv::Mat m_card;
};

void TestCardDetector::initTestCase()
{
    auto portrait = ImageDecoder().decodeFile(test::johnPhoto(QStringLiteral("John_Shimkus"), 2));
    QVERIFY2(portrait.ok(), "samples missing: run installer/dev/fetch-models.sh");
    m_card = SpecimenCard::render(portrait.value().bgr, DocumentType::MyNumberCard);
    QCOMPARE(m_card.cols, SpecimenCard::kWidth);
}

void TestCardDetector::findsCardCorners_data()
{
    QTest::addColumn<unsigned>("seed");
    QTest::addColumn<int>("sceneWidth");
    QTest::addColumn<double>("tilt");
    for (unsigned seed = 1; seed <= 12; ++seed)
        QTest::addRow("seed %u, 1600 px, tilt up to 25 deg", seed) << seed << 1600 << 25.0;
    QTest::addRow("12 MP photo") << 99u << 4000 << 20.0;
    QTest::addRow("small 640 px photo") << 5u << 640 << 15.0;
}

void TestCardDetector::findsCardCorners()
{
    QFETCH(unsigned, seed);
    QFETCH(int, sceneWidth);
    QFETCH(double, tilt);
    SpecimenPhotoOptions options;
    options.seed = seed;
    options.scene = cv::Size(sceneWidth, sceneWidth * 3 / 4);
    options.maxTiltDeg = tilt;
    const SpecimenPhoto photo = SpecimenCard::photograph(m_card, options);
    const auto card = CardDetector().detect(photo.bgr);
    QVERIFY(card.has_value());
    // Each corner within 2 % of the scene width of the truth.
    const double tolerance = 0.02 * sceneWidth;
    for (int i = 0; i < 4; ++i) {
        const double error = cv::norm(card->corners[std::size_t(i)] - photo.corners[std::size_t(i)]);
        QVERIFY2(error < tolerance, qPrintable(QStringLiteral("corner %1 off by %2 px").arg(i).arg(error)));
    }
    QCOMPARE(card->rectified.size(), CardDetector::rectifiedSize());
}

void TestCardDetector::portraitIsOnTheRectifiedCard()
{
    SpecimenPhotoOptions options;
    options.seed = 4;
    const auto card = CardDetector().detect(SpecimenCard::photograph(m_card, options).bgr);
    QVERIFY(card.has_value());
    cv::Mat gray;
    cv::cvtColor(card->rectified, gray, cv::COLOR_BGR2GRAY);
    HogFaceDetector detector;
    const auto faces = detector.detect(gray);
    QVERIFY(!faces.empty());
    const cv::Rect slot = SpecimenCard::portraitSlot();
    const cv::Point centre = (faces.front().rect.tl() + faces.front().rect.br()) / 2;
    QVERIFY2(slot.contains(centre), "the largest face on the rectified card is not in the portrait slot");
}

void TestCardDetector::noCardInPlainPhotos_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addRow("face chip") << test::johnPhoto(QStringLiteral("John_Salley"), 3);
    QTest::addRow("portrait photo") << test::sample(QStringLiteral("faces/2008_002506.jpg"));
    QTest::addRow("noise") << QString();
}

void TestCardDetector::noCardInPlainPhotos()
{
    QFETCH(QString, sample);
    auto image = sample.isEmpty() ? ImageDecoder().decode(test::faceFreeJpeg()) : ImageDecoder().decodeFile(sample);
    QVERIFY(image.ok());
    QVERIFY(!CardDetector().detect(image.value().bgr).has_value());
}

QTEST_GUILESS_MAIN(TestCardDetector)
#include "TestCardDetector.moc"
