#include "core/security/UserDirectory.h"
#include "tests/support/StoreFixture.h"
#include "ui/Language.h"
#include "ui/dialogs/LoginDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace mado;
using namespace mado::test;

// Generous: password hashing and queries share two cores with other builds.
constexpr int kWait = 30000;

class TestLoginDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void cleanupTestCase() { Language::install(Language::defaultLanguage()); }
    void logsInWithTheRightPassword();
    void explainsAWrongPassword();
    void explainsALockedAccount();
    void switchesTheLanguageLive();
};

namespace {

struct Form {
    QLineEdit *login = nullptr;
    QLineEdit *password = nullptr;
    QPushButton *button = nullptr;
    QLabel *message = nullptr;
    QComboBox *language = nullptr;
};

Form form(LoginDialog &dialog)
{
    return {dialog.findChild<QLineEdit *>(QStringLiteral("loginLineEdit")),
            dialog.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit")),
            dialog.findChild<QPushButton *>(QStringLiteral("loginButton")),
            dialog.findChild<QLabel *>(QStringLiteral("messageLabel")),
            dialog.findChild<QComboBox *>(QStringLiteral("languageComboBox"))};
}

void type(const Form &f, const QString &login, const QString &password)
{
    f.login->clear();
    f.password->clear();
    QTest::keyClicks(f.login, login);
    QTest::keyClicks(f.password, password);
    QTest::mouseClick(f.button, Qt::LeftButton);
}

} // namespace

void TestLoginDialog::logsInWithTheRightPassword()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    UserDirectory directory(fixture.store());
    LoginDialog dialog(directory);
    dialog.show();
    const Form f = form(dialog);
    QVERIFY(f.login && f.password && f.button && f.message && f.language);
    QCOMPARE(f.password->echoMode(), QLineEdit::Password);
    type(f, QStringLiteral("sup1"), QString::fromLatin1(StoreFixture::kPassword));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kWait);
    QCOMPARE(dialog.session().login(), QStringLiteral("sup1"));
    QCOMPARE(dialog.session().userId(), fixture.user(QStringLiteral("sup1")));
    QCOMPARE(dialog.session().role(), Role::Supervisor);
}

void TestLoginDialog::explainsAWrongPassword()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    UserDirectory directory(fixture.store());
    LoginDialog dialog(directory);
    dialog.show();
    const Form f = form(dialog);
    type(f, QStringLiteral("clerk1"), QStringLiteral("wrong password!"));
    QTRY_VERIFY2_WITH_TIMEOUT(f.message->text().contains(QStringLiteral("password is wrong")),
                              qPrintable(f.message->text()), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(f.button->isEnabled(), kWait);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.isVisible());
    QVERIFY(f.password->text().isEmpty());
    // An unknown login gets the same message (no hint which logins exist).
    type(f, QStringLiteral("nobody"), QStringLiteral("wrong password!"));
    QTRY_VERIFY_WITH_TIMEOUT(f.button->isEnabled(), kWait);
    QVERIFY(f.message->text().contains(QStringLiteral("password is wrong")));
    // And the right password still works afterwards.
    type(f, QStringLiteral("clerk1"), QString::fromLatin1(StoreFixture::kPassword));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kWait);
    QCOMPARE(dialog.session().role(), Role::Clerk);
}

void TestLoginDialog::explainsALockedAccount()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    const SecurityOptions options;
    UserDirectory directory(fixture.store(), options);
    for (int i = 0; i < options.maxFailedLogins; ++i)
        QCOMPARE(directory.login(QStringLiteral("clerk2"), QStringLiteral("wrong password!")).error().code,
                 ErrorCode::AuthenticationFailed);
    LoginDialog dialog(directory);
    dialog.show();
    const Form f = form(dialog);
    // Even the right password is refused while locked, and the message says why.
    type(f, QStringLiteral("clerk2"), QString::fromLatin1(StoreFixture::kPassword));
    QTRY_VERIFY2_WITH_TIMEOUT(f.message->text().contains(QStringLiteral("locked")), qPrintable(f.message->text()),
                              kWait);
    QTRY_VERIFY_WITH_TIMEOUT(f.button->isEnabled(), kWait);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    // After the lock-out period it works.
    fixture.clock().advance(options.lockoutSeconds + 1);
    type(f, QStringLiteral("clerk2"), QString::fromLatin1(StoreFixture::kPassword));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kWait);
}

void TestLoginDialog::switchesTheLanguageLive()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    UserDirectory directory(fixture.store());
    LoginDialog dialog(directory);
    const Form f = form(dialog);
    QCOMPARE(f.language->currentData().toString(), QStringLiteral("en")); // shows the installed language
    QCOMPARE(f.button->text(), QStringLiteral("Log in"));
    type(f, QStringLiteral("clerk1"), QStringLiteral("wrong password!"));
    QTRY_VERIFY_WITH_TIMEOUT(f.message->text().contains(QStringLiteral("password is wrong")), kWait);
    // The language change reaches the widgets through the event loop.
    f.language->setCurrentIndex(f.language->findData(QStringLiteral("ja")));
    QTRY_COMPARE_WITH_TIMEOUT(f.button->text(), QStringLiteral("ログイン"), kWait);
    QVERIFY2(f.message->text().contains(QStringLiteral("パスワード")), qPrintable(f.message->text()));
    f.language->setCurrentIndex(f.language->findData(QStringLiteral("en")));
    QTRY_COMPARE_WITH_TIMEOUT(f.button->text(), QStringLiteral("Log in"), kWait);
}

QTEST_MAIN(TestLoginDialog)
#include "TestLoginDialog.moc"
