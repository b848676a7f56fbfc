#include "core/receiver/ReceiverMetrics.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolRetention.h"
#include "core/database/Sqlite.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace mado;

// The spool's retention pass (SpoolRetention) run by the receiver's own timer (SpoolScrubber,
// spool.prune_interval_minutes): what is past its retention goes while the spool stays open, what
// is pending or recent stays, and the counts it reports name no one.
class TestSpoolRetention : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_dir.reset(); }
    void pastRetentionIsDeletedWithoutARestart();
    void pendingWorkIsNeverDeleted();

private:
    // Rows of every kind, "old" ones dated days ago and recent ones now; user ids carry marker.
    void insertRows(Spool &spool, const QString &prefix, qint64 daysAgo);
    static qint64 count(Spool &spool, const char *sql);
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

const QByteArray kMarker = "Uretentionmarker";

void exec(sqlite3 *db, const QByteArray &sql)
{
    QVERIFY2(Sqlite::exec(db, sql.constData()).ok(), sql.constData());
}

} // namespace

void TestSpoolRetention::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

qint64 TestSpoolRetention::count(Spool &spool, const char *sql)
{
    return spool.locked([sql](sqlite3 *db) { return Sqlite::queryInt(db, sql).value(); });
}

void TestSpoolRetention::insertRows(Spool &spool, const QString &prefix, qint64 daysAgo)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray at = Sqlite::time(now.addDays(-daysAgo));
    const QByteArray p = prefix.toUtf8();
    const QByteArray user = kMarker + p;
    spool.locked([&](sqlite3 *db) {
        // A finished application (acknowledged then decided), one whose import failed, one still
        // waiting for a workstation and one waiting for the resident's new photos.
        for (const char *state : {"approved", "import_failed", "received", "resubmission_requested"}) {
            const QByteArray id = p + "-" + state;
            exec(db, "INSERT INTO applications (id, reference, user_id, idempotency_key, received_at, state, "
                     "acknowledged_at, failed_at) VALUES ('" + id + "', 'R-" + id + "', '" + user + "', 'k-" + id + "', '" +
                         at + "', '" + state + "', " +
                         (QByteArray(state) == "approved" ? "'" + at + "'" : QByteArray("NULL")) + ", " +
                         (QByteArray(state) == "import_failed" ? "'" + at + "'" : QByteArray("NULL")) + ")");
            exec(db, "INSERT INTO resubmitted_images (message_id, application_id, file, received_at) VALUES ('m-" + id +
                         "', '" + id + "', 'x.jpg', '" + at + "')");
            exec(db, "INSERT INTO push_outbox (application_id, kind, user_id, retry_key, body, state, next_attempt_at) "
                     "VALUES ('" + id + "', 'outcome', '" + user + "', 'r-" + id + "', '{}', '" +
                         (QByteArray(state) == "received" ? "pending" : "sent") + "', '" + at + "')");
        }
        exec(db, "INSERT INTO webhook_events (webhook_event_id, type, received_at, body, state) VALUES ('e-" + p +
                     "-done', 'message', '" + at + "', '{}', 'done'), ('e-" + p + "-pending', 'message', '" + at +
                     "', '{}', 'pending')");
        exec(db, "INSERT INTO challenges (nonce, user_id, directions, issued_at, expires_at, signature) VALUES ('n-" + p +
                     "', '" + user + "', 'left', '" + at + "', '" + Sqlite::time(now.addDays(-daysAgo).addSecs(600)) +
                     "', '')");
        return 0;
    });
}

void TestSpoolRetention::pastRetentionIsDeletedWithoutARestart()
{
    SpoolScrubber::Options options;
    options.pruneIntervalMs = 300;
    options.retention.webhookRetentionDays = 7;
    options.retention.finishedRetentionDays = 30;
    auto opened = Spool::open(m_dir->filePath(QStringLiteral("spool.db")), options);
    QVERIFY(opened);
    Spool &spool = *opened.value();
    // The first pass ran at the start; rows written afterwards wait for the timer.
    QTRY_VERIFY_WITH_TIMEOUT(spool.scrubber().retentionRuns() >= 1, 5000);
    QVERIFY(QDir().mkpath(spool.filesDirectory() + QStringLiteral("/old-approved")));
    QFile leftover(spool.filesDirectory() + QStringLiteral("/old-approved/image.enc"));
    QVERIFY(leftover.open(QIODevice::WriteOnly));
    leftover.close();
    insertRows(spool, QStringLiteral("old"), 40);
    insertRows(spool, QStringLiteral("new"), 1);
    const quint64 runsBefore = spool.scrubber().retentionRuns();
    QTRY_VERIFY_WITH_TIMEOUT(spool.scrubber().retentionRuns() >= runsBefore + 2, 5000);
    // Old and finished: gone, with the files left in its directory; old but pending: kept.
    QCOMPARE(count(spool, "SELECT count(*) FROM applications WHERE id LIKE 'old-%'"), 2);
    QCOMPARE(count(spool, "SELECT count(*) FROM applications WHERE id IN ('old-received', "
                          "'old-resubmission_requested')"),
             2);
    QVERIFY(!QFileInfo::exists(spool.filesDirectory() + QStringLiteral("/old-approved")));
    QCOMPARE(count(spool, "SELECT count(*) FROM resubmitted_images WHERE application_id LIKE 'old-%'"), 2);
    // The pending push, and the sent one of an application still waiting for photos.
    QCOMPARE(count(spool, "SELECT count(*) FROM push_outbox WHERE application_id LIKE 'old-%'"), 2);
    QCOMPARE(count(spool, "SELECT count(*) FROM webhook_events WHERE webhook_event_id LIKE 'e-old-%'"), 1);
    QCOMPARE(count(spool, "SELECT count(*) FROM challenges WHERE nonce = 'n-old'"), 0);
    // Recent: everything kept (a challenge of a day ago is expired, though: gone too).
    QCOMPARE(count(spool, "SELECT count(*) FROM applications WHERE id LIKE 'new-%'"), 4);
    QCOMPARE(count(spool, "SELECT count(*) FROM push_outbox WHERE application_id LIKE 'new-%'"), 4);
    QCOMPARE(count(spool, "SELECT count(*) FROM webhook_events WHERE webhook_event_id LIKE 'e-new-%'"), 2);
    QCOMPARE(count(spool, "SELECT count(*) FROM challenges WHERE nonce = 'n-new'"), 0);
    // Counted, and the metrics name kinds, never a user.
    const SpoolRetention::Pruned totals = spool.scrubber().retentionTotals();
    QCOMPARE(totals.applications, 2);
    QCOMPARE(totals.pushes, 2);
    QCOMPARE(totals.resubmittedImages, 2);
    QCOMPARE(totals.webhookEvents, 1);
    QCOMPARE(totals.challenges, 2);
    const QByteArray metrics = ReceiverMetrics::renderRetention(spool.scrubber().retentionRuns(), totals);
    QVERIFY(metrics.contains("madoguchi_receiver_retention_deleted_total{kind=\"application\"} 2\n"));
    QVERIFY(!metrics.contains(kMarker));
    // Still running: a row that ages past the retention later (written now, dated old) goes too.
    spool.locked([](sqlite3 *db) {
        exec(db, "UPDATE applications SET acknowledged_at = '2000-01-01T00:00:00.000Z' WHERE id = 'new-approved'");
        return 0;
    });
    QTRY_COMPARE_WITH_TIMEOUT(count(spool, "SELECT count(*) FROM applications WHERE id = 'new-approved'"), 0, 5000);
}

void TestSpoolRetention::pendingWorkIsNeverDeleted()
{
    auto opened = Spool::open(m_dir->filePath(QStringLiteral("spool.db")));
    QVERIFY(opened);
    Spool &spool = *opened.value();
    insertRows(spool, QStringLiteral("ancient"), 3000);
    // A pass far in the future (30 years on): still nothing pending goes.
    SpoolRetention::Options options;
    const auto pruned = SpoolRetention(spool, options).run(QDateTime::currentDateTimeUtc().addYears(30));
    QVERIFY(pruned);
    QCOMPARE(count(spool, "SELECT count(*) FROM applications WHERE state IN ('approved', 'import_failed')"), 0);
    QCOMPARE(count(spool, "SELECT count(*) FROM applications WHERE state IN ('received', 'resubmission_requested')"),
             2);
    QCOMPARE(count(spool, "SELECT count(*) FROM push_outbox WHERE state = 'pending'"), 1);
    QCOMPARE(count(spool, "SELECT count(*) FROM webhook_events WHERE state = 'pending'"), 1);
}

QTEST_GUILESS_MAIN(TestSpoolRetention)
#include "TestSpoolRetention.moc"
