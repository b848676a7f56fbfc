#include "core/receiver/api/WorkstationServer.h"

#include "core/receiver/api/ApiError.h"
#include "core/receiver/http/BodyReader.h"
#include "core/bundle/BundleTransfer.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/http/JsonResponse.h"
#include "core/receiver/line/PushWorker.h"
#include "core/receiver/ReceiverMetrics.h"
#include "core/receiver/spool/ResubmissionStore.h"
#include "core/net/TlsPolicy.h"
#include "core/receiver/spool/WorkstationStore.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/String.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace mado {

namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

struct Context {
    WorkstationServer::Options options;
    WorkstationStore store;
    ResubmissionStore resubmissions;
    const WorkstationTokens &tokens;
    PushWorker *pushes;
    ReceiverMetrics *metrics = nullptr;
};

// The metrics label of a workstation request: a fixed route pattern, never an application id.
std::string routeLabel(const HTTPServerRequest &request)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^/ws/v1/applications/[A-Za-z0-9-]{8,64}/(bundle|ack|failed|outcome|resubmissions|resubmissions/ack)$"));
    std::string path;
    try {
        path = Poco::URI(request.getURI()).getPath();
    } catch (const Poco::SyntaxException &) {
        return "ws-other";
    }
    if (path == "/ws/v1/leases")
        return path;
    const auto match = pattern.match(QString::fromStdString(path));
    if (!match.hasMatch())
        return "ws-other";
    return "/ws/v1/applications/{id}/" + match.captured(1).toStdString();
}

ApiError apiError(int status, const char *code, const QString &message)
{
    return ApiError{status, QString::fromLatin1(code), message, QString()};
}

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(Context &context) : m_context(context) {}

    void handleRequest(HTTPServerRequest &request, HTTPServerResponse &response) override
    {
        try {
            handle(request, response);
        } catch (const Poco::Exception &e) {
            qCWarning(lcIntake) << "workstation request failed:" << QString::fromStdString(e.displayText());
            if (!response.sent()) {
                response.setKeepAlive(false);
                apiError(500, "internal", QStringLiteral("internal error")).send(response);
            }
        }
        if (m_context.metrics)
            m_context.metrics->countRequest(routeLabel(request), int(response.getStatus()));
    }

private:
    void handle(HTTPServerRequest &request, HTTPServerResponse &response)
    {
        const std::string header = request.get("Authorization", std::string());
        const std::string prefix = "Bearer ";
        std::optional<QString> workstation;
        if (header.size() > prefix.size() && Poco::icompare(header.substr(0, prefix.size()), prefix) == 0)
            workstation =
                m_context.tokens.authenticate(QByteArray::fromStdString(header.substr(prefix.size())).trimmed());
        QByteArray body;
        if (!BodyReader::read(request, 16 * 1024, body)) {
            response.setKeepAlive(false);
            return apiError(413, "body_too_large", QStringLiteral("the body exceeds 16384 bytes")).send(response);
        }
        if (!workstation)
            return apiError(401, "unauthorized",
                            QStringLiteral("Authorization: Bearer <workstation token> is required"))
                .send(response);

        const QString path = QString::fromStdString(Poco::URI(request.getURI()).getPath());
        const bool post = request.getMethod() == "POST";
        if (path == QLatin1String("/ws/v1/leases"))
            return post ? lease(*workstation, body, response) : methodNotAllowed(response);
        static const QRegularExpression pattern(QStringLiteral(
            "^/ws/v1/applications/([A-Za-z0-9-]{8,64})/(bundle|ack|failed|outcome|resubmissions|resubmissions/ack)$"));
        const auto match = pattern.match(path);
        if (!match.hasMatch())
            return apiError(404, "not_found", QStringLiteral("no such endpoint")).send(response);
        const QString id = match.captured(1);
        const QString action = match.captured(2);
        if (action == QLatin1String("bundle"))
            return request.getMethod() == "GET" ? bundle(*workstation, id, response) : methodNotAllowed(response);
        if (action == QLatin1String("resubmissions"))
            return request.getMethod() == "GET" ? resubmissions(*workstation, id, request, response)
                                                : methodNotAllowed(response);
        if (action == QLatin1String("resubmissions/ack"))
            return post ? acknowledgeResubmissions(*workstation, id, body, response) : methodNotAllowed(response);
        if (!post)
            return methodNotAllowed(response);
        if (action == QLatin1String("ack"))
            return acknowledge(*workstation, id, response);
        if (action == QLatin1String("failed"))
            return failImport(*workstation, id, body, response);
        return outcome(*workstation, id, body, response);
    }

    void methodNotAllowed(HTTPServerResponse &response)
    {
        apiError(405, "method_not_allowed", QStringLiteral("wrong method for this endpoint")).send(response);
    }

    void lease(const QString &workstation, const QByteArray &body, HTTPServerResponse &response)
    {
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        const int count = json.value(QStringLiteral("count")).toInt(0);
        const int seconds = json.value(QStringLiteral("seconds")).toInt(0);
        if (count < 1 || count > m_context.options.maxLeaseCount)
            return ApiError{400, QStringLiteral("invalid_field"),
                            QStringLiteral("count must be 1 to %1").arg(m_context.options.maxLeaseCount),
                            QStringLiteral("count")}
                .send(response);
        if (seconds < 1 || seconds > m_context.options.maxLeaseSeconds)
            return ApiError{400, QStringLiteral("invalid_field"),
                            QStringLiteral("seconds must be 1 to %1").arg(m_context.options.maxLeaseSeconds),
                            QStringLiteral("seconds")}
                .send(response);
        int failed = 0;
        const auto leases =
            m_context.store.lease(workstation, count, seconds, QDateTime::currentDateTimeUtc(), &failed);
        if (failed > 0) {
            qCWarning(lcIntake) << failed << "applications reached the lease limit without an ack: import failed";
            if (m_context.pushes)
                m_context.pushes->wake();
        }
        if (!leases)
            return ApiError::fromError(leases.error()).send(response);
        QJsonArray list;
        for (const Lease &lease : leases.value())
            list.append(QJsonObject{{QStringLiteral("applicationId"), lease.applicationId},
                                    {QStringLiteral("reference"), lease.reference},
                                    {QStringLiteral("leaseUntil"), lease.until.toString(Qt::ISODateWithMs)}});
        if (!list.isEmpty())
            qCInfo(lcIntake) << "workstation" << workstation << "leased" << list.size() << "applications";
        JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, QJsonObject{{QStringLiteral("leases"), list}});
    }

    void bundle(const QString &workstation, const QString &id, HTTPServerResponse &response)
    {
        const auto files = m_context.store.bundleFiles(id, workstation);
        if (!files)
            return ApiError::fromError(files.error()).send(response);
        JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, BundleTransfer::pack(files.value()));
    }

    void resubmissions(const QString &workstation, const QString &id, HTTPServerRequest &request,
                       HTTPServerResponse &response)
    {
        int offset = 0;
        int limit = m_context.options.maxResubmissionPageImages;
        for (const auto &[key, text] : Poco::URI(request.getURI()).getQueryParameters()) {
            bool ok = false;
            const int number = QString::fromStdString(text).toInt(&ok);
            if (key == "offset" && ok && number >= 0)
                offset = number;
            else if (key == "limit" && ok && number >= 1 && number <= m_context.options.maxResubmissionPageImages)
                limit = number;
            else
                return ApiError{400, QStringLiteral("invalid_field"),
                                QStringLiteral("offset must be 0 or more, limit 1 to %1")
                                    .arg(m_context.options.maxResubmissionPageImages),
                                QString::fromStdString(key)}
                    .send(response);
        }
        if (Status owner = m_context.store.checkOwner(id, workstation); !owner)
            return ApiError::fromError(owner.error()).send(response);
        const auto page = m_context.resubmissions.images(id, offset, limit, m_context.options.maxResubmissionPageBytes);
        if (!page)
            return ApiError::fromError(page.error()).send(response);
        QJsonObject answer = BundleTransfer::pack(page.value().files);
        const int next = page.value().offset + int(page.value().files.size());
        answer.insert(QStringLiteral("offset"), page.value().offset);
        answer.insert(QStringLiteral("total"), page.value().total);
        answer.insert(QStringLiteral("nextOffset"), next < page.value().total ? QJsonValue(next) : QJsonValue());
        JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK, answer);
    }

    void acknowledgeResubmissions(const QString &workstation, const QString &id, const QByteArray &body,
                                  HTTPServerResponse &response)
    {
        // {"files": [...]} deletes only the photos the workstation has; one that arrived after its
        // last download stays. No body: all.
        std::optional<QStringList> names;
        if (!body.trimmed().isEmpty()) {
            const QJsonValue files = QJsonDocument::fromJson(body).object().value(QStringLiteral("files"));
            if (!files.isArray())
                return ApiError{400, QStringLiteral("invalid_field"), QStringLiteral("files must be an array of names"),
                                QStringLiteral("files")}
                    .send(response);
            names.emplace();
            for (const QJsonValue &name : files.toArray())
                names->append(name.toString());
        }
        if (Status owner = m_context.store.checkOwner(id, workstation); !owner)
            return ApiError::fromError(owner.error()).send(response);
        const auto removed = m_context.resubmissions.remove(id, names);
        if (!removed)
            return ApiError::fromError(removed.error()).send(response);
        qCInfo(lcIntake) << "workstation" << workstation << "took" << removed.value() << "resubmitted images of" << id;
        JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK,
                           QJsonObject{{QStringLiteral("deleted"), removed.value()}});
    }

    void failImport(const QString &workstation, const QString &id, const QByteArray &body, HTTPServerResponse &response)
    {
        static const QRegularExpression reasonPattern(QStringLiteral("^[a-z_]{1,40}$"));
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        const QString reason = json.value(QStringLiteral("reason")).toString();
        if (!reasonPattern.match(reason).hasMatch())
            return ApiError{400, QStringLiteral("invalid_field"),
                            QStringLiteral("reason must be an error code name of 1 to 40 characters a-z and _"),
                            QStringLiteral("reason")}
                .send(response);
        const QJsonValue messageValue = json.value(QStringLiteral("message"));
        const QString message = messageValue.toString();
        if ((!messageValue.isUndefined() && !messageValue.isString()) || message.size() > 500)
            return ApiError{400, QStringLiteral("invalid_field"),
                            QStringLiteral("message must be a string of at most 500 characters"),
                            QStringLiteral("message")}
                .send(response);
        const auto queued = m_context.store.failImport(id, workstation, reason, message);
        if (!queued)
            return ApiError::fromError(queued.error()).send(response);
        if (queued.value() && m_context.pushes)
            m_context.pushes->wake();
        qCWarning(lcIntake) << "workstation" << workstation << "could not import application" << id << "reason"
                            << reason;
        JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK,
                           QJsonObject{{QStringLiteral("state"), QStringLiteral("import_failed")},
                                       {QStringLiteral("pushQueued"), queued.value()}});
    }

    void acknowledge(const QString &workstation, const QString &id, HTTPServerResponse &response)
    {
        const Status status = m_context.store.acknowledge(id, workstation);
        if (!status)
            return ApiError::fromError(status.error()).send(response);
        qCInfo(lcIntake) << "workstation" << workstation << "acknowledged application" << id;
        JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK,
                           QJsonObject{{QStringLiteral("state"), QStringLiteral("acknowledged")}});
    }

    void outcome(const QString &workstation, const QString &id, const QByteArray &body, HTTPServerResponse &response)
    {
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        const auto outcome = WorkstationStore::outcomeFromName(json.value(QStringLiteral("outcome")).toString());
        if (!outcome)
            return ApiError{400, QStringLiteral("invalid_field"),
                            QStringLiteral("outcome must be approved, rejected, resubmission_requested or issued"),
                            QStringLiteral("outcome")}
                .send(response);
        const QString reason = json.value(QStringLiteral("reason")).toString();
        if (reason.size() > 500)
            return ApiError{400, QStringLiteral("invalid_field"),
                            QStringLiteral("reason is longer than 500 characters"), QStringLiteral("reason")}
                .send(response);
        const auto queued = m_context.store.recordOutcome(id, workstation, *outcome, reason);
        if (!queued)
            return ApiError::fromError(queued.error()).send(response);
        if (queued.value() && m_context.pushes)
            m_context.pushes->wake();
        qCInfo(lcIntake) << "workstation" << workstation << "recorded outcome"
                         << WorkstationStore::outcomeName(*outcome) << "for" << id;
        JsonResponse::send(response, Poco::Net::HTTPResponse::HTTP_OK,
                           QJsonObject{{QStringLiteral("state"), WorkstationStore::outcomeName(*outcome)},
                                       {QStringLiteral("pushQueued"), queued.value()}});
    }

    Context &m_context;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(Context &context) : m_context(context) {}
    Poco::Net::HTTPRequestHandler *createRequestHandler(const HTTPServerRequest &) override
    {
        return new Handler(m_context);
    }

private:
    Context &m_context;
};

} // namespace

struct WorkstationServer::Impl {
    Impl(Options options, Spool &spool, const WorkstationTokens &tokens, PushWorker *pushes)
        : context{options, WorkstationStore(spool, options.maxLeases), ResubmissionStore(spool), tokens, pushes,
                  nullptr}
    {
    }
    Context context;
    // Its own pool, declared before the server (which must end first): Poco's default pool is
    // shared by every server in the process.
    std::unique_ptr<Poco::ThreadPool> threads;
    std::unique_ptr<Poco::Net::HTTPServer> server;
    quint16 port = 0;
};

WorkstationServer::WorkstationServer(Options options, Spool &spool, const WorkstationTokens &tokens, PushWorker *pushes)
    : d(std::make_unique<Impl>(options, spool, tokens, pushes))
{
}

WorkstationServer::~WorkstationServer()
{
    stop();
}

Status WorkstationServer::start()
{
    if (d->server)
        return {};
    const Options &options = d->context.options;
    const bool tls = !options.tlsCertificate.isEmpty() && !options.tlsPrivateKey.isEmpty();
    if (!tls && !TlsPolicy::isLoopbackHost(options.host))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the workstation API on %1 would be plain HTTP off loopback; configure "
                                    "tls.certificate and tls.private_key")
                         .arg(options.host)};
    try {
        Poco::Net::ServerSocket socket;
        if (tls) {
            Poco::Net::initializeSSL();
            Poco::Net::Context::Ptr context =
                new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, options.tlsPrivateKey.toStdString(),
                                       options.tlsCertificate.toStdString(), "", Poco::Net::Context::VERIFY_NONE);
            if (!TlsPolicy::apply(*context, TlsPolicy::Side::Server))
                return Error{ErrorCode::Internal,
                             QStringLiteral("OpenSSL accepts none of the workstation API's ciphers")};
            socket = Poco::Net::SecureServerSocket(context);
        }
        socket.bind(Poco::Net::SocketAddress(options.host.toStdString(), options.port), true, false);
        socket.listen();
        auto *params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(options.maxThreads);
        params->setTimeout(Poco::Timespan(30, 0));
        d->port = socket.address().port();
        d->threads = std::make_unique<Poco::ThreadPool>("workstation-http", 1, std::max(1, options.maxThreads));
        d->server = std::make_unique<Poco::Net::HTTPServer>(new Factory(d->context), *d->threads, socket, params);
        d->server->start();
    } catch (const Poco::Exception &e) {
        d->server.reset();
        return Error{ErrorCode::Network, QStringLiteral("cannot listen on %1:%2 (workstation API): %3")
                                             .arg(options.host)
                                             .arg(options.port)
                                             .arg(QString::fromStdString(e.displayText()))};
    }
    qCInfo(lcIntake) << "workstation API listening on" << options.host << d->port << (tls ? "(TLS)" : "(plain HTTP)");
    return {};
}

void WorkstationServer::stop()
{
    if (!d->server)
        return;
    d->server->stop();
    d->server.reset();
    d->threads->joinAll();
    d->threads.reset();
}

void WorkstationServer::setMetrics(ReceiverMetrics *metrics)
{
    d->context.metrics = metrics;
}

quint16 WorkstationServer::port() const
{
    return d->port;
}

} // namespace mado
