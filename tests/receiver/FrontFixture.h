#pragma once

#include "core/receiver/ReceiverOptions.h"
#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"

#include "RawConnection.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <set>
#include <string>

namespace mado {

// A real receiver (its event-driven webhook front and the other routes) on a loopback port over
// a real SQLite spool in a temporary directory, with the helpers the front's tests share:
// signed and forged webhook requests, a /metrics reader, the process's resident set.
// start() and stop() from the test's init() and cleanup().
class FrontFixture {
protected:
    using RawConnection = test::RawConnection;

    // A webhook with a forged signature: refused (401) after its body is read, the connection kept.
    static inline const std::string kForgedWebhook =
        "POST /line/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "x-line-signature: AAAA\r\nContent-Length: 2\r\n\r\n{}";
    static inline const std::string kHealthRequest = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";

    void start();
    void stop();
    // Eight threads for the other routes, an 8 KiB body limit, the test channel secret.
    static ReceiverOptions baseOptions();
    // Starts the receiver again on the same spool with options.
    void restart(const ReceiverOptions &options);
    // The webhook event ids in the spool.
    std::set<QString> storedIds() const;

    // A signed webhook request for body, or for one message event with eventId.
    static std::string webhookRequest(const QByteArray &body);
    static std::string webhookRequest(const QString &eventId);
    // A new connection whose GET /healthz was answered 200 (kept alive); null if it was not.
    static std::unique_ptr<RawConnection> healthyConnection(quint16 port);
    // This process's resident set (VmRSS) in KiB, -1 if unknown.
    static long residentKiB();
    // The value of one line of GET /metrics ("name{labels}" or "name"); -1 if absent or no answer
    // came within 5 s.
    static qint64 metric(quint16 port, const std::string &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<ReceiverServer> m_server;
};

} // namespace mado
