#pragma once

#include "ui/support/Background.h"

#include <QObject>

#include <utility>

namespace mado {

// Drops the results of superseded background jobs (after KDAB hotspot's JobTracker): every
// startJob() takes a new generation number and runs its work through runInBackground; a result
// is handed to `done` only while its job is still the newest one of this tracker. A model that
// changes its filter, or a view that opens another case, simply starts the next job, and the
// pages or cases of the earlier one never arrive. reset() drops every running job's result
// without starting a new one.
//
// One tracker per kind of result (a model's pages, a view's case). It must be a member (or
// child) of `context`, so it lives as long as the continuations runInBackground posts to that
// context; when the context goes first, nothing is delivered and its destruction waits for the
// work (BackgroundJobs). GUI thread only.
class JobTracker {
public:
    explicit JobTracker(QObject *context) : m_context(context) {}
    JobTracker(const JobTracker &) = delete;
    JobTracker &operator=(const JobTracker &) = delete;

    // Runs `work` on the thread pool; `done(value)` follows on the context's thread unless
    // another startJob() or reset() came in between. `work` must not touch the context.
    template <typename Work, typename Done> void startJob(Work work, Done done)
    {
        const quint64 job = ++m_current;
        m_running = true;
        runInBackground(m_context, std::move(work), [this, job, done = std::move(done)](const auto &value) mutable {
            if (job != m_current)
                return; // superseded: a newer job (or a reset) owns the result now
            m_running = false;
            done(value);
        });
    }
    // Drops the results of every job started so far.
    void reset()
    {
        ++m_current;
        m_running = false;
    }
    // Whether the newest job's result is still to come.
    bool isJobRunning() const { return m_running; }
    // Generation of the newest job (tests, and callers that compare before and after).
    quint64 currentJob() const { return m_current; }

private:
    QObject *m_context;
    quint64 m_current = 0;
    bool m_running = false;
};

} // namespace mado
