#pragma once

#include "core/store/AuditLog.h"
#include "ui/support/JobTracker.h"

#include <QAbstractTableModel>

#include <vector>

namespace mado {

class CaseStore;

// The audit chain (core's AuditLog), newest entry first, read-only and fetched lazily in pages on
// the thread pool through a JobTracker (keyset on seq). GUI thread only; stale pages (after
// refresh()) are dropped. A failed read is reported through failed(Error) and ends fetching.
class AuditModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Seq, At, Actor, Action, Subject, Detail, ColumnCount };

    explicit AuditModel(CaseStore &store, QObject *parent = nullptr);

    void refresh();
    // A page is on its way (fetchMore() does nothing meanwhile).
    bool isLoading() const { return m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void pageLoaded(int rowsAdded);
    void failed(const mado::Error &error);

private:
    void startFetch();
    void deliver(const Result<AuditPage> &page);

    CaseStore &m_store;
    std::vector<AuditChain::Entry> m_entries;
    bool m_more = true;
    bool m_loading = false;
    JobTracker m_jobs{this};
};

} // namespace mado
