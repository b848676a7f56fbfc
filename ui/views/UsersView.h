#pragma once

#include "core/store/UserList.h"
#include "ui/support/JobTracker.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace mado {

class CaseStore;

// The administrator's list of staff accounts (login, name, role, disabled, locked until), read off
// the GUI thread through core's UserList. Read-only here: accounts are managed with madoguchi-cli. GUI thread only.
class UsersView : public QWidget {
    Q_OBJECT

public:
    explicit UsersView(CaseStore &store, QWidget *parent = nullptr);

    void reload();

Q_SIGNALS:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showAccounts();

    CaseStore &m_store;
    QTableWidget *m_table = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QLabel *m_noteLabel = nullptr;
    std::vector<UserAccount> m_accounts;
    JobTracker m_reloads{this};
};

} // namespace mado
