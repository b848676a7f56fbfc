#pragma once

#include <QString>

#include <map>
#include <mutex>

namespace mado {

// Counts the application uploads in progress, per LINE user and in all, so that a resident's
// (or an attacker's) parallel uploads cannot hold all threads, disk and memory. acquire() takes a
// slot or says which limit was hit; a Ticket gives its slot back when it ends. Thread-safe; the
// slots must outlive their tickets.
class UploadSlots {
public:
    enum class Refusal { None, User, Total };

    // Holds one slot while it lives (empty when the slot was refused). Movable.
    class Ticket {
    public:
        Ticket() = default;
        Ticket(UploadSlots *slots, QString userId) : m_slots(slots), m_userId(std::move(userId)) {}
        Ticket(Ticket &&other) noexcept : m_slots(other.m_slots), m_userId(std::move(other.m_userId))
        {
            other.m_slots = nullptr;
        }
        Ticket &operator=(Ticket &&) = delete;
        bool held() const { return m_slots != nullptr; }
        Ticket(const Ticket &) = delete;
        ~Ticket() { release(); }
        // Gives the slot back now (before the answer goes out, so a client that got it may start
        // its next upload at once).
        void release()
        {
            if (m_slots)
                m_slots->release(m_userId);
            m_slots = nullptr;
        }

    private:
        UploadSlots *m_slots = nullptr;
        QString m_userId;
    };

    UploadSlots(int perUser, int total) : m_perUser(perUser), m_total(total) {}

    // A slot for userId, or an empty ticket and in refusal the limit that refused it.
    Ticket acquire(const QString &userId, Refusal &refusal);
    int inProgress() const;

private:
    void release(const QString &userId);

    mutable std::mutex m_mutex;
    int m_perUser;
    int m_total;
    int m_inProgress = 0;
    std::map<QString, int> m_perUserInProgress;
};

} // namespace mado
