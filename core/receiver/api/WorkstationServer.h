#pragma once

#include "core/domain/Result.h"
#include "core/receiver/api/WorkstationTokens.h"

#include <QString>

#include <memory>

namespace mado {

class PushWorker;
class ReceiverMetrics;
class Spool;

// The workstation API on its own listener (workstation.listen), for the ward's workstations that
// pull applications (the receiver never connects inward). Every call needs
// "Authorization: Bearer <token>" of a workstation in the tokens file (401 otherwise):
//   POST /ws/v1/leases {"count", "seconds"}            -> 200 {"leases": [{applicationId, reference, leaseUntil}]}
//   GET  /ws/v1/applications/{id}/bundle               -> 200 BundleTransfer JSON (lease required, 409)
//   POST /ws/v1/applications/{id}/ack                  -> 200 {"state": "acknowledged"}; data deleted
//   POST /ws/v1/applications/{id}/failed {"reason": "[a-z_]{1,40}", "message": "<= 500 chars"}
//                                                      -> 200 {"state": "import_failed", "pushQueued"}; data deleted
//   POST /ws/v1/applications/{id}/outcome {"outcome", "reason"?} -> 200 {"state", "pushQueued"}
//   GET  /ws/v1/applications/{id}/resubmissions?offset=&limit=
//                                                      -> 200 BundleTransfer JSON of the photos sent via LINE, one
//                                                         page: + "offset", "total", "nextOffset" (null at the end)
//   POST /ws/v1/applications/{id}/resubmissions/ack {"files"?: [names]}
//                                                      -> 200 {"deleted": n}; those photos deleted (without
//                                                         "files": all of them)
// Bundle, ack and failed need the lease (409 otherwise); outcome and resubmissions need the
// workstation that acknowledged the application (or, before the ack, the lease holder): 409.
// TLS (TlsPolicy) when a certificate and key are configured, else plain HTTP, which start() refuses
// unless the host is loopback. start()/stop() from one thread; requests
// are served on Poco's pool. The spool, tokens and push worker must outlive the server.
class WorkstationServer {
public:
    struct Options {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8481;
        int maxThreads = 4;
        int maxLeaseCount = 50;
        int maxLeaseSeconds = 3600;
        // An application leased this often without an ack is failed (lease_limit) instead.
        int maxLeases = 10;
        // A page of GET resubmissions holds at most this many images and, beyond its first image,
        // this many bytes (before Base64).
        int maxResubmissionPageImages = 12;
        qint64 maxResubmissionPageBytes = 16 * 1024 * 1024;
        // PEM files; both set: the listener speaks TLS (TlsPolicy) only, else plain HTTP (loopback only).
        QString tlsCertificate;
        QString tlsPrivateKey;
    };

    WorkstationServer(Options options, Spool &spool, const WorkstationTokens &tokens, PushWorker *pushes);
    ~WorkstationServer();
    WorkstationServer(const WorkstationServer &) = delete;
    WorkstationServer &operator=(const WorkstationServer &) = delete;

    Status start();
    void stop();
    quint16 port() const;
    // Counts every answer by route pattern and status in metrics (GET /metrics of the receiver's
    // main listener). Call before start(); metrics must outlive the server.
    void setMetrics(ReceiverMetrics *metrics);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mado
