#pragma once

#include "core/store/AuditChain.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QList>

#include <memory>
#include <vector>

namespace mado {

class CaseStore;

// The audit chain, newest entry first, read-only and fetched lazily in pages on the thread pool
// (keyset on seq). GUI thread only; stale pages (after refresh()) are dropped.
class AuditModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Seq, At, Actor, Action, Subject, Detail, ColumnCount };

    explicit AuditModel(CaseStore &store, QObject *parent = nullptr);
    ~AuditModel() override;

    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void pageLoaded(int rowsAdded);
    void failed(const QString &message);

private:
    struct Page {
        std::vector<AuditChain::Entry> entries;
        bool more = false;
        QString error;
    };
    void startFetch();
    static Page load(CaseStore &store, qint64 before);
    void deliver(quint64 generation, const Page &page);

    CaseStore &m_store;
    std::vector<AuditChain::Entry> m_entries;
    quint64 m_generation = 0;
    bool m_more = true;
    bool m_loading = false;
    QList<QFuture<void>> m_jobs;
};

} // namespace mado
