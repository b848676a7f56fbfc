#pragma once

#include "core/domain/Result.h"
#include "core/store/CaseQueue.h"
#include "ui/support/JobTracker.h"

#include <QAbstractTableModel>
#include <QMap>

#include <optional>

namespace mado {

class CaseStore;

// The case queue (core's CaseQueue) as a table, fetched lazily in pages (keyset on the case id) so
// that a store of 100,000 cases opens at once. Pages are read on the thread pool through a
// JobTracker and delivered back to the GUI thread; a page that arrives after the filter changed is
// dropped. GUI thread only. A failed query is reported through failed(Error) and ends fetching.
class QueueModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Reference, Procedure, Received, Age, Band, Flags, State, Assignee, ColumnCount };
    enum Roles { CaseIdRole = Qt::UserRole + 1 };
    static constexpr int kDefaultPageSize = CaseQueue::kDefaultPageSize;

    // userId: the viewing user (QueueEntry::available is computed for them).
    explicit QueueModel(CaseStore &store, qint64 userId = 0, QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    const QueueFilter &filter() const { return m_filter; }
    // Clears the rows and loads the first page with the new filter (also when it is unchanged: a refresh).
    void setFilter(const QueueFilter &filter);
    void refresh() { setFilter(m_filter); }
    // Cases per state in the whole store, as of the last first page.
    const QMap<QString, qint64> &countsPerState() const { return m_counts; }
    bool isLoading() const { return m_loading; }
    qint64 caseId(int row) const;
    // The row's queue line (row in range).
    const QueueEntry &entry(int row) const { return m_rows[static_cast<size_t>(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    // A page was appended (or the first page of a new filter arrived).
    void pageLoaded(int rowsAdded);
    void countsChanged();
    void failed(const mado::Error &error);

private:
    // What one job brings back: a page and, for the first page of a filter, the counts.
    struct Fetched {
        Result<QueuePage> page = QueuePage{};
        std::optional<Result<QMap<QString, qint64>>> counts;
    };
    void startFetch(bool withCounts);
    void deliver(const Fetched &fetched);

    CaseStore &m_store;
    qint64 m_userId = 0;
    QueueFilter m_filter;
    std::vector<QueueEntry> m_rows;
    QMap<QString, qint64> m_counts;
    int m_pageSize = kDefaultPageSize;
    bool m_more = true;
    bool m_loading = false;
    JobTracker m_jobs{this};
};

} // namespace mado
