#include "ui/support/JobTracker.h"

#include <QAtomicInt>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <memory>

using namespace mado;

constexpr int kWait = 30000;

// The UI's stale-result tracker (JobTracker over runInBackground): the newest job delivers, a
// superseded or reset one never does, and a context that goes first gets nothing and waits for
// the work. The jobs are held on semaphores so that the order of events is the test's, not luck's.
class TestJobTracker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deliversTheCurrentJob();
    void dropsASupersededJobThatEndsLater();
    void dropsASupersededJobThatEndsFirst();
    void resetDropsTheRunningJob();
    void aDestroyedContextGetsNothingAndWaitsForTheWork();

private:
    // Waits until only `running` pool threads are busy (a released job has ended entirely, so its
    // continuation is posted before anything that ends after it).
    static bool poolSettlesAt(int running);
};

// The context of the jobs: owns the tracker, as a model or view does.
class Owner : public QObject {
public:
    JobTracker jobs{this};
    QList<int> delivered;
};

bool TestJobTracker::poolSettlesAt(int running)
{
    return QTest::qWaitFor([running] { return QThreadPool::globalInstance()->activeThreadCount() == running; }, kWait);
}

void TestJobTracker::initTestCase()
{
    // Two jobs are held at once below; a two-core machine's pool would have no thread left.
    QThreadPool::globalInstance()->setMaxThreadCount(4);
}

void TestJobTracker::deliversTheCurrentJob()
{
    Owner owner;
    owner.jobs.startJob([] { return 42; }, [&owner](int value) { owner.delivered.append(value); });
    QVERIFY(owner.jobs.isJobRunning());
    QVERIFY(owner.delivered.isEmpty()); // never inside startJob(), always from the event loop
    QTRY_COMPARE_WITH_TIMEOUT(owner.delivered, QList<int>{42}, kWait);
    QVERIFY(!owner.jobs.isJobRunning());
}

void TestJobTracker::dropsASupersededJobThatEndsLater()
{
    Owner owner;
    QSemaphore releaseOld;
    owner.jobs.startJob(
        [&releaseOld] {
            releaseOld.acquire();
            return 1;
        },
        [&owner](int value) { owner.delivered.append(value); });
    const quint64 first = owner.jobs.currentJob();
    owner.jobs.startJob([] { return 2; }, [&owner](int value) { owner.delivered.append(value); });
    QCOMPARE(owner.jobs.currentJob(), first + 1);
    QTRY_COMPARE_WITH_TIMEOUT(owner.delivered, QList<int>{2}, kWait);
    QVERIFY(!owner.jobs.isJobRunning());
    // The old job ends now; a third job ending after it proves its result was posted and dropped.
    releaseOld.release();
    QVERIFY(poolSettlesAt(0));
    owner.jobs.startJob([] { return 3; }, [&owner](int value) { owner.delivered.append(value); });
    QTRY_COMPARE_WITH_TIMEOUT(owner.delivered.size(), 2, kWait);
    QCOMPARE(owner.delivered, (QList<int>{2, 3}));
}

void TestJobTracker::dropsASupersededJobThatEndsFirst()
{
    Owner owner;
    QSemaphore releaseOld;
    QSemaphore releaseNew;
    owner.jobs.startJob(
        [&releaseOld] {
            releaseOld.acquire();
            return 1;
        },
        [&owner](int value) { owner.delivered.append(value); });
    owner.jobs.startJob(
        [&releaseNew] {
            releaseNew.acquire();
            return 2;
        },
        [&owner](int value) { owner.delivered.append(value); });
    QVERIFY(poolSettlesAt(2));
    // The superseded job ends first: its result arrives before the current one's and is dropped.
    releaseOld.release();
    QVERIFY(poolSettlesAt(1));
    QVERIFY(owner.jobs.isJobRunning());
    releaseNew.release();
    QTRY_COMPARE_WITH_TIMEOUT(owner.delivered, QList<int>{2}, kWait);
    QVERIFY(!owner.jobs.isJobRunning());
}

void TestJobTracker::resetDropsTheRunningJob()
{
    Owner owner;
    QSemaphore release;
    owner.jobs.startJob(
        [&release] {
            release.acquire();
            return 1;
        },
        [&owner](int value) { owner.delivered.append(value); });
    QVERIFY(owner.jobs.isJobRunning());
    owner.jobs.reset();
    QVERIFY(!owner.jobs.isJobRunning());
    release.release();
    QVERIFY(poolSettlesAt(0));
    owner.jobs.startJob([] { return 2; }, [&owner](int value) { owner.delivered.append(value); });
    QTRY_COMPARE_WITH_TIMEOUT(owner.delivered, QList<int>{2}, kWait);
}

void TestJobTracker::aDestroyedContextGetsNothingAndWaitsForTheWork()
{
    auto delivered = std::make_shared<QAtomicInt>(0);
    auto ended = std::make_shared<QAtomicInt>(0);
    QSemaphore started;
    auto owner = std::make_unique<Owner>();
    owner->jobs.startJob(
        [ended, &started] {
            started.release();
            QThread::msleep(300); // a long read, still running when the page closes
            ended->storeRelaxed(1);
            return 1;
        },
        [delivered](int) { delivered->fetchAndAddRelaxed(1); });
    QVERIFY(started.tryAcquire(1, kWait));
    owner.reset();                     // the page closes while its job runs
    QCOMPARE(ended->loadRelaxed(), 1); // the destruction waited for the work
    QVERIFY(poolSettlesAt(0));
    QCoreApplication::processEvents();
    QCOMPARE(delivered->loadRelaxed(), 0);
}

QTEST_GUILESS_MAIN(TestJobTracker)
#include "TestJobTracker.moc"
