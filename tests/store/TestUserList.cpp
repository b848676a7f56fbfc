#include "core/security/UserDirectory.h"
#include "core/store/CaseStore.h"
#include "core/store/UserList.h"
#include "tests/support/StoreFixture.h"

#include <QTest>

using namespace mado;
using namespace mado::test;

// The administrator's account list (UserList) on a real store, with accounts changed through
// UserDirectory as the CLI does.
class TestUserList : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsAccountsByLoginWithRoleDisabledAndLockOut();
};

void TestUserList::listsAccountsByLoginWithRoleDisabledAndLockOut()
{
    StoreFixture f;
    QVERIFY(f.ok());
    SecurityOptions options;
    options.maxFailedLogins = 2;
    UserDirectory users(f.store(), options);
    QVERIFY(users.disableUser(f.user(QStringLiteral("admin")), QStringLiteral("clerk2")).ok());
    for (int i = 0; i < 2; ++i)
        QCOMPARE(users.login(QStringLiteral("sup2"), QStringLiteral("wrong")).error().code,
                 ErrorCode::AuthenticationFailed);

    auto listed = UserList(f.store()).all();
    QVERIFY(listed.ok());
    QStringList logins;
    for (const UserAccount &account : listed.value())
        logins.append(account.login);
    QCOMPARE(logins, (QStringList{QStringLiteral("admin"), QStringLiteral("clerk1"), QStringLiteral("clerk2"),
                                  QStringLiteral("sup1"), QStringLiteral("sup2")}));
    const std::vector<UserAccount> &a = listed.value();
    QCOMPARE(a[0].role, Role::Admin);
    QCOMPARE(a[0].displayName, QStringLiteral("Admin"));
    QCOMPARE(a[0].id, f.user(QStringLiteral("admin")));
    QCOMPARE(a[1].role, Role::Clerk);
    QVERIFY(!a[1].disabled);
    QVERIFY(a[2].disabled);
    QCOMPARE(a[3].role, Role::Supervisor);
    QVERIFY(!a[3].lockedUntil.isValid());
    QCOMPARE(a[4].lockedUntil, f.clock().now().addSecs(options.lockoutSeconds));
    QVERIFY(!a[4].disabled);
}

QTEST_GUILESS_MAIN(TestUserList)
#include "TestUserList.moc"
