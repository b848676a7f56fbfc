#include "core/face/CardDetector.h"
#include "tests/support/StoreFixture.h"
#include "tests/ui/RealCase.h"
#include "ui/Language.h"
#include "ui/support/CaseLoader.h"
#include "ui/widgets/ImageComparisonWidget.h"
#include "ui/widgets/ZoomImageView.h"

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace mado;

// The comparison on a real case (specimen card photographed, frames of a real person, real
// verdict): same face scale, synchronised zoom and pan, overlays, thumbnails.
class TestImageComparisonWidget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheRectifiedCardAndTheFrontalFrame();
    void facesHaveTheSameScale();
    void zoomKeysChangeBothSides();
    void wheelAndDragMoveBothSides();
    void overlaysToggle();
    void thumbnailsShowAskedDirectionAndPose();
    void clickedThumbnailIsCompared();

private:
    static double faceScreenIod(const ZoomImageView *view);

    QTemporaryDir m_dir;
    std::unique_ptr<test::StoreFixture> m_fixture;
    std::unique_ptr<test::RealCase> m_case;
    CaseData m_data;
    ImageComparisonWidget *m_widget = nullptr;
};

double TestImageComparisonWidget::faceScreenIod(const ZoomImageView *view)
{
    return view->overlay().interOcularDistance() * view->effectiveScale();
}

void TestImageComparisonWidget::initTestCase()
{
    QVERIFY(Language::install(QStringLiteral("ja")));
    m_fixture = std::make_unique<test::StoreFixture>();
    QVERIFY(m_fixture->ok());
    auto real = test::RealCase::create(m_dir.filePath(QStringLiteral("bundle")));
    QVERIFY2(real.ok(), qPrintable(real.ok() ? QString() : real.error().message));
    m_case = std::move(real).value();
    QVERIFY2(m_case->verdict().document.cardFound, "the specimen card must be found for this test");
    QCOMPARE(m_case->verdict().document.portraitSource, QStringLiteral("card"));
    auto id = m_case->import(*m_fixture);
    QVERIFY(id.ok());
    auto data = CaseLoader::load(m_fixture->store(), m_fixture->user(QStringLiteral("clerk1")), id.value());
    QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
    m_data = data.value();
}

void TestImageComparisonWidget::init()
{
    m_widget = new ImageComparisonWidget;
    m_widget->resize(1200, 800);
    m_widget->setCase(m_data);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget));
    m_widget->resetView();
}

void TestImageComparisonWidget::cleanup()
{
    delete m_widget;
    m_widget = nullptr;
}

void TestImageComparisonWidget::showsTheRectifiedCardAndTheFrontalFrame()
{
    QCOMPARE(m_widget->documentView()->image().size(),
             QSize(CardDetector::rectifiedSize().width, CardDetector::rectifiedSize().height));
    QCOMPARE(m_widget->selfieView()->image().size(), QSize(1280, 720));
    QVERIFY(m_widget->documentView()->overlay().found);
    QVERIFY(m_widget->selfieView()->overlay().found);
    QVERIFY(!m_widget->findChild<QLabel *>(QStringLiteral("documentOverviewLabel"))->pixmap().isNull());
    // The portrait box lies on the card image (its coordinates are the rectified card's).
    const QRectF box = m_widget->documentView()->overlay().box;
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(m_widget->documentView()->image().size())).contains(box.center()));
}

void TestImageComparisonWidget::facesHaveTheSameScale()
{
    const ZoomImageView *doc = m_widget->documentView();
    const ZoomImageView *selfie = m_widget->selfieView();
    // The card portrait is much smaller in pixels than the selfie face: without matching, their
    // scales would be equal and the faces' sizes would differ.
    QVERIFY(qAbs(doc->overlay().interOcularDistance() - selfie->overlay().interOcularDistance()) > 5.0);
    QVERIFY(qAbs(doc->effectiveScale() - selfie->effectiveScale()) > 0.05);
    QVERIFY(faceScreenIod(doc) > 10.0);
    QVERIFY2(qAbs(faceScreenIod(doc) / faceScreenIod(selfie) - 1.0) < 1e-6,
             qPrintable(QStringLiteral("%1 vs %2").arg(faceScreenIod(doc)).arg(faceScreenIod(selfie))));
    // Both faces are centred.
    for (const ZoomImageView *view : {doc, selfie}) {
        const QPointF centre = view->mapFromImage(view->overlay().box.center());
        QVERIFY(qAbs(centre.x() - view->width() / 2.0) < 1.0 && qAbs(centre.y() - view->height() / 2.0) < 1.0);
    }
}

void TestImageComparisonWidget::zoomKeysChangeBothSides()
{
    const ZoomImageView *doc = m_widget->documentView();
    const ZoomImageView *selfie = m_widget->selfieView();
    const double doc0 = doc->effectiveScale(), selfie0 = selfie->effectiveScale();
    QTest::keyClick(m_widget, Qt::Key_Plus);
    QCOMPARE(doc->effectiveScale(), doc0 * ImageComparisonWidget::kZoomStep);
    QCOMPARE(selfie->effectiveScale(), selfie0 * ImageComparisonWidget::kZoomStep);
    QTest::keyClick(m_widget, Qt::Key_Plus);
    QTest::keyClick(m_widget, Qt::Key_Minus);
    QCOMPARE(doc->effectiveScale(), doc0 * ImageComparisonWidget::kZoomStep);
    QVERIFY(qAbs(faceScreenIod(doc) / faceScreenIod(selfie) - 1.0) < 1e-6);
    QTest::keyClick(m_widget, Qt::Key_Minus);
    QTest::keyClick(m_widget, Qt::Key_Minus);
    QCOMPARE(selfie->effectiveScale(), selfie0 / ImageComparisonWidget::kZoomStep);
    QTest::keyClick(m_widget, Qt::Key_0);
    QCOMPARE(doc->effectiveScale(), doc0);
    QCOMPARE(selfie->effectiveScale(), selfie0);
    // The buttons do the same.
    QTest::mouseClick(m_widget->findChild<QToolButton *>(QStringLiteral("zoomInButton")), Qt::LeftButton);
    QCOMPARE(doc->effectiveScale(), doc0 * ImageComparisonWidget::kZoomStep);
    QCOMPARE(selfie->effectiveScale(), selfie0 * ImageComparisonWidget::kZoomStep);
}

void TestImageComparisonWidget::wheelAndDragMoveBothSides()
{
    ZoomImageView *doc = m_widget->documentView();
    ZoomImageView *selfie = m_widget->selfieView();
    const double doc0 = doc->effectiveScale(), selfie0 = selfie->effectiveScale();
    const QPointF centre(selfie->width() / 2.0, selfie->height() / 2.0);
    QWheelEvent wheel(centre, selfie->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(selfie, &wheel);
    QCOMPARE(doc->effectiveScale(), doc0 * ImageComparisonWidget::kZoomStep * ImageComparisonWidget::kZoomStep);
    QCOMPARE(selfie->effectiveScale(), selfie0 * ImageComparisonWidget::kZoomStep * ImageComparisonWidget::kZoomStep);

    const QPointF docFace = doc->mapFromImage(doc->overlay().box.center());
    const QPointF selfieFace = selfie->mapFromImage(selfie->overlay().box.center());
    QTest::mousePress(doc, Qt::LeftButton, Qt::NoModifier, QPoint(100, 100));
    QTest::mouseMove(doc, QPoint(140, 70));
    QTest::mouseRelease(doc, Qt::LeftButton, Qt::NoModifier, QPoint(140, 70));
    QCOMPARE(doc->mapFromImage(doc->overlay().box.center()) - docFace, QPointF(40, -30));
    QCOMPARE(selfie->mapFromImage(selfie->overlay().box.center()) - selfieFace, QPointF(40, -30));
    QCOMPARE(m_widget->pan(), QPointF(40, -30));
}

void TestImageComparisonWidget::overlaysToggle()
{
    ZoomImageView *doc = m_widget->documentView();
    ZoomImageView *selfie = m_widget->selfieView();
    QCOMPARE(doc->overlays(), 0);
    const QImage plain = selfie->grab().toImage();
    auto *faceBox = m_widget->findChild<QToolButton *>(QStringLiteral("faceBoxButton"));
    auto *landmarks = m_widget->findChild<QToolButton *>(QStringLiteral("landmarksButton"));
    auto *pose = m_widget->findChild<QToolButton *>(QStringLiteral("poseAxesButton"));
    QVERIFY(faceBox && landmarks && pose);
    QTest::mouseClick(faceBox, Qt::LeftButton);
    QCOMPARE(doc->overlays(), int(ZoomImageView::FaceBox));
    QCOMPARE(selfie->overlays(), int(ZoomImageView::FaceBox));
    const QImage boxed = selfie->grab().toImage();
    QVERIFY(boxed != plain);
    QTest::mouseClick(landmarks, Qt::LeftButton);
    QTest::mouseClick(pose, Qt::LeftButton);
    QCOMPARE(selfie->overlays(), int(ZoomImageView::FaceBox | ZoomImageView::Landmarks | ZoomImageView::PoseAxes));
    QVERIFY(selfie->grab().toImage() != boxed);
    QTest::mouseClick(faceBox, Qt::LeftButton);
    QTest::mouseClick(landmarks, Qt::LeftButton);
    QTest::mouseClick(pose, Qt::LeftButton);
    QCOMPARE(doc->overlays(), 0);
    QCOMPARE(selfie->grab().toImage(), plain);
}

void TestImageComparisonWidget::thumbnailsShowAskedDirectionAndPose()
{
    const Verdict &v = m_case->verdict();
    QCOMPARE(v.frames.size(), std::size_t(4));
    // SampleCaseWriter's default challenge: left, up, right (the applicant's).
    const QString expected[] = {QStringLiteral("左"), QStringLiteral("上"), QStringLiteral("右")};
    for (int i = 1; i <= 3; ++i) {
        auto *image = m_widget->findChild<QLabel *>(QStringLiteral("frame%1ThumbnailLabel").arg(i));
        auto *caption = m_widget->findChild<QLabel *>(QStringLiteral("frame%1CaptionLabel").arg(i));
        QVERIFY(image && caption);
        QVERIFY(!image->pixmap().isNull());
        QCOMPARE(image->pixmap().height(), CaseLoader::kThumbnailHeight);
        QVERIFY2(caption->text().contains(expected[i - 1]), qPrintable(caption->text()));
        if (v.frames[std::size_t(i)].poseMeasured) {
            QVERIFY2(caption->text().contains(QString::number(v.frames[std::size_t(i)].yaw, 'f', 1)),
                     qPrintable(caption->text()));
        }
    }
}

void TestImageComparisonWidget::clickedThumbnailIsCompared()
{
    const Verdict &v = m_case->verdict();
    ZoomImageView *selfie = m_widget->selfieView();
    QCOMPARE(m_widget->shownFrame(), std::size_t(0));
    auto *thumbnail = m_widget->findChild<QLabel *>(QStringLiteral("frame2ThumbnailLabel"));
    QVERIFY(thumbnail);
    QTest::keyClick(m_widget, Qt::Key_Plus);
    QTest::mouseClick(thumbnail, Qt::LeftButton);
    QCOMPARE(m_widget->shownFrame(), std::size_t(2));
    const FaceEvidence &face = v.frames[2].face;
    QCOMPARE(selfie->overlay().box, QRectF(face.x, face.y, face.width, face.height));
    QCOMPARE(selfie->image(), m_data.frames[2]);
    QVERIFY(m_data.frames[2] != m_data.frames[0]);
    // Back to the same face scale, centred, for the new frame.
    QCOMPARE(m_widget->zoom(), 1.0);
    QVERIFY(qAbs(faceScreenIod(m_widget->documentView()) / faceScreenIod(selfie) - 1.0) < 1e-6);
    QVERIFY2(m_widget->findChild<QLabel *>(QStringLiteral("selfieTitleLabel"))->text().contains(QStringLiteral("上")),
             qPrintable(m_widget->findChild<QLabel *>(QStringLiteral("selfieTitleLabel"))->text()));
    QTest::mouseClick(thumbnail, Qt::LeftButton);
    QCOMPARE(m_widget->shownFrame(), std::size_t(0));
    const FaceEvidence &front = v.frames[0].face;
    QCOMPARE(selfie->overlay().box, QRectF(front.x, front.y, front.width, front.height));
    QCOMPARE(selfie->image(), m_data.frames[0]);
}

QTEST_MAIN(TestImageComparisonWidget)
#include "TestImageComparisonWidget.moc"
