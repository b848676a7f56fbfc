#include "core/store/CaseStore.h"
#include "tests/station/ReceiverFixture.h"
#include "tests/support/CliRun.h"
#include "tests/support/StoreFixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// madoguchi-cli import --once against a real receiver on loopback and a real store file.
class TestCliImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importOnceStoresAndAcknowledges();
    void receiverDownIsExitOne();
    void missingTokenFileIsASetupError();
    void plainHttpToAnotherHostIsRefused();

private:
    using Run = test::CliRun;
    static test::CliRun cli(const QStringList &arguments);
    QStringList importArguments() const;

    QTemporaryDir m_dir;
    std::unique_ptr<test::ReceiverFixture> m_rx;
    std::unique_ptr<test::StoreFixture> m_store;
    QString m_tokenFile;
};

void TestCliImport::init()
{
    QVERIFY(m_dir.isValid());
    m_rx = std::make_unique<test::ReceiverFixture>();
    QVERIFY(m_rx->ok());
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
    m_tokenFile = m_dir.filePath(QStringLiteral("token"));
    QFile token(m_tokenFile);
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write(test::ReceiverFixture::token() + '\n');
    token.close();
    QVERIFY(QFile::setPermissions(m_tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

void TestCliImport::cleanup()
{
    m_rx.reset();
    m_store.reset();
}

test::CliRun TestCliImport::cli(const QStringList &arguments)
{
    return test::runCli(QStringLiteral(MADO_CLI_PATH), arguments);
}

QStringList TestCliImport::importArguments() const
{
    return {QStringLiteral("import"),       QStringLiteral("--once"),
            QStringLiteral("--receiver"),   QStringLiteral("http://127.0.0.1:%1").arg(m_rx->workstationPort()),
            QStringLiteral("--token-file"), m_tokenFile,
            QStringLiteral("--store"),      m_store->path()};
}

void TestCliImport::importOnceStoresAndAcknowledges()
{
    QVERIFY(!m_rx->submit(1).isEmpty());
    QVERIFY(!m_rx->submit(2).isEmpty());
    const Run run = cli(importArguments());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("2 leased, 2 imported, 0 already stored, 0 failed")), qPrintable(run.out));
    // The token never appears in the output.
    QVERIFY(!run.out.contains(QString::fromLatin1(test::ReceiverFixture::token())));
    QVERIFY(!run.err.contains(QString::fromLatin1(test::ReceiverFixture::token())));
    QCOMPARE(m_store->store().statistics().value().value(QStringLiteral("table:cases")), 2);
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT count(*) FROM applications WHERE state = 'acknowledged'")),
             QStringLiteral("2"));
    // Nothing left: a second run imports nothing and succeeds.
    const Run again = cli(importArguments());
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains(QStringLiteral("0 leased")));
}

void TestCliImport::receiverDownIsExitOne()
{
    QVERIFY(!m_rx->submit(1).isEmpty());
    m_rx->stopWorkstationServer();
    const Run run = cli(importArguments());
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains(QStringLiteral("import failed")));
    QCOMPARE(m_store->store().statistics().value().value(QStringLiteral("table:cases")), 0);
}

void TestCliImport::missingTokenFileIsASetupError()
{
    QStringList arguments = importArguments();
    arguments[5] = m_dir.filePath(QStringLiteral("no-such-token"));
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("--once")}).exitCode, 64);
}

void TestCliImport::plainHttpToAnotherHostIsRefused()
{
    QVERIFY(!m_rx->submit(1).isEmpty());
    QStringList arguments = importArguments();
    // 192.0.2.0/24 is TEST-NET-1: refused before any connection is tried.
    arguments[3] = QStringLiteral("http://192.0.2.10:%1").arg(m_rx->workstationPort());
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 64);
    QVERIFY2(run.err.contains(QStringLiteral("use https://")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QLatin1String(test::ReceiverFixture::token())));
    QCOMPARE(m_store->store().statistics().value().value(QStringLiteral("table:cases")), 0);
    // (importOnceStoresAndAcknowledges: http:// to 127.0.0.1 is accepted.)
}

QTEST_GUILESS_MAIN(TestCliImport)
#include "TestCliImport.moc"
