#pragma once

#include "core/domain/Result.h"
#include "core/store/CaseQueue.h"
#include "core/store/QueueChanges.h"
#include "ui/support/JobTracker.h"

#include <QAbstractTableModel>
#include <QMap>

#include <memory>
#include <optional>

namespace mado {

class CaseStore;

// The case queue (core's CaseQueue) as a table, fetched lazily in pages (keyset on the case id) so
// that a store of 100,000 cases opens at once. Pages are read on the thread pool through a
// JobTracker and delivered back to the GUI thread; a page that arrives after the filter changed is
// dropped. GUI thread only. A failed query is reported through failed(Error) and ends fetching.
// With followChanges(), core's QueueChanges (LISTEN/NOTIFY on PostgreSQL, polling on SQLite) tells
// the model when any workstation changed the queue, and the rows loaded so far are read again in
// place (same rows: updated without a reset, so the view keeps its selection and scroll position).
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
    // Reads the rows loaded so far again (at least a page), without a reset when the same cases come back.
    void reload();
    // Reloads whenever the store says the queue changed (another workstation claimed, decided …).
    void followChanges(QueueChanges::Options options = {});
    // The watch, while following (tests wait for its watching() before they change the store).
    QueueChanges *changes() const { return m_changes.get(); }
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
    // reload() delivered: the loaded rows are the store's again.
    void reloaded();
    void countsChanged();
    void failed(const mado::Error &error);

private:
    // What one job brings back: a page and, for the first page of a filter, the counts.
    struct Fetched {
        Result<QueuePage> page = QueuePage{};
        std::optional<Result<QMap<QString, qint64>>> counts;
        bool reload = false;
    };
    void startFetch(bool withCounts, bool reload = false);
    void replaceRows(std::vector<QueueEntry> rows);
    void reloadIfPending();
    void deliver(const Fetched &fetched);

    CaseStore &m_store;
    qint64 m_userId = 0;
    QueueFilter m_filter;
    std::vector<QueueEntry> m_rows;
    QMap<QString, qint64> m_counts;
    int m_pageSize = kDefaultPageSize;
    bool m_more = true;
    bool m_loading = false;
    bool m_reloadPending = false; // a change arrived while a page was loading: reload after it
    JobTracker m_jobs{this};
    std::unique_ptr<QueueChanges> m_changes;
};

} // namespace mado
