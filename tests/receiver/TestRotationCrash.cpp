// The real `madoguchi-receiver --rotate-key` killed with SIGKILL at several points of a rotation
// over a spool with many applications: after every kill each manifest and each file opens with
// exactly one of the two keys and holds what it held before, no application and no file is lost,
// and the next run goes on from there; the last run finishes and the new key alone opens everything.
#include "core/crypto/DataKey.h"
#include "core/crypto/Keyring.h"
#include "core/crypto/SealedFile.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolSealing.h"

#include "IntakeTestKit.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <map>

using namespace mado;

namespace {

constexpr int kApplications = 40;
constexpr int kFilesEach = 5;
constexpr int kItems = kApplications * (1 + kFilesEach);

// What the spool holds: manifest JSON by application id, file bytes by path relative to the files directory.
struct Contents {
    std::map<QByteArray, QByteArray> manifests;
    std::map<QString, QByteArray> files;
};

// After a kill: how many items are under each key, and what is wrong (empty when nothing is).
struct Check {
    int underOld = 0;
    int underNew = 0;
    int leftovers = 0; // temporary files of the interrupted reseal
    QStringList problems;
};

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.bounded(256));
    return bytes;
}

// Every (id, manifest column) of the spool, read on a read-only connection of its own (the
// receiver may be writing).
std::map<QByteArray, QByteArray> storedManifests(const QString &spoolPath)
{
    std::map<QByteArray, QByteArray> rows;
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(spoolPath).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, manifest FROM applications WHERE manifest IS NOT NULL", -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW)
        rows[QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)), sqlite3_column_bytes(s, 0))] =
            QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(s, 1)), sqlite3_column_bytes(s, 1));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return rows;
}

QByteArray sealedBytes(const QByteArray &manifestColumn)
{
    return QByteArray::fromBase64(
        QJsonDocument::fromJson(manifestColumn).object().value(QStringLiteral("sealed")).toString().toLatin1());
}

// How many items are sealed with key now (manifests and files); cheap: key ids only.
int itemsUnder(const QString &spoolPath, const DataKey &key)
{
    int count = 0;
    for (const auto &[id, stored] : storedManifests(spoolPath)) {
        const auto keyId = Keyring::keyIdOf(sealedBytes(stored));
        count += keyId && *keyId == key.id() ? 1 : 0;
    }
    QDirIterator it(spoolPath + QStringLiteral("-files"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const auto keyId = SealedFile::keyIdOf(it.next());
        count += keyId.ok() && keyId.value() && *keyId.value() == key.id() ? 1 : 0;
    }
    return count;
}

// Opens every item with each key alone: exactly one must open it, and it must hold what it held.
Check check(const QString &spoolPath, const Contents &expected, const DataKey &oldKey, const DataKey &newKey)
{
    Check result;
    const Keyring oldRing(oldKey);
    const Keyring newRing(newKey);
    auto classify = [&](const QString &what, const Result<QByteArray> &byOld, const Result<QByteArray> &byNew,
                        const QByteArray &want) {
        if (byOld.ok() == byNew.ok()) {
            result.problems << QStringLiteral("%1 opens with %2 of the keys").arg(what, byOld.ok() ? QLatin1String("both") : QLatin1String("neither"));
            return;
        }
        (byOld.ok() ? result.underOld : result.underNew) += 1;
        if ((byOld.ok() ? byOld.value() : byNew.value()) != want)
            result.problems << QStringLiteral("%1 holds other bytes than before").arg(what);
    };
    const auto manifests = storedManifests(spoolPath);
    for (const auto &[id, json] : expected.manifests) {
        const auto row = manifests.find(id);
        if (row == manifests.end()) {
            result.problems << QStringLiteral("application %1 is lost").arg(QString::fromLatin1(id));
            continue;
        }
        classify(QStringLiteral("manifest %1").arg(QString::fromLatin1(id)),
                 SpoolSealing::openManifest(row->second, &oldRing), SpoolSealing::openManifest(row->second, &newRing),
                 json);
    }
    if (manifests.size() != expected.manifests.size())
        result.problems << QStringLiteral("%1 manifests, expected %2").arg(manifests.size()).arg(expected.manifests.size());
    const QDir root(spoolPath + QStringLiteral("-files"));
    std::size_t files = 0;
    QDirIterator it(root.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (QFileInfo(path).fileName().startsWith(QLatin1String(SealedFile::kTemporaryPrefix))) {
            ++result.leftovers;
            continue;
        }
        ++files;
        const QString name = root.relativeFilePath(path);
        const auto want = expected.files.find(name);
        if (want == expected.files.end()) {
            result.problems << QStringLiteral("unexpected file %1").arg(name);
            continue;
        }
        classify(QStringLiteral("file %1").arg(name), SealedFile::read(path, &oldRing), SealedFile::read(path, &newRing),
                 want->second);
    }
    if (files != expected.files.size())
        result.problems << QStringLiteral("%1 files, expected %2").arg(files).arg(expected.files.size());
    return result;
}

} // namespace

class TestRotationCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedRotationLosesNothing();
};

void TestRotationCrash::killedRotationLosesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    IntakeTestKit::writeFile(dir.filePath(QStringLiteral("receiver.ini")), IntakeTestKit::minimalIni(dir.path()));
    const QString spoolPath = dir.filePath(QStringLiteral("spool.sqlite"));
    const QString newKeyPath = dir.filePath(QStringLiteral("spool.key.next"));
    const DataKey oldKey = DataKey::loadFile(dir.filePath(QStringLiteral("spool.key")), QStringLiteral("k")).value();
    auto created = DataKey::createFile(newKeyPath);
    QVERIFY(created.ok());
    const DataKey newKey = created.value();

    // 40 applications sealed under the old key: a manifest and five 48 KiB images each.
    Contents expected;
    {
        auto spool = Spool::open(spoolPath);
        QVERIFY(spool.ok());
        const Keyring ring(oldKey);
        for (int a = 0; a < kApplications; ++a) {
            const QByteArray id = "app" + QByteArray::number(a);
            const QByteArray json = R"({"applicationId":")" + id + R"(","marker":"ROTATION-MARKER-)" +
                                    QByteArray::number(a) + R"("})";
            expected.manifests[id] = json;
            const QByteArray manifest = SpoolSealing::sealManifest(json, &ring);
            const int rc = spool.value()->locked([&](sqlite3 *db) {
                sqlite3_stmt *s = nullptr;
                sqlite3_prepare_v2(db,
                                   "INSERT INTO applications (seq, id, reference, user_id, idempotency_key, "
                                   "received_at, manifest) VALUES (?1, ?2, ?2, 'U1', ?2, '2026-12-04T00:00:00Z', ?3)",
                                   -1, &s, nullptr);
                sqlite3_bind_int(s, 1, a + 1);
                sqlite3_bind_text(s, 2, id.constData(), int(id.size()), SQLITE_TRANSIENT);
                sqlite3_bind_text(s, 3, manifest.constData(), int(manifest.size()), SQLITE_TRANSIENT);
                const int step = sqlite3_step(s);
                sqlite3_finalize(s);
                return step;
            });
            QCOMPARE(rc, SQLITE_DONE);
            const QString directory = spool.value()->filesDirectory() + QLatin1Char('/') + QString::fromLatin1(id);
            QVERIFY(QDir().mkpath(directory));
            for (int f = 0; f < kFilesEach; ++f) {
                const QString name = QStringLiteral("frame%1.jpg").arg(f);
                const QByteArray bytes = randomBytes(48 * 1024, quint32(a * 10 + f));
                QVERIFY(SealedFile::write(directory + QLatin1Char('/') + name, bytes, ring).ok());
                expected.files[QString::fromLatin1(id) + QLatin1Char('/') + name] = bytes;
            }
        }
    }
    const Check start = check(spoolPath, expected, oldKey, newKey);
    QVERIFY2(start.problems.isEmpty(), qPrintable(start.problems.join(QLatin1Char('\n'))));
    QCOMPARE(start.underOld, kItems);

    const QStringList arguments{QStringLiteral("--config"), dir.filePath(QStringLiteral("receiver.ini")),
                                QStringLiteral("--rotate-key"), newKeyPath};
    // Killed once at least this many items are under the new key (manifests come first, then files);
    // each run goes on from where the last one was killed.
    int kills = 0;
    for (const int atLeast : {1, 12, 45, 90, 150, 210}) {
        QProcess rotation;
        rotation.start(QStringLiteral(MADO_RECEIVER_PATH), arguments);
        QVERIFY(rotation.waitForStarted());
        int seen = 0;
        QElapsedTimer waited;
        waited.start();
        while (rotation.state() == QProcess::Running && (seen = itemsUnder(spoolPath, newKey)) < atLeast &&
               waited.elapsed() < 120000)
            QTest::qWait(1);
        if (rotation.state() != QProcess::Running) {
            qInfo() << "the rotation finished before" << atLeast << "items; exit" << rotation.exitCode();
            break;
        }
        rotation.kill(); // SIGKILL
        QVERIFY(rotation.waitForFinished(10000));
        QCOMPARE(rotation.exitStatus(), QProcess::CrashExit);
        ++kills;
        const Check after = check(spoolPath, expected, oldKey, newKey);
        qInfo() << "killed at" << seen << "items or more (aimed at" << atLeast << "): under the old key" << after.underOld
                << ", under the new key" << after.underNew << ", temporary files left" << after.leftovers;
        QVERIFY2(after.problems.isEmpty(), qPrintable(after.problems.join(QLatin1Char('\n'))));
        QCOMPARE(after.underOld + after.underNew, kItems);
        QVERIFY(after.underNew >= atLeast);
    }
    QVERIFY2(kills >= 3, "the rotation ran too fast to be killed in the middle");

    // The last run finishes: everything under the new key, no temporary file left, the new key alone opens it all.
    QProcess rotation;
    rotation.start(QStringLiteral(MADO_RECEIVER_PATH), arguments);
    QVERIFY(rotation.waitForFinished(120000));
    QCOMPARE(rotation.exitStatus(), QProcess::NormalExit);
    QVERIFY2(rotation.exitCode() == 0, rotation.readAllStandardError().constData());
    const Check done = check(spoolPath, expected, oldKey, newKey);
    QVERIFY2(done.problems.isEmpty(), qPrintable(done.problems.join(QLatin1Char('\n'))));
    QCOMPARE(done.underNew, kItems);
    QCOMPARE(done.leftovers, 0);
    auto spool = Spool::open(spoolPath);
    QVERIFY(spool.ok());
    const auto current = SpoolSealing::sealAll(*spool.value(), Keyring(newKey));
    QVERIFY(current.ok());
    QCOMPARE(current.value().current, kItems);
    QCOMPARE(current.value().manifests + current.value().files, 0);
}

QTEST_GUILESS_MAIN(TestRotationCrash)
#include "TestRotationCrash.moc"
