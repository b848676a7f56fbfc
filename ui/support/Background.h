#pragma once

#include <QFuture>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>

namespace mado {

// Runs `work` on the global thread pool and hands its value to `done` on `context`'s thread
// (the GUI thread for widgets). When `context` is destroyed first, `done` is not called. The value
// travels in a shared_ptr, so types without a default constructor (Result<T>, Status) work.
// `work` must only use objects that outlive it (the store outlives its widgets).
template <typename Work, typename Done> QFuture<void> runInBackground(QObject *context, Work work, Done done)
{
    using Value = std::invoke_result_t<Work>;
    auto future = QtConcurrent::run([work = std::move(work)]() mutable { return std::make_shared<Value>(work()); });
    return future.then(context,
                       [done = std::move(done)](const std::shared_ptr<Value> &value) mutable { done(*value); });
}

} // namespace mado
