// DataKey and KeyFileCheck: keys from files and systemd credentials, refused when others could
// read them, with a message that says the fix.
#include "core/crypto/DataKey.h"
#include "core/crypto/KeyFileCheck.h"
#include "core/crypto/Keyring.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#if defined(Q_OS_WIN)
#include "core/crypto/OwnerOnlyFile.h"
#include "core/crypto/WindowsFileAccess.h"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>

#include <sddl.h>
#else
#include <sys/stat.h>
#endif

using namespace mado;

namespace {

// A POSIX mode as Qt permissions (owner bits also as the user's).
QFileDevice::Permissions permissions(int mode)
{
    QFileDevice::Permissions result;
    if (mode & 0400)
        result |= QFileDevice::ReadOwner | QFileDevice::ReadUser;
    if (mode & 0200)
        result |= QFileDevice::WriteOwner | QFileDevice::WriteUser;
    if (mode & 0040)
        result |= QFileDevice::ReadGroup;
    if (mode & 0020)
        result |= QFileDevice::WriteGroup;
    if (mode & 0004)
        result |= QFileDevice::ReadOther;
    if (mode & 0002)
        result |= QFileDevice::WriteOther;
    return result;
}

QString writeKey(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes, int mode)
{
    const QString path = dir.filePath(name);
#if defined(Q_OS_WIN)
    // No mode bits on Windows: the modes called private here (none for others) become an access
    // list naming this user only; the tests of readable modes are POSIX-only.
    Q_UNUSED(mode)
    OwnerOnlyFile owned;
    if (!owned.create(path, QStringLiteral("key file")).ok() || !owned.write(bytes) || !owned.commit().ok())
        return QString();
    return path;
#endif
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return QString();
    file.close();
    QFile::setPermissions(path, permissions(mode));
    return path;
}

} // namespace

class TestDataKey : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void idDependsOnTheKeyOnly()
    {
        const QByteArray raw(32, 'k');
        QCOMPARE(DataKey::fromBytes(raw).value().id(), DataKey::fromBytes(raw).value().id());
        QVERIFY(DataKey::fromBytes(raw).value().id() != DataKey::fromBytes(QByteArray(32, 'j')).value().id());
        QCOMPARE(DataKey::fromBytes(raw).value().idHex().size(), 16);
        QVERIFY(!DataKey::fromBytes(QByteArray(31, 'k')).ok());
        QVERIFY(!DataKey::fromBytes(QByteArray(33, 'k')).ok());
    }

    void privateKeyFilesAreAccepted_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0600") << 0600;
        QTest::newRow("0400") << 0400;
        QTest::newRow("0640 own group") << 0640;
    }
    void privateKeyFilesAreAccepted()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QByteArray raw(32, 's');
        const QString path = writeKey(dir, QStringLiteral("spool.key"), raw, mode);
        const auto key = DataKey::loadFile(path, QStringLiteral("spool.key_file"));
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message));
        QCOMPARE(key.value().id(), DataKey::fromBytes(raw).value().id());
    }

    void readableKeyFileIsRefusedWithTheFix_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("problem");
        QTest::newRow("0644") << 0644 << QStringLiteral("every user may read or change it");
        QTest::newRow("0604") << 0604 << QStringLiteral("every user may read or change it");
        QTest::newRow("0660") << 0660 << QStringLiteral("its group may change it");
        QTest::newRow("0666") << 0666 << QStringLiteral("every user may read or change it");
    }
    void readableKeyFileIsRefusedWithTheFix()
    {
#if defined(Q_OS_WIN)
        QSKIP("Windows files have no POSIX owner and mode (their access lists: windowsAccessListDecides)");
#endif
        QFETCH(int, mode);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        const QString path = writeKey(dir, QStringLiteral("spool.key"), QByteArray(32, 's'), mode);
        const auto key = DataKey::loadFile(path, QStringLiteral("spool.key_file"));
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
        const QString message = key.error().message;
        QVERIFY2(message.startsWith(QStringLiteral("spool.key_file: '%1' is not kept secret").arg(path)),
                 qPrintable(message));
        QVERIFY2(message.contains(problem), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("chmod 0600 %1; chown %2 %1")
                                      .arg(path, KeyFileCheck::current().userName)),
                 qPrintable(message));
        // Following the advice makes it pass.
        QFile::setPermissions(path, permissions(0600));
        QVERIFY(DataKey::loadFile(path, QStringLiteral("spool.key_file")).ok());
    }

    void foreignOwnerOrGroupIsRefused()
    {
#if defined(Q_OS_WIN)
        QSKIP("Windows files have no POSIX owner and mode (their access lists: windowsAccessListDecides)");
#endif
        QTemporaryDir dir;
        const QString path = writeKey(dir, QStringLiteral("k"), QByteArray(32, 's'), 0640);
        KeyFileCheck::Identity me = KeyFileCheck::current();
        QVERIFY(KeyFileCheck::check(QStringLiteral("k"), path, me).ok());
        // The same file seen by a process of another group: its group may read it, so refused.
        KeyFileCheck::Identity otherGroup = me;
        otherGroup.gid = otherGroup.primaryGid = me.gid + 4242;
        otherGroup.groupName = QStringLiteral("madoguchi");
        const Status refused = KeyFileCheck::check(QStringLiteral("k"), path, otherGroup);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("not the group madoguchi, may read it")),
                 qPrintable(refused.error().message));
        // Owned by someone else (not root): refused whatever the mode.
        QFile::setPermissions(path, permissions(0600));
        KeyFileCheck::Identity otherUser = me;
        otherUser.uid = me.uid == 0 ? 4242 : me.uid + 1;
        if (me.uid != 0) // a file of our own user seen by another non-root user
            QVERIFY(!KeyFileCheck::check(QStringLiteral("k"), path, otherUser).ok());
    }

    void windowsAccessListDecides()
    {
#if !defined(Q_OS_WIN)
        QSKIP("Windows access lists; the POSIX owner and mode are tested above");
#else
        QTemporaryDir dir;
        const QString mine = writeKey(dir, QStringLiteral("mine.key"), QByteArray(32, 'w'), 0600);
        QVERIFY(KeyFileCheck::check(QStringLiteral("k"), mine).ok());
        // A key file whose access list lets Everyone (WD) read and change it.
        const QString shared = dir.filePath(QStringLiteral("shared.key"));
        PSECURITY_DESCRIPTOR descriptor = nullptr;
        QVERIFY(::ConvertStringSecurityDescriptorToSecurityDescriptorW(L"D:P(A;;FA;;;WD)", SDDL_REVISION_1, &descriptor,
                                                                       nullptr));
        SECURITY_ATTRIBUTES attributes{sizeof(SECURITY_ATTRIBUTES), descriptor, FALSE};
        const HANDLE file = ::CreateFileW(reinterpret_cast<const wchar_t *>(shared.utf16()), GENERIC_WRITE, 0,
                                          &attributes, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
        ::LocalFree(descriptor);
        QVERIFY(file != INVALID_HANDLE_VALUE);
        DWORD written = 0;
        QVERIFY(::WriteFile(file, QByteArray(32, 'e').constData(), 32, &written, nullptr) && written == 32);
        ::CloseHandle(file);
        const auto others = WindowsFileAccess::othersWithAccess(shared);
        QVERIFY(others.ok());
        QCOMPARE(others.value().size(), 1);
        const auto key = DataKey::loadFile(shared, QStringLiteral("spool.key_file"));
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
        const QString message = key.error().message;
        QVERIFY2(message.startsWith(QStringLiteral("spool.key_file: '%1' is not kept secret").arg(shared)),
                 qPrintable(message));
        QVERIFY2(message.contains(others.value().first()) && message.contains(QStringLiteral("icacls")),
                 qPrintable(message));
#endif
    }

    void malformedAndMissingKeyFiles()
    {
        QTemporaryDir dir;
        const QString shortKey = writeKey(dir, QStringLiteral("short"), QByteArray(16, 's'), 0600);
        auto key = DataKey::loadFile(shortKey, QStringLiteral("spool.key_file"));
        QVERIFY(!key.ok());
        QVERIFY2(key.error().message.contains(QStringLiteral("exactly 32 bytes")), qPrintable(key.error().message));
        const QString hexKey = writeKey(dir, QStringLiteral("hex"), QByteArray(64, 'a') + '\n', 0600);
        QVERIFY(!DataKey::loadFile(hexKey, QStringLiteral("spool.key_file")).ok());
        key = DataKey::loadFile(dir.filePath(QStringLiteral("absent")), QStringLiteral("spool.key_file"));
        QVERIFY(!key.ok());
#ifdef Q_OS_WIN
        const QString hint = QStringLiteral("restore the key file from the key backup");
#else
        const QString hint = QStringLiteral("head -c 32 /dev/urandom > ") + dir.filePath(QStringLiteral("absent"));
#endif
        QVERIFY2(key.error().message.contains(QStringLiteral("does not exist")) && key.error().message.contains(hint),
                 qPrintable(key.error().message));
    }

    void systemdCredential()
    {
        QTemporaryDir dir;
        const QByteArray raw(32, 'c');
        writeKey(dir, QStringLiteral("spool-key"), raw, 0400);
        qunsetenv("CREDENTIALS_DIRECTORY");
        auto key = DataKey::loadCredential(QStringLiteral("spool-key"), QStringLiteral("spool.key_credential"));
        QVERIFY(!key.ok());
        QVERIFY(key.error().message.contains(QStringLiteral("LoadCredential=spool-key")));
        qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(dir.path()));
        key = DataKey::loadCredential(QStringLiteral("spool-key"), QStringLiteral("spool.key_credential"));
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message));
        QCOMPARE(key.value().id(), DataKey::fromBytes(raw).value().id());
        QVERIFY(!DataKey::loadCredential(QStringLiteral("../spool-key"), QStringLiteral("x")).ok());
        qunsetenv("CREDENTIALS_DIRECTORY");
    }

    void createdKeyFileIsPrivateAndLoads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.sqlite.key"));
#if defined(Q_OS_WIN)
        const auto created = DataKey::createFile(path);
        QVERIFY(created.ok());
#else
        const mode_t old = ::umask(0); // whatever the umask, the file is 0600
        const auto created = DataKey::createFile(path);
        ::umask(old);
        QVERIFY(created.ok());
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 07777), 0600);
#endif
        QCOMPARE(QFile(path).size(), 32);
        QCOMPARE(DataKey::loadFile(path, QStringLiteral("key")).value().id(), created.value().id());
        QVERIFY(!DataKey::createFile(path).ok()); // never replaces a key
        // Two fresh keys differ.
        QVERIFY(DataKey::generate().id() != DataKey::generate().id());
    }
};

QTEST_GUILESS_MAIN(TestDataKey)
#include "TestDataKey.moc"
