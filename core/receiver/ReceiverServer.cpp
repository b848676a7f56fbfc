#include "core/receiver/ReceiverServer.h"

#include "core/receiver/api/ApplicantApi.h"
#include "core/receiver/spool/ApplicationStore.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/receiver/http/HandOverGate.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/ReceiverMetrics.h"
#include "core/receiver/http/ReceiverRoutes.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/line/WebhookCheck.h"
#include "core/receiver/http/WebhookFront.h"

#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StreamSocketImpl.h>
#include <Poco/Net/TCPServerDispatcher.h>
#include <Poco/ThreadPool.h>

#include <QFileInfo>

namespace mado {

namespace {

constexpr int kListenBacklog = 1024; // capped by net.core.somaxconn
// Threads beyond http.max_threads for light requests (a /healthz probe) when slow clients hold the
// others.
constexpr int kLightReserve = 4;

// A handed-over connection, served by Poco's HTTP server while the gate watches its deadline and
// holds its slot.
class WatchedConnection : public Poco::Net::HTTPServerConnection {
public:
    WatchedConnection(const Poco::Net::StreamSocket &socket, Poco::Net::HTTPServerParams::Ptr params,
                      Poco::Net::HTTPRequestHandlerFactory::Ptr factory, HandOverGate &gate)
        : HTTPServerConnection(socket, params, factory), m_gate(gate)
    {
    }
    void run() override
    {
        HandOverGate::Scope scope(m_gate, socket().impl()->sockfd());
        HTTPServerConnection::run();
    }

private:
    HandOverGate &m_gate;
};

class WatchedConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
    WatchedConnectionFactory(Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr factory,
                             HandOverGate &gate)
        : m_params(std::move(params)), m_factory(std::move(factory)), m_gate(gate)
    {
    }
    Poco::Net::TCPServerConnection *createConnection(const Poco::Net::StreamSocket &socket) override
    {
        return new WatchedConnection(socket, m_params, m_factory, m_gate);
    }

private:
    Poco::Net::HTTPServerParams::Ptr m_params;
    Poco::Net::HTTPRequestHandlerFactory::Ptr m_factory;
    HandOverGate &m_gate;
};

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
    std::unique_ptr<UploadSlots> uploads;
    std::unique_ptr<ApplicantServices> applicant;
    std::unique_ptr<WebhookCheck> webhookCheck;
    Poco::Net::ServerSocket listener;
    // The other routes' own pool: Poco's default pool holds 16 threads shared by every server in
    // the process.
    std::unique_ptr<Poco::ThreadPool> threads;
    // Serves the connections the front hands over, a pool thread per connection (ref-counted).
    Poco::Net::TCPServerDispatcher *dispatcher = nullptr;
    std::unique_ptr<HandOverGate> gate;
    std::unique_ptr<WebhookFront> front;
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
    if (d->dispatcher)
        return {};
    if (!d->intake) {
        auto schema = JsonSchema::loadResource(CaseBundleReader::schemaResource());
        if (!schema)
            return schema.error();
        d->verifier = std::make_unique<IdTokenVerifier>(
            d->options.lineApiBase, d->options.liffChannelId,
            IdTokenVerifier::Limits{d->options.idTokenCacheEntries, d->options.failedTokenBurst,
                                    d->options.failedTokensPerMinute, d->options.lineBackoffSeconds});
        d->challenges = std::make_unique<ChallengeStore>(d->spool, d->options.challengeLifetimeSeconds,
                                                         d->options.maxChallengesPerHour,
                                                         d->options.challengeDirections);
        d->applications = std::make_unique<ApplicationStore>(d->spool);
        d->intake = std::make_unique<ApplicationIntake>(std::move(schema).value(), *d->challenges,
                                                        *d->applications, d->options.imageLimits);
        d->intake->setSignatureWindow(d->options.signatureWindow);
        d->uploads = std::make_unique<UploadSlots>(d->options.uploadsPerUser, d->options.uploadsTotal);
        d->applicant = std::make_unique<ApplicantServices>(
            ApplicantServices{d->options, *d->verifier, *d->challenges, *d->intake, *d->uploads,
                              QFileInfo(d->spool.path()).absolutePath()});
        // Image directories of applications whose transaction never committed (a crash).
        if (const auto recovered = d->applications->recover(); !recovered)
            return recovered.error();
    }
    try {
        const Poco::Net::SocketAddress address(d->options.host.toStdString(), d->options.port);
        // No SO_REUSEPORT: a second receiver on the same port must fail, not share the port.
        d->listener = Poco::Net::ServerSocket();
        d->listener.bind(address, true, false);
        // Poco's default backlog (64) drops SYNs when LINE opens many connections at once, and a
        // dropped SYN costs the sender a one-second retransmission.
        d->listener.listen(kListenBacklog);
        d->boundPort = d->listener.address().port();
    } catch (const Poco::Exception &e) {
        d->listener.close();
        return Error{ErrorCode::Network, QStringLiteral("cannot listen on %1:%2: %3")
                                             .arg(d->options.host)
                                             .arg(d->options.port)
                                             .arg(QString::fromStdString(e.displayText()))};
    }
    d->webhookCheck = std::make_unique<WebhookCheck>(d->options.maxBodyBytes, d->options.channelSecret);
    auto *params = new Poco::Net::HTTPServerParams; // ref-counted, held by the factory and dispatcher
    // A thread serves one handed-over connection for as long as it is kept alive; the gate admits
    // at most maxHandOvers of them and kLightReserve light ones (the front answers 503 beyond), so a
    // connection waits in the queue only when maxHandOvers exceeds the threads, and the queue never
    // overflows.
    const int maxHandOvers = d->options.maxHandOvers > 0 ? d->options.maxHandOvers : d->options.maxThreads;
    const int threads = d->options.maxThreads + kLightReserve;
    params->setMaxThreads(threads);
    params->setMaxQueued(std::max(64, maxHandOvers));
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(std::max(1, d->options.handOverKeepAliveRequests));
    // Per read; the gate's deadline bounds a whole request.
    params->setTimeout(Poco::Timespan(10, 0));
    const Poco::Net::HTTPServerParams::Ptr sharedParams(params);
    d->gate = std::make_unique<HandOverGate>(
        HandOverGate::Options{maxHandOvers, kLightReserve, d->options.maxHandOversPerAddress,
                              d->options.handOverDeadline},
        d->metrics);
    d->threads = std::make_unique<Poco::ThreadPool>("receiver-http", 2, threads);
    d->dispatcher = new Poco::Net::TCPServerDispatcher(
        new WatchedConnectionFactory(sharedParams,
                                     new ReceiverRoutes(d->spool, d->metrics, *d->webhookCheck, *d->applicant),
                                     *d->gate),
        *d->threads, sharedParams);
    Poco::Net::TCPServerDispatcher *dispatcher = d->dispatcher;
    HandOverGate *gate = d->gate.get();
    auto handOver = [dispatcher, gate](int socket, bool light, const std::string &client) {
        if (!gate->tryReserve(socket, light, client))
            return false;
        try {
            // The StreamSocket owns the descriptor from here.
            dispatcher->enqueue(Poco::Net::StreamSocket(new Poco::Net::StreamSocketImpl(socket)));
        } catch (...) {
            gate->cancel(socket);
            throw;
        }
        return true;
    };
    WebhookFront::Options frontOptions;
    frontOptions.memoryBudget = d->options.frontMemoryBudget;
    frontOptions.requestDeadline = d->options.frontRequestDeadline;
    frontOptions.maxRefusalsInARow = d->options.maxRefusalsInARow;
    frontOptions.clientAddress = d->options.clientAddress;
    d->front = std::make_unique<WebhookFront>(d->spool, d->metrics, *d->webhookCheck, handOver, frontOptions);
    if (const Status started = d->front->start(d->listener.impl()->sockfd()); !started) {
        stop();
        return started;
    }
    qCInfo(lcIntake) << "receiver listening on" << d->options.host << d->boundPort;
    return {};
}

void ReceiverServer::stop()
{
    if (!d->dispatcher)
        return;
    // The front stops accepting and answers the webhooks being stored; then the handed-over
    // connections finish their current request.
    if (d->front)
        d->front->stop();
    d->front.reset();
    d->listener.close();
    d->dispatcher->stop();
    d->threads->joinAll();
    d->dispatcher->release();
    d->dispatcher = nullptr;
    d->threads.reset();
    d->gate.reset();
    qCInfo(lcIntake) << "receiver stopped";
}

bool ReceiverServer::isRunning() const
{
    return d->dispatcher != nullptr;
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
