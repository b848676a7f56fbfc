#include "ui/views/LockScreen.h"

#include "core/security/UserDirectory.h"
#include "ui/support/Background.h"
#include "ui/support/ErrorTexts.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mado {

namespace {

enum Message { NoMessage, WrongPassword, Locked, OtherFailure };

} // namespace

LockScreen::LockScreen(UserDirectory &directory, qint64 userId, const QString &login, QWidget *parent)
    : QWidget(parent), m_directory(directory), m_userId(userId), m_login(login)
{
    setObjectName(QStringLiteral("lockScreen"));
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("lockTitleLabel"));
    m_titleLabel->setWordWrap(true);
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("lockPasswordLineEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_unlockButton = new QPushButton(this);
    m_unlockButton->setObjectName(QStringLiteral("unlockButton"));
    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("lockMessageLabel"));
    m_messageLabel->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_passwordEdit);
    layout->addWidget(m_unlockButton);
    layout->addWidget(m_messageLabel);
    layout->addStretch();
    connect(m_unlockButton, &QPushButton::clicked, this, &LockScreen::unlock);
    connect(m_passwordEdit, &QLineEdit::returnPressed, this, &LockScreen::unlock);
    retranslate();
}

void LockScreen::reset()
{
    m_passwordEdit->clear();
    m_messageKind = NoMessage;
    m_unlockButton->setEnabled(true);
    retranslate();
}

void LockScreen::unlock()
{
    if (!m_unlockButton->isEnabled())
        return;
    m_unlockButton->setEnabled(false);
    UserDirectory *directory = &m_directory;
    const qint64 userId = m_userId;
    const QString password = m_passwordEdit->text();
    m_passwordEdit->clear();
    runInBackground(
        this, [directory, userId, password] { return directory->reauthenticate(userId, password); },
        [this](const Status &status) {
            m_unlockButton->setEnabled(true);
            if (status) {
                m_messageKind = NoMessage;
                retranslate();
                Q_EMIT unlocked();
                return;
            }
            m_messageKind = status.error().code == ErrorCode::AuthenticationFailed ? WrongPassword
                            : status.error().code == ErrorCode::AccountLocked      ? Locked
                                                                                   : OtherFailure;
            m_failure = status.error();
            retranslate();
        });
}

void LockScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LockScreen::retranslate()
{
    m_titleLabel->setText(tr("The workstation is locked after a period of inactivity. Enter the password of %1 to "
                             "continue.")
                              .arg(m_login));
    m_unlockButton->setText(tr("Unlock"));
    m_messageLabel->setToolTip(m_messageKind == OtherFailure ? ErrorTexts::details(m_failure) : QString());
    switch (m_messageKind) {
    case WrongPassword:
        m_messageLabel->setText(tr("Wrong password."));
        break;
    case Locked:
        m_messageLabel->setText(tr("This account is locked. Ask an administrator."));
        break;
    case OtherFailure:
        m_messageLabel->setText(ErrorTexts::failure(tr("The password could not be checked"), m_failure));
        break;
    default:
        m_messageLabel->clear();
        break;
    }
}

} // namespace mado
