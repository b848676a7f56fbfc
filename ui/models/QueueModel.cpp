#include "ui/models/QueueModel.h"

#include "ui/support/DomainTexts.h"

#include "core/store/CaseStore.h"

#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace mado {

QueueModel::QueueModel(CaseStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store) {}

QueueModel::~QueueModel()
{
    // The jobs use the store and post to this model: they must end first.
    for (QFuture<void> &job : m_jobs)
        job.waitForFinished();
}

void QueueModel::setFilter(const QueueFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_more = true;
    m_loading = true; // no fetchMore() from views reacting to the reset: the first page follows
    endResetModel();
    startFetch(true);
}

qint64 QueueModel::caseId(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? m_rows[static_cast<size_t>(row)].id : 0;
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
    const QueueRow &row = m_rows[static_cast<size_t>(index.row())];
    if (role == CaseIdRole)
        return row.id;
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
        return DomainTexts::state(row.state);
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

void QueueModel::startFetch(bool withCounts)
{
    m_loading = true;
    // Only the newest request may deliver: a page of an older filter, or a duplicate request, is dropped.
    const quint64 generation = ++m_generation;
    const qint64 after = m_rows.empty() ? 0 : m_rows.back().id;
    CaseStore *store = &m_store;
    const QueueFilter filter = m_filter;
    const int limit = m_pageSize;
    QueueModel *model = this;
    // The destructor waits for every job, so `model` outlives the job; a page posted to a model
    // deleted before it arrives is discarded with the model's pending events.
    m_jobs.removeIf([](const QFuture<void> &job) { return job.isFinished(); });
    m_jobs.append(QtConcurrent::run([store, filter, after, limit, withCounts, model, generation] {
        auto result = QueueQuery::page(*store, filter, after, limit, withCounts);
        QueuePage page;
        if (result)
            page = std::move(result).value();
        else
            page.error = result.error().message;
        QMetaObject::invokeMethod(
            model, [model, generation, page] { model->deliver(generation, page); }, Qt::QueuedConnection);
    }));
}

void QueueModel::deliver(quint64 generation, const QueuePage &value)
{
    if (generation != m_generation)
        return; // stale: the filter changed while the page was loading
    if (!value.error.isEmpty()) {
        m_loading = false;
        m_more = false;
        Q_EMIT failed(value.error);
        return;
    }
    // Still "loading" while rows are inserted, so a view or tester reacting to the insertion
    // cannot start the next page before this one is complete.
    m_more = value.more;
    if (!value.rows.empty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(value.rows.size()) - 1);
        m_rows.insert(m_rows.end(), value.rows.begin(), value.rows.end());
        endInsertRows();
    }
    m_loading = false;
    if (!value.perState.isEmpty()) {
        m_counts = value.perState;
        Q_EMIT countsChanged();
    }
    Q_EMIT pageLoaded(static_cast<int>(value.rows.size()));
}

} // namespace mado
