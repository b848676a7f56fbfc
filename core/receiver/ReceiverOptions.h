#pragma once

#include "core/domain/CaseBundle.h"

#include <chrono>
#include <vector>

#include "core/image/ImageLimits.h"
#include "core/receiver/api/LiffOptions.h"
#include "core/receiver/http/ClientAddress.h"

#include <QByteArray>
#include <QString>

namespace mado {

// What the receiver's HTTP front needs to serve: where to listen and how to check LINE webhooks.
// Built from a ReceiverConfig by the application; tests fill it directly.
struct ReceiverOptions {
    static constexpr qint64 kDefaultMaxBodyBytes = 1024 * 1024;

    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8480; // 0 picks a free port (tests)
    // Threads for the routes other than the webhook (one per kept-alive connection of the applicant
    // API, /healthz, /metrics); LINE's webhook connections are served by the event-driven front.
    int maxThreads = 128;
    // The LINE channel secret, the HMAC key of x-line-signature. Never logged.
    QByteArray channelSecret;
    // Largest request body accepted; larger bodies are answered 413 without being read.
    qint64 maxBodyBytes = kDefaultMaxBodyBytes;

    // Limits against hostile and slow peers (WebhookFront, HandOverGate). Bytes the webhook
    // front's connections may hold together; a request must be complete this long after its first
    // byte in the front; a connection is closed after this many refused webhooks in a row (0: never).
    std::size_t frontMemoryBudget = 256 * 1024 * 1024;
    std::chrono::milliseconds frontRequestDeadline{15'000};
    int maxRefusalsInARow = 16;
    // Connections handed over to the threads of the other routes at once (0: maxThreads; more wait
    // for a thread); beyond, a request is answered 503 at once, except a light one (/healthz) while
    // one of a few extra threads is free. Each request on them must be received
    // and answered within handOverDeadline (an upload from a slow phone included); at most
    // handOverKeepAliveRequests requests per connection.
    int maxHandOvers = 0;
    std::chrono::milliseconds handOverDeadline{120'000};
    int handOverKeepAliveRequests = 10;
    // Of maxHandOvers, the connections one client address (IPv4 address, IPv6 /64) may hold at once
    // (0: no cap); beyond, 503. Mobile carriers put many phones behind one IPv4 address (CGNAT), so
    // this is a share, not a per-phone limit.
    int maxHandOversPerAddress = 16;
    // The client address of a request (the hand-over cap, the failed-token rate limit, logs): the
    // socket's peer unless it is a trusted proxy (front.trusted_proxies).
    ClientAddress clientAddress;

    // The applicant API (LIFF). Without a LIFF channel id every call is refused with 401.
    QString lineApiBase = QStringLiteral("https://api.line.me");
    QString liffChannelId;
    int challengeLifetimeSeconds = 600;
    std::vector<Direction> challengeDirections{Direction::Left, Direction::Right, Direction::Up, Direction::Down};
    // Challenges one LINE user may get per hour; more are answered 429.
    int maxChallengesPerHour = 30;
    // Largest multipart body of POST /api/v1/applications; larger is 413.
    qint64 maxApplicationBytes = 32 * 1024 * 1024;
    ImageLimits imageLimits{8 * 1024 * 1024, 40'000'000, 12'000};
    // ID token verifications: verified tokens cached (by SHA-256) until their expiry, at most this
    // many; failed verifications per client address: a burst, then so many per minute (429).
    int idTokenCacheEntries = 10000;
    int failedTokenBurst = 10;
    int failedTokensPerMinute = 6;
    // After LINE answered 429 or 5xx, uncached tokens are answered 503 for so long without a call.
    int lineBackoffSeconds = 5;
    // Application uploads in progress at once per LINE user (more: 429) and in all (more: 503).
    int uploadsPerUser = 2;
    int uploadsTotal = 16;
    // New applications are refused (507) while the spool's file system has less free space than
    // this plus the declared body. 0: no check (tests); ReceiverConfig's default is 1 GiB.
    qint64 spoolMinFreeBytes = 0;
    // An application declared to be signed (signing=jpki) waits this long for signature.p7s.
    std::chrono::seconds signatureWindow{24 * 3600};
    // The residents' LIFF page (/liff/) and its settings (GET /api/v1/liff).
    LiffOptions liff;
};

} // namespace mado
