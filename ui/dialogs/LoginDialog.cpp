#include "ui/dialogs/LoginDialog.h"

#include "core/security/UserDirectory.h"
#include "ui/Language.h"
#include "ui/support/Background.h"
#include "ui/support/ErrorTexts.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mado {

namespace {

enum Message { NoMessage, WrongPassword, Locked, OtherFailure, Checking };

} // namespace

LoginDialog::LoginDialog(UserDirectory &directory, QWidget *parent) : QDialog(parent), m_directory(directory)
{
    setObjectName(QStringLiteral("loginDialog"));
    m_titleLabel = new QLabel(this);
    m_loginLabel = new QLabel(this);
    m_passwordLabel = new QLabel(this);
    m_languageLabel = new QLabel(this);
    m_loginEdit = new QLineEdit(this);
    m_loginEdit->setObjectName(QStringLiteral("loginLineEdit"));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_languageCombo = new QComboBox(this);
    m_languageCombo->setObjectName(QStringLiteral("languageComboBox"));
    // Each language names itself, untranslated.
    m_languageCombo->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_languageCombo->setCurrentIndex(qMax(0, m_languageCombo->findData(Language::installed())));
    m_loginButton = new QPushButton(this);
    m_loginButton->setObjectName(QStringLiteral("loginButton"));
    m_loginButton->setDefault(true);
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(m_loginLabel, m_loginEdit);
    form->addRow(m_passwordLabel, m_passwordEdit);
    form->addRow(m_languageLabel, m_languageCombo);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addLayout(form);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_loginButton);

    connect(m_loginButton, &QPushButton::clicked, this, &LoginDialog::logIn);
    connect(m_passwordEdit, &QLineEdit::returnPressed, this, &LoginDialog::logIn);
    connect(m_languageCombo, &QComboBox::currentIndexChanged, this,
            [this] { Language::install(m_languageCombo->currentData().toString()); });
    retranslate();
}

void LoginDialog::logIn()
{
    if (!m_loginButton->isEnabled())
        return;
    m_loginButton->setEnabled(false);
    m_messageKind = Checking;
    retranslate();
    UserDirectory *directory = &m_directory;
    const QString login = m_loginEdit->text().trimmed();
    const QString password = m_passwordEdit->text();
    runInBackground(
        this, [directory, login, password] { return directory->login(login, password); },
        [this](const Result<Session> &result) {
            m_loginButton->setEnabled(true);
            if (result) {
                m_session = result.value();
                m_messageKind = NoMessage;
                retranslate();
                accept();
                return;
            }
            m_passwordEdit->clear();
            m_passwordEdit->setFocus();
            switch (result.error().code) {
            case ErrorCode::AuthenticationFailed:
                m_messageKind = WrongPassword;
                break;
            case ErrorCode::AccountLocked:
                m_messageKind = Locked;
                break;
            default:
                m_messageKind = OtherFailure;
                m_failure = result.error();
                break;
            }
            retranslate();
        });
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LoginDialog::retranslate()
{
    setWindowTitle(tr("Madoguchi — log in"));
    m_titleLabel->setText(tr("Log in to the verification workstation"));
    m_loginLabel->setText(tr("Login"));
    m_passwordLabel->setText(tr("Password"));
    m_languageLabel->setText(tr("Language"));
    m_loginButton->setText(tr("Log in"));
    m_messageLabel->setToolTip(m_messageKind == OtherFailure ? ErrorTexts::details(m_failure) : QString());
    switch (m_messageKind) {
    case WrongPassword:
        m_messageLabel->setText(tr("The login or the password is wrong. After repeated failures the account locks."));
        break;
    case Locked:
        m_messageLabel->setText(tr("This account is locked (too many wrong passwords, or disabled). Try again later or "
                                   "ask an administrator."));
        break;
    case OtherFailure:
        m_messageLabel->setText(ErrorTexts::failure(tr("Logging in failed"), m_failure));
        break;
    case Checking:
        m_messageLabel->setText(tr("Checking…"));
        break;
    default:
        m_messageLabel->clear();
        break;
    }
}

} // namespace mado
