// Encryption at rest of the case store's images (StoreKey, StoreRekey, `madoguchi-cli store`):
// sealed in the file, opened for the verification job and the clerk, stores from before
// encryption keep working and are sealed by a rotation, which may be interrupted and resumed,
// and a store whose key is missing or readable by others does not open.
#include "core/crypto/Keyring.h"
#if defined(Q_OS_WIN)
#include "core/crypto/WindowsFileAccess.h"
#endif
#include "core/store/ImageSanitizer.h"
#include "core/store/Sql.h"
#include "core/store/StoreKey.h"
#include "core/store/StoreRekey.h"
#include "tests/support/FilePrivacy.h"
#include "tests/support/StoreFixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <sys/stat.h>

using namespace mado;

namespace {

QByteArray noiseJpeg(int seed)
{
    cv::Mat image(120, 160, CV_8UC3);
    cv::RNG rng(uint64(seed) * 7919u + 17u);
    rng.fill(image, cv::RNG::UNIFORM, cv::Scalar::all(0), cv::Scalar::all(255));
    std::vector<uchar> encoded;
    cv::imencode(".jpg", image, encoded);
    return QByteArray(reinterpret_cast<const char *>(encoded.data()), int(encoded.size()));
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The store file and its log hold these bytes.
bool storeHolds(const QString &path, const QByteArray &bytes)
{
    return fileBytes(path).contains(bytes) || fileBytes(path + QStringLiteral("-wal")).contains(bytes);
}

} // namespace

class TestStoreSealing : public QObject {
    Q_OBJECT

private:
    // Imports a case with one image; returns its case id and the sanitised JPEG stored.
    std::pair<qint64, QByteArray> importCase(test::StoreFixture &f, int seed)
    {
        auto image = ImageSanitizer().sanitize(noiseJpeg(seed), QStringLiteral("document_front"));
        if (!image)
            return {0, {}};
        auto imported = f.store().storeImportedCase(f.bundle(), {image.value()}, std::nullopt, CaseStore::ImportHold{});
        return {imported ? imported.value().caseId : 0, image.value().jpeg()};
    }
    static QByteArray rawImage(CaseStore &store, qint64 caseId)
    {
        auto db = store.connections().database();
        auto bytes = Sql::scalar(db.value(), QStringLiteral("SELECT bytes FROM images WHERE case_id = :c"),
                                 {{QStringLiteral("c"), caseId}});
        return bytes ? bytes.value().toByteArray() : QByteArray();
    }

private Q_SLOTS:
    void imagesAreSealedInTheStoreFile()
    {
        test::StoreFixture f;
        QVERIFY(f.ok());
        const auto [caseId, jpeg] = importCase(f, 1);
        QVERIFY(caseId > 0);
        // A key file next to the store, private.
        const QString key = f.path() + QStringLiteral(".key");
        QVERIFY(QFile::exists(key));
        QCOMPARE(othersWhoMayRead(key), QString());
#if !defined(Q_OS_WIN)
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(key).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 07777), 0600);
#endif
        // Not a run of 64 bytes of the JPEG in the store file or its log; the row is sealed.
        QVERIFY(Keyring::isSealed(rawImage(f.store(), caseId)));
        for (qsizetype at = 0; at + 64 <= jpeg.size(); at += 997)
            QVERIFY2(!storeHolds(f.path(), jpeg.mid(at, 64)), qPrintable(QStringLiteral("JPEG bytes at %1 in the store").arg(at)));
        // Opened for the verification job and for a clerk (audited as before).
        QCOMPARE(f.store().imageForVerification(caseId, QStringLiteral("document_front")).value(), jpeg);
        QCOMPARE(f.store().viewImage(f.user(QStringLiteral("clerk1")), caseId, QStringLiteral("document_front")).value(),
                 jpeg);
    }

    void missingOrExposedKeyRefusesToOpen()
    {
        test::StoreFixture f;
        const auto [caseId, jpeg] = importCase(f, 2);
        QVERIFY(caseId > 0);
        const QString key = f.path() + QStringLiteral(".key");
        const QByteArray storeBefore = QCryptographicHash::hash(fileBytes(f.path()), QCryptographicHash::Sha256);

        QVERIFY(QFile::rename(key, key + QStringLiteral(".away")));
        auto refused = CaseStore::open(f.path(), f.clock());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("is missing")) &&
                     refused.error().message.contains(key),
                 qPrintable(refused.error().message));
        QVERIFY(!QFile::exists(key)); // no new key was made over sealed images
        QCOMPARE(QCryptographicHash::hash(fileBytes(f.path()), QCryptographicHash::Sha256), storeBefore);

        QVERIFY(QFile::rename(key + QStringLiteral(".away"), key));
        QVERIFY(exposeFileToEveryone(key));
        refused = CaseStore::open(f.path(), f.clock());
        QVERIFY(!refused.ok());
#if defined(Q_OS_WIN)
        const QString fix = WindowsFileAccess::fixCommand(key);
#else
        const QString fix = QStringLiteral("chmod 0600 %1").arg(key);
#endif
        QVERIFY2(refused.error().message.contains(fix), qPrintable(refused.error().message));
        QVERIFY(makeFilePrivate(key));
        auto reopened = CaseStore::open(f.path(), f.clock());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened.value()->imageForVerification(caseId, QStringLiteral("document_front")).value(), jpeg);
    }

    void imagesFromBeforeEncryptionStayReadableUntilRekey()
    {
        test::StoreFixture f;
        const auto [caseId, jpeg] = importCase(f, 3);
        // As a store before encryption held it.
        auto db = f.store().connections().database();
        QVERIFY(Sql::run(db.value(), QStringLiteral("UPDATE images SET bytes = :b WHERE case_id = :c"),
                         {{QStringLiteral("b"), jpeg}, {QStringLiteral("c"), caseId}})
                    .ok());
        QCOMPARE(f.store().imageForVerification(caseId, QStringLiteral("document_front")).value(), jpeg);
        QCOMPARE(StoreKey::countImages(db.value(), false).value(), 1);
        const QString oldId = f.store().keyring().current().idHex();

        const auto rekeyed = StoreRekey::run(f.store(), f.path());
        QVERIFY2(rekeyed.ok(), qPrintable(rekeyed.ok() ? QString() : rekeyed.error().message));
        QCOMPARE(rekeyed.value().resealed, 1);
        QVERIFY(rekeyed.value().finished);
        QVERIFY(rekeyed.value().keyId != oldId);
        QCOMPARE(StoreKey::countImages(db.value(), false).value(), 0);
        QVERIFY(!storeHolds(f.path(), jpeg.mid(jpeg.size() / 2, 64)));
        auto reopened = CaseStore::open(f.path(), f.clock());
        QVERIFY(reopened.ok());
        QCOMPARE(reopened.value()->keyring().current().idHex(), rekeyed.value().keyId);
        QCOMPARE(reopened.value()->imageForVerification(caseId, QStringLiteral("document_front")).value(), jpeg);
    }

    void interruptedRekeyLosesNothing()
    {
        test::StoreFixture f;
        std::vector<std::pair<qint64, QByteArray>> cases;
        for (int i = 0; i < 3; ++i)
            cases.push_back(importCase(f, 10 + i));
        const Keyring oldKeys = f.store().keyring();

        // Killed after the first image: the next key waits in "<key>.new".
        const auto partial = StoreRekey::run(f.store(), f.path(), 1);
        QVERIFY(partial.ok());
        QCOMPARE(partial.value().resealed, 1);
        QVERIFY(!partial.value().finished);
        QVERIFY(QFile::exists(StoreKey::nextKeyFileFor(f.path())));
        // Opened again (a restarted workstation): every image opens, under either key.
        {
            auto reopened = CaseStore::open(f.path(), f.clock());
            QVERIFY(reopened.ok());
            for (const auto &[caseId, jpeg] : cases)
                QCOMPARE(reopened.value()->imageForVerification(caseId, QStringLiteral("document_front")).value(), jpeg);
            // Run again from there: finished.
            const auto rest = StoreRekey::run(*reopened.value(), f.path());
            QVERIFY(rest.ok());
            QCOMPARE(rest.value().resealed, 2);
            QCOMPARE(rest.value().current, 1);
            QVERIFY(rest.value().finished);
            QCOMPARE(rest.value().keyId, partial.value().keyId);
        }
        QVERIFY(!QFile::exists(StoreKey::nextKeyFileFor(f.path())));
        auto after = CaseStore::open(f.path(), f.clock());
        QVERIFY(after.ok());
        QCOMPARE(after.value()->keyring().keys().size(), std::size_t(1));
        for (const auto &[caseId, jpeg] : cases) {
            QCOMPARE(after.value()->imageForVerification(caseId, QStringLiteral("document_front")).value(), jpeg);
            QVERIFY(!oldKeys.open(rawImage(*after.value(), caseId)).ok()); // the old key opens nothing now
        }
    }

    void cliRekeyAndKeyCommands()
    {
        test::StoreFixture f;
        const auto [caseId, jpeg] = importCase(f, 20);
        QProcess cli;
        cli.start(QStringLiteral(MADO_CLI_PATH), {QStringLiteral("store"), QStringLiteral("rekey"),
                                                  QStringLiteral("--store"), f.path()});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("rekey: 1 images sealed under key")), qPrintable(out));
        cli.start(QStringLiteral(MADO_CLI_PATH), {QStringLiteral("store"), QStringLiteral("key"),
                                                  QStringLiteral("--store"), f.path()});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY(QString::fromUtf8(cli.readAllStandardOutput()).contains(QStringLiteral("1 images sealed, 0 stored before")));
        auto reopened = CaseStore::open(f.path(), f.clock());
        QCOMPARE(reopened.value()->imageForVerification(caseId, QStringLiteral("document_front")).value(), jpeg);
    }
};

QTEST_GUILESS_MAIN(TestStoreSealing)
#include "TestStoreSealing.moc"
