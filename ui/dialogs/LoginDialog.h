#pragma once

#include "core/domain/Result.h"
#include "core/security/Session.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mado {

class UserDirectory;

// Login: login name, password and the UI language (日本語 / English, switched live). The password
// check (slow by design) runs off the GUI thread; wrong passwords and locked accounts are explained
// inline. Accepted with session() set. GUI thread only; the directory's store must outlive it.
class LoginDialog : public QDialog {
    Q_OBJECT

public:
    explicit LoginDialog(UserDirectory &directory, QWidget *parent = nullptr);

    const Session &session() const { return m_session; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void logIn();
    void retranslate();

    UserDirectory &m_directory;
    Session m_session;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_loginLabel = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLabel *m_languageLabel = nullptr;
    QLineEdit *m_loginEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QPushButton *m_loginButton = nullptr;
    QLabel *m_messageLabel = nullptr;
    int m_messageKind = 0; // which message is shown, so a language switch retranslates it
    Error m_failure;       // the error of an OtherFailure message
};

} // namespace mado
