#include "core/security/PasswordHasher.h"
#include "core/security/UserDirectory.h"
#include "core/store/AuditChain.h"
#include "core/store/Sql.h"
#include "tests/support/StoreFixture.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace mado;

// Argon2id hashes, log-in with lock-out, account management rights, idle lock.
class TestUserDirectory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hashesWithArgon2id();
    void logsInAndOutWithAudit();
    void locksOutAfterRepeatedFailures();
    void successResetsTheFailureCount();
    void disabledAccountsCannotLogIn();
    void refusalsLookAlike();
    void unknownLoginsVerifyTheDummyHash();
    void unknownLoginsTakeAsLong();
    void accountRights_data();
    void accountRights();
    void refusesWeakOrDuplicate();
    void idleLock();

private:
    static int auditCount(test::StoreFixture &f, const QString &action);
};

namespace {
const QString kPassword = QString::fromLatin1(test::StoreFixture::kPassword);
}

int TestUserDirectory::auditCount(test::StoreFixture &f, const QString &action)
{
    auto db = f.store().connections().database();
    return Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = :a"),
                       {{QStringLiteral("a"), action}})
        .value()
        .toInt();
}

void TestUserDirectory::hashesWithArgon2id()
{
    auto hash = PasswordHasher::hash(QStringLiteral("パスワード-1234"));
    QVERIFY(hash.ok());
    QVERIFY(hash.value().startsWith(QStringLiteral("$argon2id$v=19$")));
    QVERIFY(PasswordHasher::verify(hash.value(), QStringLiteral("パスワード-1234")));
    QVERIFY(!PasswordHasher::verify(hash.value(), QStringLiteral("パスワード-1235")));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("not a hash"), QStringLiteral("x")));
    // Salted: the same password hashes differently each time.
    QVERIFY(PasswordHasher::hash(QStringLiteral("パスワード-1234")).value() != hash.value());
}

void TestUserDirectory::logsInAndOutWithAudit()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    UserDirectory users(f.store());
    auto session = users.login(QStringLiteral("clerk1"), kPassword);
    QVERIFY(session.ok());
    QCOMPARE(session.value().role(), Role::Clerk);
    QCOMPARE(session.value().userId(), f.user(QStringLiteral("clerk1")));
    QVERIFY(users.logout(session.value()).ok());
    QCOMPARE(auditCount(f, QStringLiteral("login")), 1);
    QCOMPARE(auditCount(f, QStringLiteral("logout")), 1);
    QCOMPARE(users.login(QStringLiteral("nobody"), kPassword).error().code, ErrorCode::AuthenticationFailed);
    auto db = f.store().connections().database();
    QVERIFY(AuditChain::verify(db.value()).value().ok);
}

void TestUserDirectory::locksOutAfterRepeatedFailures()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    SecurityOptions options;
    options.maxFailedLogins = 3;
    options.lockoutSeconds = 600;
    UserDirectory users(f.store(), options);
    QCOMPARE(users.login(QStringLiteral("clerk1"), QStringLiteral("wrong 1")).error().code,
             ErrorCode::AuthenticationFailed);
    QCOMPARE(users.login(QStringLiteral("clerk1"), QStringLiteral("wrong 2")).error().code,
             ErrorCode::AuthenticationFailed);
    // The failure that locks says nothing more than any other (it would confirm that the login exists).
    QCOMPARE(users.login(QStringLiteral("clerk1"), QStringLiteral("wrong 3")).error().code,
             ErrorCode::AuthenticationFailed);
    // A wrong password while locked: the same answer as for an unknown login.
    QCOMPARE(users.login(QStringLiteral("clerk1"), QStringLiteral("wrong 4")).error().code,
             ErrorCode::AuthenticationFailed);
    // The right password is refused while locked, and only its holder learns why.
    QCOMPARE(users.login(QStringLiteral("clerk1"), kPassword).error().code, ErrorCode::AccountLocked);
    QCOMPARE(auditCount(f, QStringLiteral("account_locked")), 1);
    QCOMPARE(auditCount(f, QStringLiteral("login_failed")), 4);
    // Other accounts are unaffected.
    QVERIFY(users.login(QStringLiteral("clerk2"), kPassword).ok());
    f.clock().advance(599);
    QCOMPARE(users.login(QStringLiteral("clerk1"), kPassword).error().code, ErrorCode::AccountLocked);
    f.clock().advance(1);
    QVERIFY(users.login(QStringLiteral("clerk1"), kPassword).ok());
}

void TestUserDirectory::successResetsTheFailureCount()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    SecurityOptions options;
    options.maxFailedLogins = 3;
    UserDirectory users(f.store(), options);
    for (int round = 0; round < 3; ++round) {
        QVERIFY(!users.login(QStringLiteral("clerk1"), QStringLiteral("wrong")).ok());
        QVERIFY(!users.login(QStringLiteral("clerk1"), QStringLiteral("wrong")).ok());
        QVERIFY(users.login(QStringLiteral("clerk1"), kPassword).ok());
    }
}

void TestUserDirectory::disabledAccountsCannotLogIn()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    UserDirectory users(f.store());
    QVERIFY(users.disableUser(f.user(QStringLiteral("admin")), QStringLiteral("clerk2")).ok());
    // Refused like a wrong password (tested in refusalsLookAlike), and audited.
    QCOMPARE(users.login(QStringLiteral("clerk2"), kPassword).error().code, ErrorCode::AuthenticationFailed);
    QCOMPARE(auditCount(f, QStringLiteral("user_disabled")), 1);
    QCOMPARE(auditCount(f, QStringLiteral("login_failed")), 1);
    // A disabled account cannot act through the workflow either (role loaded inside the transaction).
    QCOMPARE(f.store().viewCase(f.user(QStringLiteral("clerk2")), f.caseIn(CaseState::Verified)).error().code,
             ErrorCode::AccountLocked);
}

void TestUserDirectory::refusalsLookAlike()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    UserDirectory users(f.store());
    QVERIFY(users.disableUser(f.user(QStringLiteral("admin")), QStringLiteral("clerk2")).ok());
    const Error unknown = users.login(QStringLiteral("nobody"), kPassword).error();
    const Error wrong = users.login(QStringLiteral("clerk1"), QStringLiteral("wrong password!")).error();
    const Error disabledRight = users.login(QStringLiteral("clerk2"), kPassword).error();
    const Error disabledWrong = users.login(QStringLiteral("clerk2"), QStringLiteral("wrong password!")).error();
    QCOMPARE(unknown.code, ErrorCode::AuthenticationFailed);
    QCOMPARE(unknown.message, QStringLiteral("login name or password is wrong"));
    for (const Error &other : {wrong, disabledRight, disabledWrong}) {
        QCOMPARE(other.code, unknown.code);
        QCOMPARE(other.message, unknown.message);
    }
}

void TestUserDirectory::unknownLoginsVerifyTheDummyHash()
{
    // The dummy hash costs what a real account's hash costs (the cost is part of the hash string).
    QVERIFY(PasswordHasher::dummyHash().startsWith(QStringLiteral("$argon2id$")));
    QVERIFY(PasswordHasher::hasCost(PasswordHasher::dummyHash(), PasswordHasher::interactive()));
    QVERIFY(!PasswordHasher::verify(PasswordHasher::dummyHash(), kPassword));
    test::StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(PasswordHasher::hasCost(
        Sql::scalar(f.store().connections().database().value(),
                    QStringLiteral("SELECT password_hash FROM users WHERE login = 'clerk1'"))
            .value()
            .toString(),
        PasswordHasher::interactive()));

    // Every refusal path verifies one password: against the dummy hash when there is no account,
    // against the account's own hash otherwise (disabled accounts included).
    QStringList verified;
    UserDirectory users(f.store(), SecurityOptions{}, [&verified](const QString &hash, const QString &password) {
        verified << hash;
        return PasswordHasher::verify(hash, password);
    });
    QVERIFY(users.disableUser(f.user(QStringLiteral("admin")), QStringLiteral("clerk2")).ok());
    const auto clerk1Hash = Sql::scalar(f.store().connections().database().value(),
                                        QStringLiteral("SELECT password_hash FROM users WHERE login = 'clerk1'"))
                                .value()
                                .toString();
    const auto clerk2Hash = Sql::scalar(f.store().connections().database().value(),
                                        QStringLiteral("SELECT password_hash FROM users WHERE login = 'clerk2'"))
                                .value()
                                .toString();
    verified.clear();
    QVERIFY(!users.login(QStringLiteral("nobody"), kPassword).ok());
    QCOMPARE(verified, QStringList{PasswordHasher::dummyHash()});
    verified.clear();
    QVERIFY(!users.login(QStringLiteral("clerk2"), kPassword).ok());
    QCOMPARE(verified, QStringList{clerk2Hash});
    verified.clear();
    QVERIFY(!users.login(QStringLiteral("clerk1"), QStringLiteral("wrong password!")).ok());
    QCOMPARE(verified, QStringList{clerk1Hash});
    verified.clear();
    QVERIFY(users.login(QStringLiteral("clerk1"), kPassword).ok());
    QCOMPARE(verified, QStringList{clerk1Hash});
}

void TestUserDirectory::unknownLoginsTakeAsLong()
{
    // Timing, with a wide margin: without the dummy verification an unknown login is refused in
    // about a millisecond, a wrong password in about 100 ms (Argon2id, 64 MiB). The fastest of three
    // of each is compared, so that a busy machine slows either side only.
    test::StoreFixture f;
    QVERIFY(f.ok());
    UserDirectory users(f.store());
    const auto fastest = [&users](const QString &login) {
        qint64 best = std::numeric_limits<qint64>::max();
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto refused = users.login(login, QStringLiteral("wrong password!"));
            best = std::min(best, timer.nsecsElapsed());
            if (refused.ok())
                return qint64(-1);
        }
        return best;
    };
    // clerk1 would lock after five failures; three stay below.
    const qint64 wrongPassword = fastest(QStringLiteral("clerk1"));
    const qint64 unknownLogin = fastest(QStringLiteral("nobody"));
    qInfo("fastest refusal: wrong password %.1f ms, unknown login %.1f ms", wrongPassword / 1e6, unknownLogin / 1e6);
    QVERIFY(wrongPassword > 0 && unknownLogin > 0);
    QVERIFY2(unknownLogin * 2 > wrongPassword, "an unknown login is refused much faster than a wrong password");
}

void TestUserDirectory::accountRights_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected");
    QTest::addRow("admin adds") << "admin"
                                << "add"
                                << "clerk9"
                                << "ok";
    QTest::addRow("supervisor adds") << "sup1"
                                     << "add"
                                     << "clerk9"
                                     << "permission_denied";
    QTest::addRow("clerk adds") << "clerk1"
                                << "add"
                                << "clerk9"
                                << "permission_denied";
    QTest::addRow("admin disables") << "admin"
                                    << "disable"
                                    << "clerk1"
                                    << "ok";
    QTest::addRow("supervisor disables") << "sup1"
                                         << "disable"
                                         << "clerk1"
                                         << "permission_denied";
    QTest::addRow("admin disables self") << "admin"
                                         << "disable"
                                         << "admin"
                                         << "invalid_argument";
    QTest::addRow("admin disables unknown") << "admin"
                                            << "disable"
                                            << "ghost"
                                            << "not_found";
    QTest::addRow("clerk sets own password") << "clerk1"
                                             << "passwd"
                                             << "clerk1"
                                             << "ok";
    QTest::addRow("clerk sets another's password") << "clerk1"
                                                   << "passwd"
                                                   << "clerk2"
                                                   << "permission_denied";
    QTest::addRow("admin sets a password") << "admin"
                                           << "passwd"
                                           << "clerk2"
                                           << "ok";
}

void TestUserDirectory::accountRights()
{
    QFETCH(QString, actor);
    QFETCH(QString, operation);
    QFETCH(QString, target);
    QFETCH(QString, expected);
    test::StoreFixture f;
    QVERIFY(f.ok());
    UserDirectory users(f.store());
    const QString newPassword = QStringLiteral("a new long password");
    Status result;
    if (operation == QLatin1String("add")) {
        auto id = users.addUser(f.user(actor), target, target, Role::Clerk, newPassword);
        result = id ? Status() : Status(id.error());
    } else if (operation == QLatin1String("disable")) {
        result = users.disableUser(f.user(actor), target);
    } else {
        result = users.setPassword(f.user(actor), target, newPassword);
    }
    QCOMPARE(result.ok() ? QStringLiteral("ok") : errorCodeName(result.error().code), expected);
    if (operation == QLatin1String("passwd") && result.ok()) {
        QVERIFY(users.login(target, newPassword).ok());
        QCOMPARE(users.login(target, kPassword).error().code, ErrorCode::AuthenticationFailed);
    }
}

void TestUserDirectory::refusesWeakOrDuplicate()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    UserDirectory users(f.store());
    const qint64 admin = f.user(QStringLiteral("admin"));
    QCOMPARE(users.addUser(admin, QStringLiteral("clerk9"), QStringLiteral("C"), Role::Clerk, QStringLiteral("short"))
                 .error()
                 .code,
             ErrorCode::InvalidArgument);
    QCOMPARE(users.addUser(admin, QStringLiteral("clerk1"), QStringLiteral("C"), Role::Clerk, kPassword).error().code,
             ErrorCode::AlreadyExists);
    QCOMPARE(
        users.addUser(admin, QStringLiteral("Bad Login"), QStringLiteral("C"), Role::Clerk, kPassword).error().code,
        ErrorCode::InvalidArgument);
    QCOMPARE(users.bootstrapAdmin(QStringLiteral("root"), QStringLiteral("R"), kPassword).error().code,
             ErrorCode::AlreadyExists);
}

void TestUserDirectory::idleLock()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    SecurityOptions options;
    QCOMPARE(options.idleLockSeconds, 900);
    options.idleLockSeconds = 300;
    UserDirectory users(f.store(), options);
    auto session = users.login(QStringLiteral("clerk1"), kPassword);
    QVERIFY(session.ok());
    Session s = session.value();
    QCOMPARE(s.idleLockSeconds(), 300);
    f.clock().advance(299);
    QVERIFY(!s.idleLocked(f.clock().now()));
    s.touch(f.clock().now());
    f.clock().advance(299);
    QVERIFY(!s.idleLocked(f.clock().now()));
    f.clock().advance(1);
    QVERIFY(s.idleLocked(f.clock().now()));
    QCOMPARE(users.reauthenticate(s.userId(), QStringLiteral("wrong")).error().code, ErrorCode::AuthenticationFailed);
    QVERIFY(users.reauthenticate(s.userId(), kPassword).ok());
}

QTEST_GUILESS_MAIN(TestUserDirectory)
#include "TestUserDirectory.moc"
