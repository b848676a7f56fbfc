#include "ui/models/AuditModel.h"

#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace mado {

namespace {

constexpr int kPageSize = 500;

} // namespace

AuditModel::AuditModel(CaseStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    refresh();
}

AuditModel::~AuditModel()
{
    // The jobs use the store and post to this model: they must end first.
    for (QFuture<void> &job : m_jobs)
        job.waitForFinished();
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
    // Only the newest request may deliver: a page of an older filter, or a duplicate request, is dropped.
    const quint64 generation = ++m_generation;
    const qint64 before = m_entries.empty() ? std::numeric_limits<qint64>::max() : m_entries.back().seq;
    CaseStore *store = &m_store;
    AuditModel *model = this;
    m_jobs.removeIf([](const QFuture<void> &job) { return job.isFinished(); });
    m_jobs.append(QtConcurrent::run([store, before, model, generation] {
        const Page page = load(*store, before);
        QMetaObject::invokeMethod(
            model, [model, generation, page] { model->deliver(generation, page); }, Qt::QueuedConnection);
    }));
}

AuditModel::Page AuditModel::load(CaseStore &store, qint64 before)
{
    Page page;
    auto db = store.connections().database();
    if (!db) {
        page.error = db.error().message;
        return page;
    }
    auto query = Sql::run(db.value(),
                          QStringLiteral("SELECT seq, at, actor, action, subject, detail FROM audit "
                                         "WHERE seq < :before ORDER BY seq DESC LIMIT :limit"),
                          {{QStringLiteral("before"), before}, {QStringLiteral("limit"), kPageSize + 1}});
    if (!query) {
        page.error = query.error().message;
        return page;
    }
    while (query.value().next()) {
        if (static_cast<int>(page.entries.size()) == kPageSize) {
            page.more = true;
            break;
        }
        const QSqlQuery &q = query.value();
        AuditChain::Entry entry;
        entry.seq = q.value(0).toLongLong();
        entry.at = StoreTime::parse(q.value(1).toString());
        entry.actor = q.value(2).toString();
        entry.action = q.value(3).toString();
        entry.subject = q.value(4).toString();
        entry.detail = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        page.entries.push_back(std::move(entry));
    }
    return page;
}

void AuditModel::deliver(quint64 generation, const Page &page)
{
    if (generation != m_generation)
        return;
    if (!page.error.isEmpty()) {
        m_loading = false;
        m_more = false;
        Q_EMIT failed(page.error);
        return;
    }
    m_more = page.more;
    if (!page.entries.empty()) {
        const int first = static_cast<int>(m_entries.size());
        beginInsertRows({}, first, first + static_cast<int>(page.entries.size()) - 1);
        m_entries.insert(m_entries.end(), page.entries.begin(), page.entries.end());
        endInsertRows();
    }
    m_loading = false;
    Q_EMIT pageLoaded(static_cast<int>(page.entries.size()));
}

} // namespace mado
