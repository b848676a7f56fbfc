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
// page that started it (the store goes after the window). GUI thread.
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
        m_jobs.push_back({[future] { return future.isFinished(); },
                          [future]() mutable { future.waitForFinished(); }});
    }
    void waitForAll();

private:
    struct Job {
        std::function<bool()> finished;
        std::function<void()> wait;
    };
    void prune();

    std::vector<Job> m_jobs;
};

// Runs `work` on the global thread pool and hands its value to `done` on `context`'s thread
// (the GUI thread for widgets). When `context` is destroyed first, `done` is not called, and the
// destruction waits for `work` to end (BackgroundJobs). The value travels in a shared_ptr, so types
// without a default constructor (Result<T>, Status) work. `work` must only use objects that
// outlive `context` (the store outlives its widgets), never `context` itself.
template <typename Work, typename Done> QFuture<void> runInBackground(QObject *context, Work work, Done done)
{
    using Value = std::invoke_result_t<Work>;
    auto future = QtConcurrent::run([work = std::move(work)]() mutable { return std::make_shared<Value>(work()); });
    BackgroundJobs::of(context).add(future);
    return future.then(context,
                       [done = std::move(done)](const std::shared_ptr<Value> &value) mutable { done(*value); });
}

} // namespace mado
