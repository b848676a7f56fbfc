#include "core/store/StoreLocation.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// Where the workstation and madoguchi-cli find the store: the command line first, then
// $MADOGUCHI_STORE, then the per-user data directory (QStandardPaths' test mode keeps it apart from
// the real one).
class TestStoreLocation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void commandLineWins();
    void environmentIsSecond();
    void defaultIsTheUsersDataDirectory();
    void requireExistingNamesTheFileAndTheFix();
};

void TestStoreLocation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStoreLocation::cleanup()
{
    qunsetenv("MADOGUCHI_STORE");
}

void TestStoreLocation::commandLineWins()
{
    qputenv("MADOGUCHI_STORE", "/from/environment.sqlite");
    QCOMPARE(StoreLocation::resolve(QStringLiteral("/from/option.sqlite")), QStringLiteral("/from/option.sqlite"));
}

void TestStoreLocation::environmentIsSecond()
{
    qputenv("MADOGUCHI_STORE", "/from/environment.sqlite");
    QCOMPARE(StoreLocation::resolve(QString()), QStringLiteral("/from/environment.sqlite"));
}

void TestStoreLocation::defaultIsTheUsersDataDirectory()
{
    qunsetenv("MADOGUCHI_STORE");
    const QString expected = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                             QStringLiteral("/madoguchi/store.sqlite");
    QCOMPARE(StoreLocation::defaultPath(), expected);
    QCOMPARE(StoreLocation::resolve(QString()), expected);
    // An empty variable counts as unset.
    qputenv("MADOGUCHI_STORE", "");
    QCOMPARE(StoreLocation::resolve(QString()), expected);
}

void TestStoreLocation::requireExistingNamesTheFileAndTheFix()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    const Status missing = StoreLocation::requireExisting(path);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().message.contains(path));
    QVERIFY(missing.error().message.contains(QStringLiteral("madoguchi-cli init")));
    // A directory is not a store.
    QVERIFY(!StoreLocation::requireExisting(dir.path()).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(StoreLocation::requireExisting(path).ok());
}

QTEST_GUILESS_MAIN(TestStoreLocation)
#include "TestStoreLocation.moc"
