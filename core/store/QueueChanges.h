#pragma once

#include "core/domain/Result.h"
#include "core/store/StoreAddress.h"

#include <QObject>
#include <QThread>

namespace mado {

class QueueChangeListener;

// Tells a workstation that the case queue changed in the store, whoever changed it (another
// workstation, the importer, another thread of this program), so that its queue page can refresh.
// On PostgreSQL the database says so itself: revision 0011's triggers on `cases` send
// NOTIFY madoguchi_queue (delivered when the writing transaction commits, whichever client wrote)
// and this object LISTENs on a connection of its own (QSqlDriver::subscribeToNotification). On
// SQLite, where a trigger cannot reach another process, it polls PRAGMA data_version on its own
// connection (it changes with every commit by any other connection to the file). The watching runs
// in a thread of its own (a server that is down must not freeze the GUI); a lost connection is
// retried every retryMs and, once back, counts as a change (notifications may have been missed).
// Bursts are coalesced: changed() at most once per coalesceMs. Signals arrive in the thread that
// created the object. No SQL leaves core: the UI only connects to the signals.
class QueueChanges : public QObject {
    Q_OBJECT

public:
    static constexpr const char *kChannel = "madoguchi_queue";
    struct Options {
        int pollMs = 1000;    // SQLite: how often data_version is read
        int coalesceMs = 250; // changes within this time give one changed()
        int retryMs = 3000;   // PostgreSQL: liveness check of the listening connection, and reconnects
    };

    explicit QueueChanges(const StoreAddress &address, QObject *parent = nullptr)
        : QueueChanges(address, Options{}, parent)
    {
    }
    QueueChanges(const StoreAddress &address, Options options, QObject *parent = nullptr);
    ~QueueChanges() override;
    QueueChanges(const QueueChanges &) = delete;
    QueueChanges &operator=(const QueueChanges &) = delete;

Q_SIGNALS:
    // Something in the queue changed (a case was imported, claimed, decided, batched …).
    void changed();
    // The watch is in place: after the start, and again after a reconnect.
    void watching();
    // The watch's connection failed or was lost; it is retried every retryMs.
    void lost(const mado::Error &error);

private:
    QThread m_thread;
    QueueChangeListener *m_listener = nullptr; // lives in m_thread
};

} // namespace mado
