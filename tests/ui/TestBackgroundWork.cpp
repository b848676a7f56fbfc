#include "core/store/CaseStore.h"
#include "tests/support/StoreFixture.h"
#include "ui/support/BackgroundStatus.h"
#include "ui/support/BackgroundWork.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;
using namespace mado::test;

namespace {
constexpr int kWait = 30000;

QString statusText(const BackgroundStatus &status)
{
    const auto labels = status.findChildren<QLabel *>();
    return labels.isEmpty() ? QString() : labels.first()->text();
}
} // namespace

// The workstation's background work with the settings page's values: the models directory it
// verifies with.
class TestBackgroundWork : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void verificationUsesTheConfiguredModelsDirectory();
};

void TestBackgroundWork::verificationUsesTheConfiguredModelsDirectory()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    // An empty directory: verification says the models are missing there (the default directory,
    // which holds the models, is not used behind the setting's back).
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    BackgroundStatus status;
    BackgroundWork::Options options;
    options.modelsDirectory = empty.path();
    BackgroundWork work(fixture.store(), fixture.user(QStringLiteral("clerk1")), status, options);
    QSignalSpy finished(&work, &BackgroundWork::verificationFinished);
    work.start(QString(), QByteArray());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWait);
    const QString problem = finished.at(0).at(0).toString();
    QVERIFY2(problem.contains(QDir::toNativeSeparators(empty.path())) || problem.contains(empty.path()),
             qPrintable(problem));
    QVERIFY2(problem.contains(QLatin1String("missing")), qPrintable(problem));
    QCOMPARE(statusText(status), problem);
    work.stop();
}

QTEST_MAIN(TestBackgroundWork)
#include "TestBackgroundWork.moc"
