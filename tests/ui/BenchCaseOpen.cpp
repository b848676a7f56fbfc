#include "tests/support/StoreFixture.h"
#include "tests/ui/RealCase.h"
#include "ui/Language.h"
#include "ui/views/CaseView.h"
#include "ui/widgets/ImageComparisonWidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>

using namespace mado;

// Time to open a case in the case view with all images and overlays: from openCase() to the
// first complete paint (grab) after caseLoaded, over 20 different cases of a real store (real
// bundle, real verdict; document 1600×1200 and 4000×3000, four 1280×720 frames). Target p95 < 150 ms. Prints
// the figures; asserts nothing about time (shared machines vary), only that every case opened.
class BenchCaseOpen : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void openCase_data();
    void openCase();
};

void BenchCaseOpen::openCase_data()
{
    QTest::addColumn<int>("documentWidth");
    QTest::addColumn<int>("documentHeight");
    QTest::addRow("document 1600x1200") << 1600 << 1200;
    QTest::addRow("document 4000x3000 (12 MP phone photo)") << 4000 << 3000;
}

void BenchCaseOpen::openCase()
{
    QFETCH(int, documentWidth);
    QFETCH(int, documentHeight);
    QVERIFY(Language::install(QStringLiteral("ja")));
    QTemporaryDir dir;
    test::StoreFixture fixture;
    QVERIFY(fixture.ok());
    auto real = test::RealCase::create(dir.filePath(QStringLiteral("bundle")), QStringLiteral("John_Salley"),
                                       documentWidth, documentHeight);
    QVERIFY2(real.ok(), qPrintable(real.ok() ? QString() : real.error().message));
    constexpr int kOpens = 20;
    std::vector<qint64> ids;
    for (int i = 0; i < kOpens + 1; ++i) {
        auto id = real.value()->import(fixture);
        QVERIFY(id.ok());
        ids.push_back(id.value());
    }
    CaseView view(fixture.store(), fixture.user(QStringLiteral("clerk1")));
    view.resize(1600, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (const char *name : {"faceBoxButton", "landmarksButton", "poseAxesButton"})
        view.findChild<QToolButton *>(QString::fromLatin1(name))->setChecked(true);

    std::vector<double> total, load;
    for (int i = 0; i < kOpens + 1; ++i) {
        QSignalSpy loaded(&view, &CaseView::caseLoaded);
        QElapsedTimer timer;
        timer.start();
        view.openCase(ids[std::size_t(i)]);
        QVERIFY(loaded.wait(20000));
        const QPixmap shown = view.grab();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        QVERIFY(!shown.isNull());
        if (i == 0)
            continue; // warm-up: first connection, first paint
        total.push_back(ms);
        load.push_back(view.caseData().loadMs);
    }
    auto percentile = [](std::vector<double> v, double p) {
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
    };
    qInfo("%dx%d document:", documentWidth, documentHeight);
    qInfo("open case with images and overlays, %d opens: p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 < 150 ms)",
          kOpens, percentile(total, 0.5), percentile(total, 0.95), *std::max_element(total.begin(), total.end()));
    qInfo("  of which loading off the GUI thread (viewCase, verdict, register, decode, rectify): p50 %.1f ms, "
          "p95 %.1f ms",
          percentile(load, 0.5), percentile(load, 0.95));
}

QTEST_MAIN(BenchCaseOpen)
#include "BenchCaseOpen.moc"
