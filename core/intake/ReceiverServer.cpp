#include "core/intake/ReceiverServer.h"

#include "core/intake/ApplicantApi.h"
#include "core/intake/ApplicationStore.h"
#include "core/intake/CaseBundleReader.h"
#include "core/intake/IntakeLog.h"
#include "core/intake/ReceiverMetrics.h"
#include "core/intake/ReceiverRoutes.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

namespace mado {

namespace {
constexpr int kListenBacklog = 1024; // capped by net.core.somaxconn
} // namespace

struct ReceiverServer::Impl {
    Impl(ReceiverOptions o, Spool &s) : options(std::move(o)), spool(s) {}
    ReceiverOptions options;
    Spool &spool;
    ReceiverMetrics metrics;
    std::unique_ptr<IdTokenVerifier> verifier;
    std::unique_ptr<ChallengeStore> challenges;
    std::unique_ptr<ApplicationStore> applications;
    std::unique_ptr<ApplicationIntake> intake;
    std::unique_ptr<ApplicantServices> applicant;
    // The server's own pool (declared before the server, which must end first): Poco's default
    // pool holds 16 threads shared by every server in the process.
    std::unique_ptr<Poco::ThreadPool> threads;
    std::unique_ptr<Poco::Net::HTTPServer> server;
    quint16 boundPort = 0;
};

ReceiverServer::ReceiverServer(ReceiverOptions options, Spool &spool)
    : d(std::make_unique<Impl>(std::move(options), spool))
{
}

ReceiverServer::~ReceiverServer()
{
    stop();
}

Status ReceiverServer::start()
{
    if (d->server)
        return {};
    if (!d->intake) {
        auto schema = JsonSchema::loadResource(CaseBundleReader::schemaResource());
        if (!schema)
            return schema.error();
        d->verifier = std::make_unique<IdTokenVerifier>(d->options.lineApiBase, d->options.liffChannelId);
        d->challenges = std::make_unique<ChallengeStore>(d->spool, d->options.challengeKey,
                                                         d->options.challengeLifetimeSeconds,
                                                         d->options.maxChallengesPerHour,
                                                         d->options.challengeDirections);
        d->applications = std::make_unique<ApplicationStore>(d->spool);
        d->intake = std::make_unique<ApplicationIntake>(std::move(schema).value(), *d->challenges,
                                                        *d->applications, d->options.imageLimits);
        d->applicant = std::make_unique<ApplicantServices>(
            ApplicantServices{d->options, *d->verifier, *d->challenges, *d->intake});
        // Image directories of applications whose transaction never committed (a crash).
        if (const auto recovered = d->applications->recover(); !recovered)
            return recovered.error();
    }
    try {
        const Poco::Net::SocketAddress address(d->options.host.toStdString(), d->options.port);
        // No SO_REUSEPORT: a second receiver on the same port must fail, not share the port.
        Poco::Net::ServerSocket socket;
        socket.bind(address, true, false);
        // Poco's default backlog (64) drops SYNs when LINE opens many connections at once, and a
        // dropped SYN costs the sender a one-second retransmission.
        socket.listen(kListenBacklog);
        auto *params = new Poco::Net::HTTPServerParams; // owned by the server (ref-counted)
        // A thread serves one connection for as long as it is kept alive; a connection that finds
        // every thread busy waits in the queue (up to maxQueued, beyond that it is closed). So
        // maxThreads must cover the concurrent connections LINE and the LIFF clients open.
        params->setMaxThreads(d->options.maxThreads);
        params->setMaxQueued(std::max(64, 2 * d->options.maxThreads));
        params->setKeepAlive(true);
        params->setMaxKeepAliveRequests(1000);
        params->setTimeout(Poco::Timespan(10, 0));
        d->boundPort = socket.address().port();
        auto *routes = new ReceiverRoutes(d->spool, d->metrics, d->options, *d->applicant); // owned by the server
        d->threads = std::make_unique<Poco::ThreadPool>("receiver-http", 2, d->options.maxThreads);
        d->server = std::make_unique<Poco::Net::HTTPServer>(routes, *d->threads, socket, params);
        d->server->start();
    } catch (const Poco::Exception &e) {
        d->server.reset();
        return Error{ErrorCode::Network, QStringLiteral("cannot listen on %1:%2: %3")
                                             .arg(d->options.host)
                                             .arg(d->options.port)
                                             .arg(QString::fromStdString(e.displayText()))};
    }
    qCInfo(lcIntake) << "receiver listening on" << d->options.host << d->boundPort;
    return {};
}

void ReceiverServer::stop()
{
    if (!d->server)
        return;
    // stop() closes the listening socket; active connections finish their current request.
    d->server->stop();
    d->server.reset();
    d->threads->joinAll();
    d->threads.reset();
    qCInfo(lcIntake) << "receiver stopped";
}

bool ReceiverServer::isRunning() const
{
    return d->server != nullptr;
}

quint16 ReceiverServer::port() const
{
    return d->boundPort;
}

ReceiverMetrics &ReceiverServer::metrics()
{
    return d->metrics;
}

} // namespace mado
