#include "ui/support/Background.h"

#include <algorithm>

namespace mado {

BackgroundJobs &BackgroundJobs::of(QObject *context)
{
    static const QString kName = QStringLiteral("mado_background_jobs");
    if (auto *jobs = context->findChild<BackgroundJobs *>(kName, Qt::FindDirectChildrenOnly))
        return *jobs;
    auto *jobs = new BackgroundJobs(context);
    jobs->setObjectName(kName);
    return *jobs;
}

void BackgroundJobs::waitForAll()
{
    *m_open = false;
    for (Job &job : m_jobs)
        job.wait();
    m_jobs.clear();
}

void BackgroundJobs::prune()
{
    m_jobs.erase(std::remove_if(m_jobs.begin(), m_jobs.end(), [](const Job &job) { return job.finished(); }),
                 m_jobs.end());
}

} // namespace mado
