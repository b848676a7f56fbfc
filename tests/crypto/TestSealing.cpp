// The sealed format (SealStream, Keyring, SealedFile): round trips, and every way the bytes can be
// changed or cut is refused.
#include "core/crypto/Keyring.h"
#include "core/crypto/SealStream.h"
#include "core/crypto/SealedFile.h"
#include "tests/support/FilePrivacy.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#ifndef Q_OS_WIN
#include <unistd.h>
#endif

using namespace mado;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.bounded(256));
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestSealing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEverySize_data()
    {
        QTest::addColumn<int>("size");
        const int chunk = SealingStream::kChunkBytes;
        for (int size : {0, 1, 100, chunk - 1, chunk, chunk + 1, 2 * chunk, 3 * chunk + 17, 4 * 1024 * 1024})
            QTest::addRow("%d", size) << size;
    }
    void roundTripsEverySize()
    {
        QFETCH(int, size);
        const Keyring keyring(DataKey::generate());
        const QByteArray plain = randomBytes(size, quint32(size) + 1);
        const QByteArray sealed = keyring.seal(plain);
        QCOMPARE(sealed.size(), SealingStream::sealedSize(size));
        QVERIFY(Keyring::isSealed(sealed));
        QCOMPARE(*Keyring::keyIdOf(sealed), keyring.current().id());
        if (size >= 16)
            QVERIFY(!sealed.contains(plain.left(16)));
        const auto opened = keyring.open(sealed);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        QCOMPARE(opened.value(), plain);
    }

    void streamsInAnyPieces()
    {
        const Keyring keyring(DataKey::generate());
        const QByteArray plain = randomBytes(3 * SealingStream::kChunkBytes + 5, 7);
        // Sealed in odd pieces ...
        SealingStream sealing(keyring.current());
        QByteArray sealed;
        for (qsizetype at = 0; at < plain.size(); at += 1000)
            sealed += sealing.push(QByteArrayView(plain).sliced(at, std::min<qsizetype>(1000, plain.size() - at)));
        sealed += sealing.finish();
        // ... and opened in other odd pieces: the same bytes.
        OpeningStream opening(keyring);
        QByteArray out;
        for (qsizetype at = 0; at < sealed.size(); at += 777)
            QVERIFY(opening.push(QByteArrayView(sealed).sliced(at, std::min<qsizetype>(777, sealed.size() - at)), out).ok());
        QVERIFY(opening.finish(out).ok());
        QCOMPARE(out, plain);
    }

    void sameBytesSealDifferently()
    {
        const Keyring keyring(DataKey::generate());
        QVERIFY(keyring.seal("same") != keyring.seal("same"));
    }

    void tamperedByteIsRefused()
    {
        const Keyring keyring(DataKey::generate());
        const QByteArray sealed = keyring.seal(randomBytes(2 * SealingStream::kChunkBytes + 100, 3));
        // Every region: the key id in the prefix, the stream header, the first chunk, the last chunk's tag.
        for (qsizetype at : {qsizetype(6), qsizetype(SealingStream::kPrefixBytes + 3),
                             qsizetype(SealingStream::kHeaderBytes + 10), sealed.size() / 2, sealed.size() - 1}) {
            QByteArray changed = sealed;
            changed[at] = char(changed[at] ^ 0x01);
            const auto opened = keyring.open(changed);
            QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("byte %1 changed, still opened").arg(at)));
        }
    }

    void truncatedIsRefused()
    {
        const Keyring keyring(DataKey::generate());
        const int chunk = SealingStream::kChunkBytes + SealingStream::kChunkOverhead;
        const QByteArray sealed = keyring.seal(randomBytes(3 * SealingStream::kChunkBytes + 100, 4));
        // Cut inside a chunk, exactly at chunk boundaries (whole chunks left), inside the header, one byte short.
        for (qsizetype keep : {qsizetype(SealingStream::kHeaderBytes + chunk), qsizetype(SealingStream::kHeaderBytes + 2 * chunk),
                               qsizetype(SealingStream::kHeaderBytes + 3 * chunk), qsizetype(SealingStream::kHeaderBytes),
                               qsizetype(20), sealed.size() - 1, sealed.size() / 2}) {
            const auto opened = keyring.open(sealed.left(keep));
            QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("cut to %1 bytes, still opened").arg(keep)));
            QCOMPARE(opened.error().code, ErrorCode::InvalidArgument);
        }
        // Bytes appended after the end are refused too.
        QVERIFY(!keyring.open(sealed + QByteArray(1, 'x')).ok());
        QVERIFY(!keyring.open(sealed + sealed).ok());
    }

    void droppedOrSwappedChunkIsRefused()
    {
        const Keyring keyring(DataKey::generate());
        const int chunk = SealingStream::kChunkBytes + SealingStream::kChunkOverhead;
        const QByteArray sealed = keyring.seal(randomBytes(3 * SealingStream::kChunkBytes + 100, 5));
        const QByteArray head = sealed.left(SealingStream::kHeaderBytes);
        const QByteArray c1 = sealed.mid(SealingStream::kHeaderBytes, chunk);
        const QByteArray c2 = sealed.mid(SealingStream::kHeaderBytes + chunk, chunk);
        const QByteArray rest = sealed.mid(SealingStream::kHeaderBytes + 2 * chunk);
        QVERIFY(!keyring.open(head + c2 + c1 + rest).ok());
        QVERIFY(!keyring.open(head + c1 + rest).ok());
        QVERIFY(keyring.open(head + c1 + c2 + rest).ok());
    }

    void wrongKeyIsRefused()
    {
        const Keyring mine(DataKey::generate());
        const Keyring other(DataKey::generate());
        const QByteArray sealed = mine.seal("personal data");
        const auto opened = other.open(sealed);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
        QVERIFY(opened.error().message.contains(mine.current().idHex()));
        // A forged key id (the other key's) does not help: the id is authenticated.
        QByteArray forged = sealed;
        std::copy(other.current().id().begin(), other.current().id().end(), forged.begin() + 5);
        const auto forgedOpen = other.open(forged);
        QVERIFY(!forgedOpen.ok());
        QCOMPARE(forgedOpen.error().code, ErrorCode::InvalidArgument);
    }

    void olderKeysStillOpen()
    {
        const DataKey old = DataKey::generate();
        const QByteArray sealedOld = Keyring(old).seal("before rotation");
        const Keyring rotating(DataKey::generate(), {old});
        QCOMPARE(rotating.open(sealedOld).value(), QByteArray("before rotation"));
        // New data is sealed with the current key only.
        QCOMPARE(*Keyring::keyIdOf(rotating.seal("after")), rotating.current().id());
        QVERIFY(!Keyring(old).open(rotating.seal("after")).ok());
    }

    void plainDataIsNotTakenForSealed()
    {
        QVERIFY(!Keyring::isSealed(QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(64, 'a')));
        QVERIFY(!Keyring::isSealed(QByteArray(R"({"applicationId":"x"})")));
        QVERIFY(!Keyring::isSealed(QByteArray("MDG")));
        const Keyring keyring(DataKey::generate());
        QVERIFY(!keyring.open(QByteArray(R"({"applicationId":"x"})")).ok());
    }

    void filesRoundTripAndReseal()
    {
        QTemporaryDir dir;
        const DataKey oldKey = DataKey::generate();
        const Keyring oldRing(oldKey);
        const QString path = dir.filePath(QStringLiteral("frame0.jpg"));
        const QByteArray plain = randomBytes(4 * 1024 * 1024 + 3, 9);
        QVERIFY(SealedFile::write(path, plain, oldRing).ok());
        QCOMPARE(othersWhoMayRead(path), QString());
        QVERIFY(!SealedFile::write(path, plain, oldRing).ok()); // never overwrites
        QCOMPARE(SealedFile::read(path, &oldRing).value(), plain);
        QVERIFY(!readFile(path).contains(plain.mid(1000, 32)));
        QCOMPARE(SealedFile::read(path, nullptr).error().code, ErrorCode::NotFound);

        const Keyring newRing(DataKey::generate(), {oldKey});
        QCOMPARE(SealedFile::reseal(path, newRing).value(), true);
        QCOMPARE(*SealedFile::keyIdOf(path).value(), newRing.current().id());
        QCOMPARE(SealedFile::reseal(path, newRing).value(), false); // already under the new key
        QVERIFY(!SealedFile::read(path, &oldRing).ok());
        QCOMPARE(SealedFile::read(path, &newRing).value(), plain);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral(".reseal-frame0.jpg"))));

        // A plain file (written before encryption) reads as it is and is sealed by reseal().
        const QString legacy = dir.filePath(QStringLiteral("legacy.jpg"));
        writeFile(legacy, plain.left(1000));
        QCOMPARE(SealedFile::read(legacy, &newRing).value(), plain.left(1000));
        QVERIFY(!SealedFile::keyIdOf(legacy).value().has_value());
        QCOMPARE(SealedFile::reseal(legacy, newRing).value(), true);
        QVERIFY(Keyring::isSealed(readFile(legacy)));
        QCOMPARE(SealedFile::read(legacy, &newRing).value(), plain.left(1000));
    }

    void resealLeavesNoOldBytesInTheReplacedFile()
    {
        // A second name for the file (a hard link) keeps the replaced inode reachable, so the test
        // can read what its blocks hold after reseal(): zeros, not the old ciphertext (or, for a
        // file from before encryption, the plaintext).
#ifdef Q_OS_WIN
        QSKIP("Linux only: on Windows OwnerOnlyFile::replace moves the new file over with MoveFileEx "
              "and does not zero the replaced one (docs/install-windows.md)");
#else
        QTemporaryDir dir;
        const DataKey oldKey = DataKey::generate();
        const Keyring newRing(DataKey::generate(), {oldKey});
        const QString sealed = dir.filePath(QStringLiteral("frame0.jpg"));
        QVERIFY(SealedFile::write(sealed, randomBytes(300000, 12), Keyring(oldKey)).ok());
        const QString legacy = dir.filePath(QStringLiteral("legacy.jpg"));
        const QByteArray plain = randomBytes(100000, 13);
        writeFile(legacy, plain);
        for (const QString &path : {sealed, legacy}) {
            const QByteArray before = readFile(path);
            const QString link = path + QStringLiteral(".link");
            QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()), 0);
            QCOMPARE(SealedFile::reseal(path, newRing).value(), true);
            const QByteArray replaced = readFile(link);
            QCOMPARE(replaced.size(), before.size());
            QCOMPARE(replaced, QByteArray(before.size(), '\0'));
            QVERIFY(SealedFile::read(path, &newRing).ok());
        }
        QCOMPARE(SealedFile::read(legacy, &newRing).value(), plain);
#endif
    }

    void damagedFileIsRefused()
    {
        QTemporaryDir dir;
        const Keyring keyring(DataKey::generate());
        const QString path = dir.filePath(QStringLiteral("a.jpg"));
        QVERIFY(SealedFile::write(path, randomBytes(300000, 11), keyring).ok());
        QByteArray bytes = readFile(path);
        writeFile(path, bytes.left(bytes.size() - 100));
        QCOMPARE(SealedFile::read(path, &keyring).error().code, ErrorCode::InvalidArgument);
        bytes[200000] = char(bytes[200000] ^ 0x80);
        writeFile(path, bytes);
        QCOMPARE(SealedFile::read(path, &keyring).error().code, ErrorCode::InvalidArgument);
    }

    void leftoversAreRemoved()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral(".reseal-x.jpg")), "partial");
        writeFile(dir.filePath(QStringLiteral("x.jpg")), "kept");
        QCOMPARE(SealedFile::removeLeftovers(dir.path()), 1);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("x.jpg"))));
    }
};

QTEST_GUILESS_MAIN(TestSealing)
#include "TestSealing.moc"
