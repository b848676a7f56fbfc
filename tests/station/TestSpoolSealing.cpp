// Encryption at rest in the receiver's spool: what an application leaves on disk holds no
// plaintext, the workstation still imports it, a key rotation can be interrupted and resumed, and
// the receiver refuses to start without a usable key (and then changes nothing).
#include "tests/receiver/IntakeTestKit.h"
#include "tests/station/ReceiverFixture.h"

#include "tests/receiver/ApplicantTestKit.h"
#include "core/crypto/Keyring.h"
#include "core/crypto/SealedFile.h"
#include "core/receiver/spool/SpoolSealing.h"
#include "core/station/Importer.h"
#include "tests/support/StoreFixture.h"

#include <QDirIterator>
#include <QProcess>
#include <QSqlQuery>
#include <QtTest>

#include <sqlite3.h>
#include <sys/stat.h>

using namespace mado;

namespace {

// A JPEG with a comment segment (FF FE) right after SOI holding the marker: kept by the receiver.
QByteArray jpegWithComment(const QByteArray &marker)
{
    const QByteArray jpeg = ApplicantTestKit::smallJpeg();
    const int length = int(marker.size()) + 2;
    QByteArray segment("\xff\xfe", 2);
    segment.append(char(length >> 8)).append(char(length & 0xff)).append(marker);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

// Every file under dir (recursively, hidden ones too) whose bytes contain marker.
QStringList filesContaining(const QString &dir, const QByteArray &marker)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(marker))
            found << QDir(dir).relativeFilePath(path);
    }
    return found;
}

// Every sealed item of the spool (manifests and files) with the key id it is sealed with.
QList<QByteArray> keyIdsOfItems(Spool &spool)
{
    QList<QByteArray> ids;
    spool.locked([&](sqlite3 *db) {
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(db, "SELECT manifest FROM applications WHERE manifest IS NOT NULL", -1, &s, nullptr);
        while (sqlite3_step(s) == SQLITE_ROW) {
            const QByteArray stored(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)), sqlite3_column_bytes(s, 0));
            const QByteArray sealed = QByteArray::fromBase64(
                QJsonDocument::fromJson(stored).object().value(QStringLiteral("sealed")).toString().toLatin1());
            const auto id = Keyring::keyIdOf(sealed);
            ids << (id ? DataKey::idHex(*id).toLatin1() : QByteArray("plain"));
        }
        sqlite3_finalize(s);
        return 0;
    });
    QDirIterator it(spool.filesDirectory(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const auto id = SealedFile::keyIdOf(it.next());
        ids << (id.ok() && id.value() ? DataKey::idHex(*id.value()).toLatin1() : QByteArray("plain"));
    }
    return ids;
}

} // namespace

class TestSpoolSealing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void applicationLeavesNoPlaintextAndStillImports();
    void spoolFromBeforeEncryptionIsSealedAtStart();
    void interruptedRotationLosesNothing();
    void receiverRefusesToStartWithoutAUsableKey();
};

void TestSpoolSealing::applicationLeavesNoPlaintextAndStillImports()
{
    test::ReceiverFixture rx;
    QVERIFY(rx.ok());
    const QByteArray nameMarker = "ZQXNAME" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const QByteArray imageMarker = "ZQXIMAGE" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const QString id = rx.submit(1, {{QStringLiteral("line"), QStringLiteral("見本町1-2-3 ") + QString::fromLatin1(nameMarker)}},
                                 jpegWithComment(imageMarker));
    QVERIFY(!id.isEmpty());

    // The data is in the spool (opened with its key) ...
    const QString manifest = rx.spoolText(QStringLiteral("SELECT manifest FROM applications WHERE id = '%1'").arg(id));
    const auto opened = SpoolSealing::openManifest(manifest.toUtf8(), rx.spool().keyring());
    QVERIFY(opened.ok());
    QVERIFY(opened.value().contains(nameMarker));
    const QString documentFile = rx.spool().filesDirectory() + QLatin1Char('/') + id + QStringLiteral("/document_front.jpg");
    const auto image = SealedFile::read(documentFile, rx.spool().keyring());
    QVERIFY2(image.ok(), qPrintable(image.ok() ? QString() : image.error().message));
    QVERIFY(image.value().contains(imageMarker));
    // ... but no file of it (database, log, shared memory, images) holds either marker in plain text.
    QCOMPARE(filesContaining(rx.directory(), nameMarker), QStringList());
    QCOMPARE(filesContaining(rx.directory(), imageMarker), QStringList());
    QVERIFY(!filesContaining(rx.directory(), QByteArray("MDGS")).isEmpty()); // the sealed items are there

    // The workstation imports it through the real workstation API.
    test::StoreFixture store;
    QVERIFY(store.ok());
    QTemporaryDir temp;
    Importer::Options options;
    options.tempRoot = temp.path();
    Importer importer(store.store(), rx.client(), options);
    const auto round = importer.runOnce();
    QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
    QCOMPARE(round.value().imported, 1);
    auto db = store.store().connections().database();
    QVERIFY(db.ok());
    QSqlQuery q(db.value());
    QVERIFY(q.exec(QStringLiteral("SELECT address_line FROM cases")) && q.next());
    QVERIFY(q.value(0).toString().contains(QString::fromLatin1(nameMarker)));
}

void TestSpoolSealing::spoolFromBeforeEncryptionIsSealedAtStart()
{
    test::ReceiverFixture rx;
    QVERIFY(rx.ok());
    const Keyring key = *rx.spool().keyring();
    // As a receiver before this version stored it: plain.
    rx.spool().setKeyring(nullptr);
    const QByteArray marker = "ZQXLEGACY" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(!rx.submit(1, {{QStringLiteral("line"), QStringLiteral("見本町 ") + QString::fromLatin1(marker)}}).isEmpty());
    QVERIFY(!filesContaining(rx.spool().filesDirectory(), QByteArray("\xff\xd8", 2)).isEmpty());
    QVERIFY(keyIdsOfItems(rx.spool()).contains("plain"));

    // What the receiver does at start with its key.
    const auto sealed = SpoolSealing::sealAll(rx.spool(), key);
    QVERIFY2(sealed.ok(), qPrintable(sealed.ok() ? QString() : sealed.error().message));
    QCOMPARE(sealed.value().manifests, 1);
    QCOMPARE(sealed.value().files, 5); // the document and four selfie frames
    for (const QByteArray &id : keyIdsOfItems(rx.spool()))
        QCOMPARE(id, key.current().idHex().toLatin1());
    QCOMPARE(filesContaining(rx.spool().filesDirectory(), QByteArray("\xff\xd8\xff", 3)), QStringList());
    // Plain rows are gone from the database file once the log is checkpointed (secure_delete).
    QVERIFY(rx.spool().scrubber().runOnce().ok());
    QCOMPARE(filesContaining(rx.directory(), marker), QStringList());
    // A second start has nothing to do.
    QCOMPARE(SpoolSealing::sealAll(rx.spool(), key).value().current, 6);

    rx.spool().setKeyring(std::make_shared<const Keyring>(key));
    test::StoreFixture store;
    QTemporaryDir temp;
    Importer::Options options;
    options.tempRoot = temp.path();
    QCOMPARE(Importer(store.store(), rx.client(), options).runOnce().value().imported, 1);
}

void TestSpoolSealing::interruptedRotationLosesNothing()
{
    test::ReceiverFixture rx;
    QVERIFY(rx.ok());
    QVERIFY(!rx.submit(1).isEmpty());
    QVERIFY(!rx.submit(2).isEmpty());
    const DataKey oldKey = rx.spool().keyring()->current();
    const DataKey newKey = DataKey::generate();
    const Keyring rotating(newKey, {oldKey});

    // Killed after 5 of the 12 items (2 manifests, 2 x 5 images), one of them half written (a leftover temporary file).
    const auto partial = SpoolSealing::sealAll(rx.spool(), rotating, 5);
    QVERIFY(partial.ok());
    QCOMPARE(partial.value().manifests + partial.value().files, 5);
    const QString someDirectory = QFileInfo(QDirIterator(rx.spool().filesDirectory(), QDir::Files,
                                                         QDirIterator::Subdirectories)
                                                .next())
                                      .absolutePath();
    QFile leftover(someDirectory + QStringLiteral("/.reseal-frame0.jpg"));
    QVERIFY(leftover.open(QIODevice::WriteOnly));
    leftover.write("MDGS half written");
    leftover.close();
    QList<QByteArray> ids = keyIdsOfItems(rx.spool());
    QCOMPARE(ids.size(), 12);
    QCOMPARE(ids.count(newKey.idHex().toLatin1()), 5);
    QCOMPARE(ids.count(oldKey.idHex().toLatin1()), 7);
    // The old key still opens every file not yet rewritten, the new one those rewritten: none is lost.
    const Keyring oldRing(oldKey);
    const Keyring newRing(newKey);
    QDirIterator files(rx.spool().filesDirectory(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        const bool underNew = *SealedFile::keyIdOf(path).value() == newKey.id();
        QCOMPARE(SealedFile::read(path, underNew ? &newRing : &oldRing).ok(), true);
        QCOMPARE(SealedFile::read(path, underNew ? &oldRing : &newRing).ok(), false);
    }

    // Run again: finished, the leftover removed.
    const auto finished = SpoolSealing::sealAll(rx.spool(), rotating);
    QVERIFY2(finished.ok(), qPrintable(finished.ok() ? QString() : finished.error().message));
    QCOMPARE(finished.value().manifests + finished.value().files, 7);
    QCOMPARE(finished.value().current, 5);
    QCOMPARE(finished.value().leftovers, 1);
    for (const QByteArray &id : keyIdsOfItems(rx.spool()))
        QCOMPARE(id, newKey.idHex().toLatin1());

    // The receiver with only the new key: both applications import intact.
    rx.spool().setKeyring(std::make_shared<const Keyring>(newKey));
    QVERIFY(SpoolSealing::sealAll(rx.spool(), Keyring(newKey)).ok());
    test::StoreFixture store;
    QTemporaryDir temp;
    Importer::Options options;
    options.tempRoot = temp.path();
    const auto round = Importer(store.store(), rx.client(), options).runOnce();
    QVERIFY(round.ok());
    QCOMPARE(round.value().imported, 2);
    QCOMPARE(round.value().failed, 0);
}

void TestSpoolSealing::receiverRefusesToStartWithoutAUsableKey()
{
    QTemporaryDir dir;
    const QByteArray ini = IntakeTestKit::minimalIni(dir.path()) + "[http]\nlisten = 127.0.0.1:0\n";
    auto run = [&](const QByteArray &config, QStringList extra = {}) {
        IntakeTestKit::writeFile(dir.filePath(QStringLiteral("receiver.ini")), config);
        QProcess receiver;
        receiver.start(QStringLiteral(MADO_RECEIVER_PATH),
                       QStringList{QStringLiteral("--config"), dir.filePath(QStringLiteral("receiver.ini"))} + extra);
        if (!receiver.waitForFinished(15000)) {
            receiver.kill();
            receiver.waitForFinished();
        }
        return std::make_pair(receiver.exitCode(), QString::fromUtf8(receiver.readAllStandardError()));
    };

    // No key configured.
    QByteArray noKey = ini;
    noKey.replace("key_file = " + dir.filePath(QStringLiteral("spool.key")).toUtf8() + "\n", "");
    auto [code, message] = run(noKey);
    QCOMPARE(code, 78);
    QVERIFY2(message.contains(QStringLiteral("spool.key_file (or spool.key_credential) is required")), qPrintable(message));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("spool.sqlite"))));

    // A key file others can read: refused with the fix.
    const QString keyPath = dir.filePath(QStringLiteral("spool.key"));
    ::chmod(QFile::encodeName(keyPath).constData(), 0644);
    std::tie(code, message) = run(ini);
    QCOMPARE(code, 78);
    QVERIFY2(message.contains(QStringLiteral("chmod 0600 %1").arg(keyPath)), qPrintable(message));
    ::chmod(QFile::encodeName(keyPath).constData(), 0600);

    // A spool with an application sealed under this key ...
    {
        auto spool = Spool::open(dir.filePath(QStringLiteral("spool.sqlite")));
        QVERIFY(spool.ok());
        const Keyring key(DataKey::loadFile(keyPath, QStringLiteral("k")).value());
        const QByteArray manifest = SpoolSealing::sealManifest(R"({"applicationId":"a1"})", &key);
        spool.value()->locked([&](sqlite3 *db) {
            sqlite3_stmt *s = nullptr;
            sqlite3_prepare_v2(db,
                               "INSERT INTO applications (seq, id, reference, user_id, idempotency_key, received_at, "
                               "manifest) VALUES (1, 'a1', 'MDG-0000-00001-0', 'U1', 'k1', '2026-12-04T00:00:00Z', ?1)",
                               -1, &s, nullptr);
            sqlite3_bind_text(s, 1, manifest.constData(), int(manifest.size()), SQLITE_TRANSIENT);
            const int rc = sqlite3_step(s);
            sqlite3_finalize(s);
            return rc;
        });
        QDir().mkpath(spool.value()->filesDirectory() + QStringLiteral("/a1"));
        QVERIFY(SealedFile::write(spool.value()->filesDirectory() + QStringLiteral("/a1/frame0.jpg"), "image bytes", key).ok());
    }
    // ... and the receiver given another key: refused, naming the key, and nothing deleted or changed.
    const QByteArray before = SealedFile::keyIdOf(dir.filePath(QStringLiteral("spool.sqlite-files/a1/frame0.jpg")))
                                  .value()
                                  .has_value()
                                  ? QByteArray("sealed")
                                  : QByteArray();
    QVERIFY(QFile::rename(keyPath, keyPath + QStringLiteral(".old")));
    QVERIFY(DataKey::createFile(keyPath).ok());
    std::tie(code, message) = run(ini);
    QCOMPARE(code, 78);
    QVERIFY2(message.contains(QStringLiteral("not configured")) && message.contains(QStringLiteral("nothing was changed")),
             qPrintable(message));
    QCOMPARE(before, QByteArray("sealed"));
    const Keyring oldKey(DataKey::loadFile(keyPath + QStringLiteral(".old"), QStringLiteral("k")).value());
    QCOMPARE(SealedFile::read(dir.filePath(QStringLiteral("spool.sqlite-files/a1/frame0.jpg")), &oldKey).value(),
             QByteArray("image bytes"));

    // The rotation with the old key configured and the new one named: done, then the new key starts.
    QVERIFY(QFile::rename(keyPath, keyPath + QStringLiteral(".next")));
    QVERIFY(QFile::rename(keyPath + QStringLiteral(".old"), keyPath));
    std::tie(code, message) = run(ini, {QStringLiteral("--rotate-key"), keyPath + QStringLiteral(".next")});
    QCOMPARE(code, 0);
    const Keyring nextKey(DataKey::loadFile(keyPath + QStringLiteral(".next"), QStringLiteral("k")).value());
    QCOMPARE(SealedFile::read(dir.filePath(QStringLiteral("spool.sqlite-files/a1/frame0.jpg")), &nextKey).value(),
             QByteArray("image bytes"));
    QVERIFY(!SealedFile::read(dir.filePath(QStringLiteral("spool.sqlite-files/a1/frame0.jpg")), &oldKey).ok());
}

QTEST_GUILESS_MAIN(TestSpoolSealing)
#include "TestSpoolSealing.moc"
