#include "core/station/ReceiverTokenFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// The workstation token file as madoguchi-cli import and the workstation read it: real files with
// real permissions in a temporary directory.
class TestReceiverTokenFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsTheTokenWithoutTheNewline();
    void privateFileHasNoWarning();
    void readableByOthersIsAWarning();
    void refusals_data();
    void refusals();
    void messagesNeverContainTheToken();

private:
    QString write(const QString &name, const QByteArray &content,
                  QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QTemporaryDir m_dir;
};

QString TestReceiverTokenFile::write(const QString &name, const QByteArray &content,
                                     QFileDevice::Permissions permissions)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QString();
    file.write(content);
    file.close();
    QFile::setPermissions(path, permissions);
    return path;
}

void TestReceiverTokenFile::readsTheTokenWithoutTheNewline()
{
    auto token = ReceiverTokenFile::read(write(QStringLiteral("t1"), "s3cr3t-token\n"));
    QVERIFY(token.ok());
    QCOMPARE(token.value().value, QByteArray("s3cr3t-token"));
    // Exactly the limit, plus a newline, is accepted.
    auto limit =
        ReceiverTokenFile::read(write(QStringLiteral("t2"), QByteArray(ReceiverTokenFile::kMaxBytes, 'a') + '\n'));
    QVERIFY(limit.ok());
    QCOMPARE(limit.value().value.size(), ReceiverTokenFile::kMaxBytes);
}

void TestReceiverTokenFile::privateFileHasNoWarning()
{
    auto token = ReceiverTokenFile::read(write(QStringLiteral("t3"), "abc"));
    QVERIFY(token.ok());
    QVERIFY(token.value().warning.isEmpty());
}

void TestReceiverTokenFile::readableByOthersIsAWarning()
{
    const QString path =
        write(QStringLiteral("t4"), "abc",
              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    auto token = ReceiverTokenFile::read(path);
    QVERIFY(token.ok());
    QCOMPARE(token.value().value, QByteArray("abc"));
    QVERIFY(token.value().warning.contains(path));
    QVERIFY(token.value().warning.contains(QStringLiteral("chmod 600")));
}

void TestReceiverTokenFile::refusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("code");
    QTest::addRow("empty") << QStringLiteral("e1") << QByteArray() << int(ErrorCode::InvalidArgument);
    QTest::addRow("white space only") << QStringLiteral("e2") << QByteArray(" \n\t\n")
                                      << int(ErrorCode::InvalidArgument);
    QTest::addRow("one byte too large") << QStringLiteral("e3") << QByteArray(ReceiverTokenFile::kMaxBytes + 1, 'a')
                                        << int(ErrorCode::InvalidArgument);
    QTest::addRow("missing") << QString() << QByteArray() << int(ErrorCode::Io);
}

void TestReceiverTokenFile::refusals()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(int, code);
    const QString path = name.isEmpty() ? m_dir.filePath(QStringLiteral("no-such-file")) : write(name, content);
    auto token = ReceiverTokenFile::read(path);
    QVERIFY(!token.ok());
    QCOMPARE(int(token.error().code), code);
    QVERIFY(token.error().message.contains(path));
    QVERIFY(!ReceiverTokenFile::read(QString()).ok());
    QVERIFY(!ReceiverTokenFile::read(m_dir.path()).ok()); // a directory
}

void TestReceiverTokenFile::messagesNeverContainTheToken()
{
    const QByteArray secret = "very-secret-" + QByteArray(ReceiverTokenFile::kMaxBytes, 'x');
    auto tooLarge =
        ReceiverTokenFile::read(write(QStringLiteral("s1"), secret, QFileDevice::ReadOwner | QFileDevice::ReadOther));
    QVERIFY(!tooLarge.ok());
    QVERIFY(!tooLarge.error().message.contains(QStringLiteral("very-secret")));
    auto shared = ReceiverTokenFile::read(
        write(QStringLiteral("s2"), "very-secret", QFileDevice::ReadOwner | QFileDevice::ReadOther));
    QVERIFY(shared.ok());
    QVERIFY(!shared.value().warning.contains(QStringLiteral("very-secret")));
}

QTEST_GUILESS_MAIN(TestReceiverTokenFile)
#include "TestReceiverTokenFile.moc"
