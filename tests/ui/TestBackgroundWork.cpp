#include "core/store/CaseStore.h"
#include "tests/support/StoreFixture.h"
#include "ui/support/BackgroundStatus.h"
#include "ui/support/BackgroundWork.h"

#include "tests/receiver/TlsWorkstation.h"

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
// verifies with, the receiver's CA certificate file; an admin's session, which may not verify.
class TestBackgroundWork : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void verificationUsesTheConfiguredModelsDirectory();
    void adminSessionNeitherImportsNorVerifies();
    void importTrustsTheConfiguredCaFile();
    void importFailuresStayInTheStatusBar();
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
    BackgroundWork work(fixture.store(), fixture.user(QStringLiteral("clerk1")), Role::Clerk, status, options);
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

void TestBackgroundWork::adminSessionNeitherImportsNorVerifies()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    const qint64 imported = fixture.caseIn(CaseState::Imported);
    QVERIFY(imported > 0);
    QTemporaryDir empty;
    BackgroundStatus status;
    BackgroundWork::Options options;
    options.modelsDirectory = empty.path(); // a verification would report these as missing
    BackgroundWork work(fixture.store(), fixture.user(QStringLiteral("admin")), Role::Admin, status, options);
    QSignalSpy finished(&work, &BackgroundWork::verificationFinished);
    // A receiver URL that nothing answers: no import is attempted either (no "cannot be reached").
    work.start(QStringLiteral("http://127.0.0.1:9"), QByteArrayLiteral("token"));
    QTest::qWait(1500);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!status.isHidden());
    const QString text = statusText(status);
    QVERIFY2(text.contains(QLatin1String("not imported or verified in an administrator's session")),
             qPrintable(text));
    auto *bar = status.findChild<QWidget *>(QStringLiteral("backgroundProgressBar"));
    QVERIFY(bar && bar->isHidden());
    work.stop();
    auto record = fixture.store().caseStatus(imported);
    QVERIFY(record.ok());
    QCOMPARE(record.value().state, CaseState::Imported);
}

void TestBackgroundWork::importTrustsTheConfiguredCaFile()
{
    test::TlsWorkstation tls;
    const Status started = tls.start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    const QString url = QStringLiteral("https://127.0.0.1:%1").arg(tls.port());
    const QByteArray token(test::TlsWorkstation::kToken);
    QTemporaryDir empty; // no models: verification after the round fails fast, beside the point here

    {
        // Without the ward's CA the listener's certificate is refused (system CAs only).
        StoreFixture fixture;
        QVERIFY(fixture.ok());
        BackgroundStatus status;
        BackgroundWork::Options options;
        options.modelsDirectory = empty.path();
        BackgroundWork work(fixture.store(), fixture.user(QStringLiteral("clerk1")), Role::Clerk, status, options);
        QSignalSpy rounds(&work, &BackgroundWork::importRoundFinished);
        work.start(url, token);
        QTRY_VERIFY_WITH_TIMEOUT(statusText(status).contains(QLatin1String("cannot be reached")), kWait);
        QCOMPARE(rounds.count(), 0);
        work.stop();
    }
    {
        // With it (the settings page's receiver CA certificate file) the import round gets through.
        StoreFixture fixture;
        QVERIFY(fixture.ok());
        BackgroundStatus status;
        BackgroundWork::Options options;
        options.modelsDirectory = empty.path();
        options.receiverCaFile = tls.certificatePath();
        BackgroundWork work(fixture.store(), fixture.user(QStringLiteral("clerk1")), Role::Clerk, status, options);
        QSignalSpy rounds(&work, &BackgroundWork::importRoundFinished);
        work.start(url, token);
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 1, kWait);
        QCOMPARE(rounds.at(0).at(0).toInt(), 0);
        QVERIFY2(!statusText(status).contains(QLatin1String("cannot be reached")), qPrintable(statusText(status)));
        work.stop();
    }
    tls.stop();
}

void TestBackgroundWork::importFailuresStayInTheStatusBar()
{
    // Applications the importer gave up are for IT to act upon: the note outlives passing progress.
    QWidget window;
    auto *status = new BackgroundStatus(&window);
    window.show();
    auto *failures = status->findChild<QLabel *>(QStringLiteral("importFailuresLabel"));
    QVERIFY(failures);
    QVERIFY(!failures->isVisible());
    status->showImportFailures({QStringLiteral("R-0001")});
    status->showProgress(QStringLiteral("Importing"), 1, 3);
    status->showProgress(QStringLiteral("Importing"), 3, 3); // finished: the progress part hides
    QVERIFY(status->isVisible());
    QVERIFY(failures->isVisible());
    status->showImportFailures({QStringLiteral("R-0001"), QStringLiteral("R-0002")});
    QVERIFY2(failures->text().contains(QLatin1Char('2')), qPrintable(failures->text()));
    QVERIFY(failures->toolTip().contains(QLatin1String("R-0001")));
    QVERIFY(failures->toolTip().contains(QLatin1String("R-0002")));
}

QTEST_MAIN(TestBackgroundWork)
#include "TestBackgroundWork.moc"
