#pragma once

#include <QFuture>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

namespace mado {

// The work runInBackground started for one context object: a child of that object, it waits for
// the work still running when the context is destroyed, so that no read or write outlives the
// page that started it (the store goes after the window). Once the wait has begun no `done` runs:
// waiting may run a queued job and its continuation right here, while the page is half destroyed.
// GUI thread.
class BackgroundJobs : public QObject {
    Q_OBJECT

public:
    explicit BackgroundJobs(QObject *context) : QObject(context) {}
    ~BackgroundJobs() override { waitForAll(); }

    // The jobs of `context`, created on first use.
    static BackgroundJobs &of(QObject *context);

    template <typename T> void add(QFuture<T> future)
    {
        prune();
        m_jobs.push_back({[future] { return future.isFinished(); }, [future]() mutable { future.waitForFinished(); }});
    }
    void waitForAll();
    // False once the context is going: continuations must not run any more.
    std::shared_ptr<const bool> open() const { return m_open; }

private:
    struct Job {
        std::function<bool()> finished;
        std::function<void()> wait;
    };
    void prune();

    std::vector<Job> m_jobs;
    std::shared_ptr<bool> m_open = std::make_shared<bool>(true);
};

// The UI's one way to run work off the GUI thread (models, views, dialogs and the background
// work alike; no private pools, no hand-rolled job lists). Results that a newer request makes
// stale (a page of an old filter, a case no longer open) go through JobTracker, which wraps this.
//
// Runs `work` on the global thread pool and hands its value to `done` on `context`'s thread
// (the GUI thread for widgets), always from the event loop, never inside this call. When
// `context` is destroyed first, `done` is not called, and the destruction waits for `work` to
// end (BackgroundJobs). The value travels in a shared_ptr, so types
// without a default constructor (Result<T>, Status) work. `work` must only use objects that
// outlive `context` (the store outlives its widgets), never `context` itself.
template <typename Work, typename Done> QFuture<void> runInBackground(QObject *context, Work work, Done done)
{
    using Value = std::invoke_result_t<Work>;
    auto future = QtConcurrent::run([work = std::move(work)]() mutable { return std::make_shared<Value>(work()); });
    BackgroundJobs &jobs = BackgroundJobs::of(context);
    jobs.add(future);
    // Qt runs a continuation at once, inside this call, when the work has already ended (the pool
    // thread may beat the caller to then()): `done` would run before the caller, often a
    // constructor, has connected to the signals `done` emits. So `done` is always posted to
    // `context` and runs from its event loop; a posted call to a deleted context is dropped.
    return future.then(
        context, [context, open = jobs.open(), done = std::move(done)](const std::shared_ptr<Value> &value) mutable {
            QMetaObject::invokeMethod(
                context,
                [open, done = std::move(done), value]() mutable {
                    if (*open)
                        done(*value);
                },
                Qt::QueuedConnection);
        });
}

} // namespace mado
