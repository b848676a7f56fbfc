#pragma once

#include "core/domain/Result.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mado {

class UserDirectory;

// The idle lock: replaces the whole window's content (no case data stays visible) and asks the
// same user's password again (UserDirectory::reauthenticate, audited, counts towards lock-out).
// Emits unlocked() on success. GUI thread only.
class LockScreen : public QWidget {
    Q_OBJECT

public:
    LockScreen(UserDirectory &directory, qint64 userId, const QString &login, QWidget *parent = nullptr);

    // Clears the password field and any message, for a new lock.
    void reset();

Q_SIGNALS:
    void unlocked();

protected:
    void changeEvent(QEvent *event) override;

private:
    void unlock();
    void retranslate();

    UserDirectory &m_directory;
    qint64 m_userId = 0;
    QString m_login;
    QLabel *m_titleLabel = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QPushButton *m_unlockButton = nullptr;
    QLabel *m_messageLabel = nullptr;
    int m_messageKind = 0;
    Error m_failure; // the error of an OtherFailure message
};

} // namespace mado
