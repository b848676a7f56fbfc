#include "ui/views/UsersView.h"

#include "core/store/CaseStore.h"
#include "core/store/UserList.h"
#include "ui/support/Background.h"
#include "ui/support/ErrorTexts.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mado {

namespace {

QString roleText(Role role)
{
    switch (role) {
    case Role::Clerk:
        return UsersView::tr("clerk");
    case Role::Supervisor:
        return UsersView::tr("supervisor");
    case Role::Admin:
        return UsersView::tr("administrator");
    }
    return roleName(role);
}

} // namespace

UsersView::UsersView(CaseStore &store, QWidget *parent) : QWidget(parent), m_store(store)
{
    setObjectName(QStringLiteral("usersView"));
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("usersTableWidget"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("refreshUsersButton"));
    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(QStringLiteral("usersNoteLabel"));
    m_noteLabel->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_refreshButton);
    connect(m_refreshButton, &QPushButton::clicked, this, &UsersView::reload);
    retranslate();
    reload();
}

void UsersView::reload()
{
    CaseStore *store = &m_store;
    // A newer reload supersedes this one.
    m_reloads.startJob([store] { return UserList(*store).all(); },
                       [this](const Result<std::vector<UserAccount>> &accounts) {
                           if (!accounts) {
                               m_noteLabel->setText(
                                   ErrorTexts::failure(tr("The accounts could not be read"), accounts.error()));
                               m_noteLabel->setToolTip(ErrorTexts::details(accounts.error()));
                               return;
                           }
                           m_accounts = accounts.value();
                           showAccounts();
                           Q_EMIT loaded();
                       });
}

void UsersView::showAccounts()
{
    m_table->setRowCount(static_cast<int>(m_accounts.size()));
    const QDateTime now = m_store.clock().now();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const UserAccount &account = m_accounts[static_cast<size_t>(row)];
        // A lock-out in the past is over: only a running one is shown.
        const QString locked = account.lockedUntil.isValid() && account.lockedUntil > now
                                   ? QLocale().toString(account.lockedUntil.toLocalTime(), QLocale::ShortFormat)
                                   : QString();
        const QStringList cells{account.login, account.displayName, roleText(account.role),
                                account.disabled ? tr("disabled") : QString(), locked};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
}

void UsersView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void UsersView::retranslate()
{
    const QStringList headers{tr("Login"), tr("Name"), tr("Role"), tr("Disabled"), tr("Locked until")};
    m_table->setColumnCount(static_cast<int>(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_refreshButton->setText(tr("Refresh"));
    m_noteLabel->setText(tr("Staff accounts. Add, disable and reset accounts with madoguchi-cli (audited)."));
    m_noteLabel->setToolTip(QString());
    showAccounts();
}

} // namespace mado
