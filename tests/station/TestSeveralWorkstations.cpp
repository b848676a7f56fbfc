#include "core/security/UserDirectory.h"
#include "core/store/Sql.h"
#include "tests/station/ReceiverFixture.h"
#include "tests/support/StoreFixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace mado;

// Several workstations, one queue (issue 15): separate processes (madoguchi-desksim, one
// supervisor each) import from one receiver on loopback while the applications arrive, then claim,
// decide, batch, approve and issue concurrently on one store. Afterwards the store itself is
// checked: every application imported exactly once, no case decided twice, no batch approved by
// a supervisor who decided one of its cases, certificate numbers gapless and unique, and the audit
// chain verifies (madoguchi-cli audit verify). PostgreSQL (TestSeveralWorkstations_pg): 4
// processes. SQLite: 2 processes on one file (WAL, BEGIN IMMEDIATE and a busy timeout let several
// processes of one machine share it; docs/store.md). $MADO_DESKS_CASES overrides the 1,000 cases.
class TestSeveralWorkstations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void workstationsShareOneQueue();
};

namespace {
constexpr int kDeadlineSeconds = 840;

bool writePrivate(const QString &path, const QByteArray &line)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(line + '\n') < 0)
        return false;
    file.close();
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
} // namespace

void TestSeveralWorkstations::workstationsShareOneQueue()
{
    QLoggingCategory::setFilterRules(QStringLiteral("mado.intake.info=false")); // a line per application
    test::StoreFixture fixture;
    QVERIFY(fixture.ok());
    test::ReceiverFixture rx;
    QVERIFY(rx.ok());
    const int desks = fixture.isPostgresql() ? 4 : 2;
    const int cases = qEnvironmentVariableIsSet("MADO_DESKS_CASES") ? qEnvironmentVariableIntValue("MADO_DESKS_CASES")
                                                                    : 1000;
    QVERIFY(cases > 0);

    UserDirectory users(fixture.store());
    QStringList logins{QStringLiteral("sup1"), QStringLiteral("sup2")};
    for (int i = 3; i <= desks; ++i) {
        const QString login = QStringLiteral("sup%1").arg(i);
        QVERIFY(users.addUser(fixture.user(QStringLiteral("admin")), login, login, Role::Supervisor,
                              QString::fromLatin1(test::StoreFixture::kPassword))
                    .ok());
        logins.append(login);
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tokenFile = dir.filePath(QStringLiteral("token"));
    const QString passwordFile = dir.filePath(QStringLiteral("password"));
    QVERIFY(writePrivate(tokenFile, test::ReceiverFixture::token()));
    QVERIFY(writePrivate(passwordFile, test::StoreFixture::kPassword));

    QElapsedTimer elapsed;
    elapsed.start();
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < desks; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->start(QStringLiteral(MADO_DESKSIM_PATH),
                       {QStringLiteral("--store"), fixture.location(), QStringLiteral("--receiver"),
                        QStringLiteral("http://127.0.0.1:%1").arg(rx.workstationPort()), QStringLiteral("--token-file"),
                        tokenFile, QStringLiteral("--login"), logins[i], QStringLiteral("--password-file"),
                        passwordFile, QStringLiteral("--expected"), QString::number(cases),
                        QStringLiteral("--deadline"), QString::number(kDeadlineSeconds), QStringLiteral("--seed"),
                        QString::number(i + 1)});
        QVERIFY(process->waitForStarted(10000));
        processes.push_back(std::move(process));
    }

    // The applications arrive while the workstations work: several importers lease from one receiver.
    // Name and date of birth are the register's R-0001, so every approved case can be issued.
    const QMap<QString, QString> form{{QStringLiteral("procedure"), QStringLiteral("tax_certificate")},
                                      {QStringLiteral("name"), QStringLiteral("見本 太郎")},
                                      {QStringLiteral("kana"), QStringLiteral("ミホン タロー")},
                                      {QStringLiteral("dateOfBirth"), QStringLiteral("1980-04-01")}};
    QSet<QString> submitted;
    for (int n = 0; n < cases; ++n) {
        // 25 applications per LINE user (the receiver allows 30 challenges per user and hour).
        const QString user = QStringLiteral("U%1").arg(n / 25 + 1, 32, 16, QLatin1Char('0'));
        const QString id = rx.submitAs(user, n, form);
        QVERIFY2(!id.isEmpty(), qPrintable(QStringLiteral("submission %1 failed").arg(n)));
        submitted.insert(id);
    }
    const qint64 submitMs = elapsed.elapsed();

    QJsonObject total;
    for (int i = 0; i < desks; ++i) {
        QProcess &process = *processes[static_cast<size_t>(i)];
        QVERIFY2(process.waitForFinished((kDeadlineSeconds + 30) * 1000), qPrintable(logins[i]));
        const QByteArray out = process.readAllStandardOutput();
        const QJsonObject summary = QJsonDocument::fromJson(out.trimmed()).object();
        qInfo().noquote() << logins[i] << "exit" << process.exitCode() << out.trimmed();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(QString::fromUtf8(out + process.readAllStandardError())));
        for (auto it = summary.begin(); it != summary.end(); ++it)
            if (it.value().isDouble())
                total.insert(it.key(), total.value(it.key()).toInt() + it.value().toInt());
        // Each of its own batches was tried once by the supervisor who decided it: refused by four
        // eyes, unless another supervisor had approved it in between.
        QCOMPARE(summary.value(QStringLiteral("own_batch_refused")).toInt() +
                     summary.value(QStringLiteral("own_batch_gone")).toInt(),
                 summary.value(QStringLiteral("batches")).toInt());
    }
    const qint64 workMs = elapsed.elapsed();
    qInfo().noquote() << QStringLiteral("%1 workstations, %2 cases: submitted in %3 ms, all issued after %4 ms")
                             .arg(desks)
                             .arg(cases)
                             .arg(submitMs)
                             .arg(workMs);
    qInfo().noquote() << "together:" << QJsonDocument(total).toJson(QJsonDocument::Compact);
    QCOMPARE(total.value(QStringLiteral("imported")).toInt(), cases);
    QCOMPARE(total.value(QStringLiteral("decided")).toInt(), cases);
    QCOMPARE(total.value(QStringLiteral("issued")).toInt(), cases);
    QCOMPARE(total.value(QStringLiteral("own_batch_approved")).toInt(), 0);
    QVERIFY(total.value(QStringLiteral("own_batch_refused")).toInt() > 0);
    QCOMPARE(total.value(QStringLiteral("unexpected")).toInt(), 0);
    QVERIFY(total.value(QStringLiteral("approved_batches")).toInt() > 0);

    auto db = fixture.store().connections().database();
    QVERIFY(db.ok());
    const auto one = [&](const QString &sql) -> qint64 {
        auto value = Sql::scalar(db.value(), sql);
        if (!value) {
            qWarning() << sql << value.error().message;
            return -1;
        }
        return value.value().toLongLong();
    };
    // Every application imported exactly once, and every one of them.
    QCOMPARE(one(QStringLiteral("SELECT COUNT(*) FROM cases")), qint64(cases));
    QSet<QString> stored;
    auto ids = Sql::run(db.value(), QStringLiteral("SELECT application_id FROM cases"));
    QVERIFY(ids.ok());
    while (ids.value().next())
        stored.insert(ids.value().value(0).toString());
    QCOMPARE(stored, submitted);
    QCOMPARE(rx.spoolText(QStringLiteral("SELECT COUNT(*) FROM applications WHERE state = 'received'")),
             QStringLiteral("0"));
    QCOMPARE(one(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'case_imported'")), qint64(cases));
    // No case decided twice; every case issued.
    QCOMPARE(one(QStringLiteral("SELECT COUNT(*) FROM decisions")), qint64(cases));
    QCOMPARE(one(QStringLiteral("SELECT COUNT(DISTINCT case_id) FROM decisions")), qint64(cases));
    QCOMPARE(one(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'case_decided'")), qint64(cases));
    QCOMPARE(one(QStringLiteral("SELECT COUNT(*) FROM cases WHERE state = 'issued'")), qint64(cases));
    // Four eyes: no batch approved by a supervisor who decided one of its cases.
    QCOMPARE(one(QStringLiteral("SELECT COUNT(*) FROM batches b JOIN batch_cases bc ON bc.batch_id = b.id "
                                "JOIN cases c ON c.id = bc.case_id WHERE b.approved_by = c.decided_by")),
             qint64(0));
    QCOMPARE(one(QStringLiteral("SELECT COUNT(*) FROM batches WHERE state <> 'approved' OR approved_by IS NULL")),
             qint64(0));
    // Certificate numbers: 1..N in the fiscal year, no gap, no duplicate.
    QCOMPARE(one(QStringLiteral("SELECT COUNT(DISTINCT fiscal_year) FROM issuances")), qint64(1));
    QCOMPARE(one(QStringLiteral("SELECT COUNT(*) FROM issuances")), qint64(cases));
    QCOMPARE(one(QStringLiteral("SELECT MIN(serial) FROM issuances")), qint64(1));
    QCOMPARE(one(QStringLiteral("SELECT MAX(serial) FROM issuances")), qint64(cases));
    QCOMPARE(one(QStringLiteral("SELECT COUNT(DISTINCT serial) FROM issuances")), qint64(cases));
    QCOMPARE(one(QStringLiteral("SELECT COUNT(DISTINCT certificate_number) FROM issuances")), qint64(cases));

    // The audit chain, as an administrator checks it.
    QProcess verify;
    verify.start(QStringLiteral(MADO_CLI_PATH), {QStringLiteral("audit"), QStringLiteral("verify"),
                                                 QStringLiteral("--store"), fixture.location()});
    QVERIFY(verify.waitForFinished(120000));
    QVERIFY2(verify.exitCode() == 0, qPrintable(QString::fromUtf8(verify.readAll())));
}

// QTest's own limit of 5 minutes per test function is too short for a loaded CI machine; ctest's
// TIMEOUT (900 s) and the workstations' deadline bound the run instead.
int main(int argc, char **argv)
{
    qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number((kDeadlineSeconds + 45) * 1000));
    QCoreApplication app(argc, argv);
    TestSeveralWorkstations test;
    return QTest::qExec(&test, argc, argv);
}
#include "TestSeveralWorkstations.moc"
