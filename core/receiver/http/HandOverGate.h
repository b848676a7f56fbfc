#pragma once

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <map>
#include <string>
#include <mutex>
#include <thread>

namespace mado {

class ReceiverMetrics;

// Bounds the connections the webhook front hands over to the thread-per-connection server (the
// applicant API, /healthz, /metrics): at most maxConnections at once (tryReserve() fails beyond,
// the front answers 503), plus lightReserve connections whose one request is light (a GET without
// a body, all received: a /healthz probe), admitted only when the others are full and closed after
// that request (so slow clients holding every thread do not make /healthz fail); of the
// maxConnections, one client address (ClientAddress::bucketOf: IPv4 address or IPv6 /64) holds at
// most maxPerAddress at once, so one client trickling many connections cannot take them all (its
// light requests may still use the light reserve); and each request on them must be
// received and answered within requestDeadline, however slowly its bytes trickle in (Poco's own timeout is per read).
// The deadline runs from the hand-over and again from each answer (so it covers the wait for the next kept-alive
// request too); when it passes, a watchdog thread shuts the socket down, which ends the blocked read and frees the
// thread. Counts in the metrics (active hand-overs, deadlines hit, refusals by the per-address cap;
// the front counts every refusal).
// tryReserve()/cancel() from any thread; a Scope on the thread serving the connection; requestAnswered() from that
// thread.
class HandOverGate {
public:
    struct Options {
        int maxConnections = 128;
        int lightReserve = 4;
        int maxPerAddress = 0; // 0: no cap per address
        std::chrono::milliseconds requestDeadline{120'000};
    };
    // Watches one handed-over connection while it lives on its serving thread; releases the
    // reservation at its end.
    class Scope {
    public:
        Scope(HandOverGate &gate, int socket);
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        HandOverGate &m_gate;
        quint64 m_id;
        bool m_light = false;
        std::string m_client;
    };

    HandOverGate(Options options, ReceiverMetrics &metrics);
    ~HandOverGate();
    HandOverGate(const HandOverGate &) = delete;
    HandOverGate &operator=(const HandOverGate &) = delete;

    // Takes a slot for a connection about to be handed over (light: its request is light) from
    // client (the address ClientAddress resolved); false when every slot it may use is taken.
    bool tryReserve(int socket, bool light, const std::string &client = std::string());
    // Gives back the slot of a connection that was not handed over after all.
    void cancel(int socket);
    int active() const;
    // Normal slots held by the connections of client's address (its bucket).
    int activeFor(const std::string &client) const;
    // The connection served on this thread was admitted to a light slot: its answer must close it.
    static bool servesLightConnection();
    // The request of the connection served on this thread has been answered: its next one gets a
    // whole deadline again. Nothing when the thread serves no Scope.
    static void requestAnswered();

private:
    struct Watched {
        int socket; // a duplicate of the connection's descriptor, owned: it cannot be reused meanwhile
        std::chrono::steady_clock::time_point deadline;
    };
    void watchdog();
    void changed();           // m_reserved or m_light changed; with m_mutex held
    struct Admitted {
        bool light = false;
        std::string bucket; // empty for a light slot: not counted per address
    };
    void release(const Admitted &admitted); // with m_mutex held

    Options m_options;
    ReceiverMetrics &m_metrics;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_reserved = 0;
    int m_light = 0;
    std::map<int, Admitted> m_admitted; // socket -> its slot, from tryReserve() until its Scope
    std::map<std::string, int> m_perAddress; // bucket -> normal slots held
    quint64 m_nextId = 1;
    std::map<quint64, Watched> m_watched;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace mado
