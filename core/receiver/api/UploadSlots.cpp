#include "core/receiver/api/UploadSlots.h"

namespace mado {

UploadSlots::Ticket UploadSlots::acquire(const QString &userId, Refusal &refusal)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    refusal = Refusal::None;
    // The user's own limit first: it tells that user what to do (wait for their other upload).
    if (const auto found = m_perUserInProgress.find(userId);
        found != m_perUserInProgress.end() ? found->second >= m_perUser : m_perUser <= 0)
        refusal = Refusal::User;
    else if (m_inProgress >= m_total)
        refusal = Refusal::Total;
    if (refusal != Refusal::None)
        return Ticket();
    ++m_perUserInProgress[userId];
    ++m_inProgress;
    return Ticket(this, userId);
}

void UploadSlots::release(const QString &userId)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    --m_inProgress;
    const auto found = m_perUserInProgress.find(userId);
    if (found != m_perUserInProgress.end() && --found->second <= 0)
        m_perUserInProgress.erase(found);
}

int UploadSlots::inProgress() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_inProgress;
}

} // namespace mado
