#include "ui/models/AuditModel.h"

#include <QJsonDocument>
#include <QLocale>

#include <limits>

namespace mado {

AuditModel::AuditModel(CaseStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    refresh();
}

void AuditModel::refresh()
{
    beginResetModel();
    m_entries.clear();
    m_more = true;
    m_loading = true; // no fetchMore() from views reacting to the reset: the first page follows
    endResetModel();
    startFetch();
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        role != Qt::DisplayRole)
        return {};
    const AuditChain::Entry &entry = m_entries[static_cast<size_t>(index.row())];
    switch (index.column()) {
    case Seq:
        return entry.seq;
    case At:
        return QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat);
    case Actor:
        return entry.actor;
    case Action:
        return entry.action;
    case Subject:
        return entry.subject;
    case Detail:
        return QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Seq:
        return tr("No.");
    case At:
        return tr("Time");
    case Actor:
        return tr("Actor");
    case Action:
        return tr("Action");
    case Subject:
        return tr("Subject");
    case Detail:
        return tr("Detail");
    default:
        return {};
    }
}

bool AuditModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_loading;
}

void AuditModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startFetch();
}

void AuditModel::startFetch()
{
    m_loading = true;
    // A new job supersedes the one in flight: a page from before a refresh() is never delivered.
    const qint64 before = m_entries.empty() ? std::numeric_limits<qint64>::max() : m_entries.back().seq;
    CaseStore *store = &m_store;
    m_jobs.startJob([store, before] { return AuditLog(*store).page(before); },
                    [this](const Result<AuditPage> &page) { deliver(page); });
}

void AuditModel::deliver(const Result<AuditPage> &page)
{
    if (!page) {
        m_loading = false;
        m_more = false;
        Q_EMIT failed(page.error());
        return;
    }
    const std::vector<AuditChain::Entry> &entries = page.value().entries;
    m_more = page.value().more;
    if (!entries.empty()) {
        const int first = static_cast<int>(m_entries.size());
        beginInsertRows({}, first, first + static_cast<int>(entries.size()) - 1);
        m_entries.insert(m_entries.end(), entries.begin(), entries.end());
        endInsertRows();
    }
    m_loading = false;
    Q_EMIT pageLoaded(static_cast<int>(entries.size()));
}

} // namespace mado
