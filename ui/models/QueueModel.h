#pragma once

#include "ui/models/QueueQuery.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QList>

namespace mado {

class CaseStore;

// The case queue as a table, fetched lazily in pages (keyset on the case id) so that a store of
// 100,000 cases opens at once. Pages are queried on the thread pool with the store's per-thread
// connections and delivered back to the GUI thread; a page that arrives after the filter changed
// is dropped. GUI thread only. A failed query is reported through failed() and ends fetching.
class QueueModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Reference, Procedure, Received, Age, Band, Flags, State, Assignee, ColumnCount };
    enum Roles { CaseIdRole = Qt::UserRole + 1 };
    static constexpr int kDefaultPageSize = 200;

    QueueModel(CaseStore &store, QObject *parent = nullptr);
    ~QueueModel() override;

    void setPageSize(int rows) { m_pageSize = rows; }
    const QueueFilter &filter() const { return m_filter; }
    // Clears the rows and loads the first page with the new filter (also when it is unchanged: a refresh).
    void setFilter(const QueueFilter &filter);
    void refresh() { setFilter(m_filter); }
    // Cases per state in the whole store, as of the last first page.
    const QMap<QString, qint64> &countsPerState() const { return m_counts; }
    bool isLoading() const { return m_loading; }
    qint64 caseId(int row) const;

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
    void failed(const QString &message);

private:
    void startFetch(bool withCounts);
    void deliver(quint64 generation, const QueuePage &page);

    CaseStore &m_store;
    QueueFilter m_filter;
    std::vector<QueueRow> m_rows;
    QMap<QString, qint64> m_counts;
    int m_pageSize = kDefaultPageSize;
    quint64 m_generation = 0;
    bool m_more = true;
    bool m_loading = false;
    QList<QFuture<void>> m_jobs;
};

} // namespace mado
