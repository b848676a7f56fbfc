#include "ui/views/UsersView.h"

#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "ui/support/Background.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mado {

namespace {

using Rows = QList<QStringList>;

Result<Rows> loadUsers(CaseStore &store)
{
    auto db = store.connections().database();
    if (!db)
        return db.error();
    auto query = Sql::run(db.value(), QStringLiteral("SELECT login, display_name, role, disabled, locked_until "
                                                     "FROM users ORDER BY login"));
    if (!query)
        return query.error();
    Rows rows;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toBool() ? QStringLiteral("1") : QString(), q.value(4).toString()});
    }
    return rows;
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
    runInBackground(
        this, [store] { return loadUsers(*store); },
        [this](const Result<Rows> &rows) {
            if (!rows) {
                m_noteLabel->setText(tr("The accounts could not be read: %1").arg(rows.error().message));
                return;
            }
            m_table->setRowCount(static_cast<int>(rows.value().size()));
            for (int row = 0; row < m_table->rowCount(); ++row) {
                const QStringList &cells = rows.value().at(row);
                for (int column = 0; column < cells.size(); ++column) {
                    QString text = cells.at(column);
                    if (column == 3)
                        text = text.isEmpty() ? QString() : tr("disabled");
                    m_table->setItem(row, column, new QTableWidgetItem(text));
                }
            }
            Q_EMIT loaded();
        });
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
}

} // namespace mado
