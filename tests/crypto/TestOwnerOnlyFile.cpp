// OwnerOnlyFile: the portable way core/crypto creates secret files (exclusive, owner-only, synced)
// and replaces them in one step.
#include "core/crypto/OwnerOnlyFile.h"
#if defined(Q_OS_WIN)
#include "core/crypto/WindowsFileAccess.h"
#endif

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace mado;

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestOwnerOnlyFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesAllBytesAndOnlyTheOwnerMayReadThem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secret"));
        const QByteArray bytes = QByteArray(100000, 'x') + QByteArray("end");
        OwnerOnlyFile file;
        QVERIFY(file.create(path, QStringLiteral("key file")).ok());
        QVERIFY(file.write(bytes.left(10)));
        QVERIFY(file.write(bytes.mid(10)));
        QVERIFY(file.commit().ok());
        QCOMPARE(contents(path), bytes);
#if defined(Q_OS_WIN)
        // Its access list names this user only: nobody else may read it.
        const auto others = WindowsFileAccess::othersWithAccess(path);
        QVERIFY2(others.ok(), qPrintable(others.ok() ? QString() : others.error().message));
        QVERIFY2(others.value().isEmpty(), qPrintable(others.value().join(QStringLiteral(", "))));
#else
        QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
#endif
    }

    void refusesAnExistingPathAndSaysWhich()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("taken"));
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("old");
        existing.close();
        OwnerOnlyFile file;
        const Status created = file.create(path, QStringLiteral("key file"));
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, ErrorCode::Io);
        QVERIFY(created.error().message.contains(QStringLiteral("key file")));
        QVERIFY(created.error().message.contains(path));
        QCOMPARE(contents(path), QByteArray("old"));
    }

    void anUncommittedFileIsRemoved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("half"));
        {
            OwnerOnlyFile file;
            QVERIFY(file.create(path, QStringLiteral("sealed file")).ok());
            QVERIFY(file.write("half written"));
            QVERIFY(QFile::exists(path));
        }
        QVERIFY(!QFile::exists(path));
    }

    void replaceMovesOverAnExistingFile()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("blob"));
        const QString fresh = dir.filePath(QStringLiteral(".new-blob"));
        for (const auto &[path, text] : {std::pair{target, QByteArray("old")}, std::pair{fresh, QByteArray("new")}}) {
            OwnerOnlyFile file;
            QVERIFY(file.create(path, QStringLiteral("sealed file")).ok());
            QVERIFY(file.write(text));
            QVERIFY(file.commit().ok());
        }
        QVERIFY(OwnerOnlyFile::replace(fresh, target).ok());
        QCOMPARE(contents(target), QByteArray("new"));
        QVERIFY(!QFile::exists(fresh));
        const Status missing = OwnerOnlyFile::replace(fresh, target);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(target));
    }
};

QTEST_GUILESS_MAIN(TestOwnerOnlyFile)
#include "TestOwnerOnlyFile.moc"
