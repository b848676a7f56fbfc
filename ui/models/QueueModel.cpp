#include "ui/models/QueueModel.h"

#include "ui/support/DomainTexts.h"

#include "core/store/CaseStore.h"

#include <QLocale>

#include <algorithm>

namespace mado {

QueueModel::QueueModel(CaseStore &store, qint64 userId, QObject *parent)
    : QAbstractTableModel(parent), m_store(store), m_userId(userId)
{
}

void QueueModel::setFilter(const QueueFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_reloadPending = false;
    m_rows.clear();
    m_more = true;
    m_loading = true; // no fetchMore() from views reacting to the reset: the first page follows
    endResetModel();
    startFetch(true);
}

void QueueModel::reload()
{
    if (m_loading) { // not superseded: the page in flight is delivered first, then the rows are read again
        m_reloadPending = true;
        return;
    }
    startFetch(true, true);
}

void QueueModel::followChanges(QueueChanges::Options options)
{
    m_changes = std::make_unique<QueueChanges>(m_store.address(), options);
    connect(m_changes.get(), &QueueChanges::changed, this, &QueueModel::reload);
}

qint64 QueueModel::caseId(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? m_rows[static_cast<size_t>(row)].caseId : 0;
}

int QueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int QueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString ageText(const QDateTime &received, const QDateTime &now)
{
    const qint64 minutes = received.secsTo(now) / 60;
    if (minutes < 60)
        return QueueModel::tr("%n min", nullptr, static_cast<int>(qMax<qint64>(0, minutes)));
    if (minutes < 48 * 60)
        return QueueModel::tr("%n h", nullptr, static_cast<int>(minutes / 60));
    return QueueModel::tr("%n d", nullptr, static_cast<int>(minutes / (24 * 60)));
}

} // namespace

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueEntry &row = m_rows[static_cast<size_t>(index.row())];
    if (role == CaseIdRole)
        return row.caseId;
    if (role == Qt::ToolTipRole && index.column() == Flags)
        return row.flags;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Reference:
        return row.reference;
    case Procedure:
        return DomainTexts::procedure(row.procedure);
    case Received:
        return QLocale().toString(row.receivedAt.toLocalTime(), QLocale::ShortFormat);
    case Age:
        return ageText(row.receivedAt, m_store.clock().now());
    case Band:
        return DomainTexts::band(row.band);
    case Flags:
        return row.flags.isEmpty()
                   ? QString()
                   : tr("%n issue(s)", nullptr, static_cast<int>(row.flags.count(QLatin1Char(',')) + 1));
    case State:
        return DomainTexts::state(caseStateName(row.state));
    case Assignee:
        return row.assignee;
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Reference:
        return tr("Reference");
    case Procedure:
        return tr("Procedure");
    case Received:
        return tr("Received");
    case Age:
        return tr("Age");
    case Band:
        return tr("AI band");
    case Flags:
        return tr("Flags");
    case State:
        return tr("State");
    case Assignee:
        return tr("Assignee");
    default:
        return {};
    }
}

bool QueueModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_loading;
}

void QueueModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startFetch(false);
}

void QueueModel::startFetch(bool withCounts, bool reload)
{
    m_loading = true;
    // A new job supersedes the one in flight: a page of an older filter is never delivered.
    // A reload reads from the start as many rows as are loaded (at least a page).
    const qint64 after = reload || m_rows.empty() ? 0 : m_rows.back().caseId;
    CaseStore *store = &m_store;
    const qint64 userId = m_userId;
    const QueueFilter filter = m_filter;
    const int limit = reload ? qMax(m_pageSize, static_cast<int>(m_rows.size())) : m_pageSize;
    m_jobs.startJob(
        [store, userId, filter, after, limit, withCounts, reload] {
            CaseQueue queue(*store);
            Fetched fetched{queue.page(userId, filter, after, limit), std::nullopt, reload};
            if (withCounts && fetched.page)
                fetched.counts = queue.countsPerState();
            return fetched;
        },
        [this](const Fetched &fetched) { deliver(fetched); });
}

void QueueModel::deliver(const Fetched &fetched)
{
    std::optional<Error> error;
    if (!fetched.page)
        error = fetched.page.error();
    else if (fetched.counts && !*fetched.counts)
        error = fetched.counts->error();
    if (error) {
        m_loading = false;
        m_more = false;
        Q_EMIT failed(*error);
        return;
    }
    const QueuePage &value = fetched.page.value();
    if (fetched.reload) {
        m_more = value.more;
        replaceRows(value.entries);
        m_loading = false;
        if (fetched.counts) {
            m_counts = fetched.counts->value();
            Q_EMIT countsChanged();
        }
        Q_EMIT reloaded();
        reloadIfPending();
        return;
    }
    // Still "loading" while rows are inserted, so a view or tester reacting to the insertion
    // cannot start the next page before this one is complete.
    m_more = value.more;
    if (!value.entries.empty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(value.entries.size()) - 1);
        m_rows.insert(m_rows.end(), value.entries.begin(), value.entries.end());
        endInsertRows();
    }
    m_loading = false;
    if (fetched.counts) {
        m_counts = fetched.counts->value();
        Q_EMIT countsChanged();
    }
    Q_EMIT pageLoaded(static_cast<int>(value.entries.size()));
    reloadIfPending();
}

void QueueModel::reloadIfPending()
{
    if (m_reloadPending && !m_loading) {
        m_reloadPending = false;
        startFetch(true, true);
    }
}

void QueueModel::replaceRows(std::vector<QueueEntry> rows)
{
    const bool sameCases = std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
                                      [](const QueueEntry &a, const QueueEntry &b) { return a.caseId == b.caseId; });
    if (!sameCases) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace mado
