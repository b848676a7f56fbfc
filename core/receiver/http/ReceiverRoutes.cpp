#include "core/receiver/http/ReceiverRoutes.h"

#include "core/receiver/api/ApplicantApi.h"
#include "core/receiver/http/HandOverGate.h"
#include "core/receiver/api/SignatureEndpoints.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/http/JsonResponse.h"
#include "core/receiver/ReceiverMetrics.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolGauges.h"
#include "core/receiver/line/WebhookHandler.h"
#include "core/receiver/api/LiffEndpoints.h"
#include "core/receiver/api/StaticFileHandler.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <QJsonObject>

#include <exception>
#include <memory>

namespace mado {

namespace {

using Poco::Net::HTTPResponse;

const std::string kHealthRoute = "/healthz";
const std::string kWebhookRoute = "/line/webhook";
const std::string kMetricsRoute = "/metrics";
const std::string kChallengesRoute = "/api/v1/challenges";
const std::string kApplicationsRoute = "/api/v1/applications";
const std::string kLiffSettingsRoute = "/api/v1/liff";
// Metrics label of every file under /liff/ (and /liff itself).
const std::string kLiffPageRoute = "/liff/";
const std::string kOtherRoute = "other";

class HealthHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit HealthHandler(Spool &spool) : m_spool(spool) {}
    void handleRequest(Poco::Net::HTTPServerRequest &, Poco::Net::HTTPServerResponse &response) override
    {
        const bool spoolReadable = m_spool.pendingWebhookEventCount().ok() && !m_spool.logSyncFailed();
        JsonResponse::send(response, spoolReadable ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
                           QJsonObject{{QStringLiteral("status"), spoolReadable ? QStringLiteral("ok")
                                                                                : QStringLiteral("spool_unavailable")},
                                       {QStringLiteral("service"), QStringLiteral("madoguchi-receiver")}});
    }

private:
    Spool &m_spool;
};

class MetricsHandler : public Poco::Net::HTTPRequestHandler {
public:
    MetricsHandler(Spool &spool, ReceiverMetrics &metrics) : m_spool(spool), m_metrics(metrics) {}
    void handleRequest(Poco::Net::HTTPServerRequest &, Poco::Net::HTTPServerResponse &response) override
    {
        const auto pending = m_spool.pendingWebhookEventCount();
        QByteArray text = m_metrics.render(pending ? pending.value() : -1);
        text += ReceiverMetrics::renderGroupCommit(m_spool.writer().commits(), m_spool.writer().writes());
        text += ReceiverMetrics::renderRetention(m_spool.scrubber().retentionRuns(),
                                                 m_spool.scrubber().retentionTotals());
        // Left out, like the pending gauge, when the spool cannot be read.
        if (const auto gauges = SpoolGauges::read(m_spool))
            text += gauges.value().render();
        response.setStatusAndReason(HTTPResponse::HTTP_OK);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setContentLength(text.size());
        response.set("Cache-Control", "no-store");
        response.send().write(text.constData(), text.size());
    }

private:
    Spool &m_spool;
    ReceiverMetrics &m_metrics;
};

class ErrorHandler : public Poco::Net::HTTPRequestHandler {
public:
    ErrorHandler(HTTPResponse::HTTPStatus status, QString code, QString message)
        : m_status(status), m_code(std::move(code)), m_message(std::move(message))
    {
    }
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override
    {
        // The body is not read, so the connection cannot carry another request.
        if (request.getChunkedTransferEncoding() || (request.hasContentLength() && request.getContentLength64() > 0))
            response.setKeepAlive(false);
        JsonResponse::sendError(response, m_status, m_code, m_message);
    }

private:
    HTTPResponse::HTTPStatus m_status;
    QString m_code;
    QString m_message;
};

// Runs a route's handler, turns an escaped exception into a 500 and counts the answer.
class CountingHandler : public Poco::Net::HTTPRequestHandler {
public:
    CountingHandler(std::string route, Poco::Net::HTTPRequestHandler *inner, ReceiverMetrics &metrics)
        : m_route(std::move(route)), m_inner(inner), m_metrics(metrics)
    {
    }
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override
    {
        // A connection let in beyond the thread limit for one light request ends with its answer.
        if (HandOverGate::servesLightConnection())
            response.setKeepAlive(false);
        try {
            m_inner->handleRequest(request, response);
        } catch (const std::exception &e) {
            // Poco's messages name the failure (timeout, reset), never request data.
            const auto *poco = dynamic_cast<const Poco::Exception *>(&e);
            qCWarning(lcIntake) << "request on" << QString::fromStdString(m_route) << "failed:"
                                << QString::fromStdString(poco ? poco->displayText() : std::string(e.what()));
            if (!response.sent()) {
                response.setKeepAlive(false);
                JsonResponse::sendError(response, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, QStringLiteral("internal"),
                                        QStringLiteral("internal error"));
            }
        }
        m_metrics.countRequest(m_route, int(response.getStatus()));
        // The connection's next request gets a whole deadline again (a no-op on a thread that
        // serves no handed-over connection).
        HandOverGate::requestAnswered();
    }

private:
    std::string m_route;
    std::unique_ptr<Poco::Net::HTTPRequestHandler> m_inner;
    ReceiverMetrics &m_metrics;
};

ErrorHandler *methodNotAllowed(const char *allowed)
{
    return new ErrorHandler(HTTPResponse::HTTP_METHOD_NOT_ALLOWED, QStringLiteral("method_not_allowed"),
                            QStringLiteral("use %1").arg(QLatin1String(allowed)));
}

} // namespace

ReceiverRoutes::ReceiverRoutes(Spool &spool, ReceiverMetrics &metrics, const WebhookCheck &webhookCheck,
                               const ApplicantServices &applicant)
    : m_spool(spool), m_metrics(metrics), m_webhookCheck(webhookCheck), m_applicant(applicant)
{
}

Poco::Net::HTTPRequestHandler *ReceiverRoutes::createRequestHandler(const Poco::Net::HTTPServerRequest &request)
{
    std::string path;
    try {
        path = Poco::URI(request.getURI()).getPath();
    } catch (const Poco::SyntaxException &) {
        path.clear(); // an unparsable target is an unknown route
    }
    const bool known = path == kHealthRoute || path == kWebhookRoute || path == kMetricsRoute ||
                       path == kChallengesRoute || path == kApplicationsRoute || path == kLiffSettingsRoute;
    const bool page = path == StaticFileHandler::kPrefix || path.rfind(kLiffPageRoute, 0) == 0;
    QString applicationId;
    bool manifest = false;
    if (!known && SignatureHandler::match(path, applicationId, manifest)) {
        const std::string &method = request.getMethod();
        const bool allowed = manifest ? (method == "GET" || method == "HEAD") : (method == "PUT" || method == "POST");
        return new CountingHandler(manifest ? SignatureHandler::kManifestRoute : SignatureHandler::kSignatureRoute,
                                   allowed ? static_cast<Poco::Net::HTTPRequestHandler *>(
                                                 new SignatureHandler(m_applicant, m_spool))
                                           : methodNotAllowed(manifest ? "GET" : "PUT"),
                                   m_metrics);
    }
    const std::string &route = known ? path : page ? kLiffPageRoute : kOtherRoute;
    return new CountingHandler(route, createHandler(route, request.getMethod()), m_metrics);
}

Poco::Net::HTTPRequestHandler *ReceiverRoutes::createHandler(const std::string &route, const std::string &method)
{
    const bool get = method == "GET" || method == "HEAD";
    if (route == kHealthRoute)
        return get ? static_cast<Poco::Net::HTTPRequestHandler *>(new HealthHandler(m_spool)) : methodNotAllowed("GET");
    if (route == kMetricsRoute)
        return get ? static_cast<Poco::Net::HTTPRequestHandler *>(new MetricsHandler(m_spool, m_metrics))
                   : methodNotAllowed("GET");
    if (route == kWebhookRoute)
        return method == "POST"
                   ? static_cast<Poco::Net::HTTPRequestHandler *>(new WebhookHandler(m_spool, m_metrics, m_webhookCheck))
                   : methodNotAllowed("POST");
    if (route == kChallengesRoute)
        return method == "POST" ? static_cast<Poco::Net::HTTPRequestHandler *>(new ChallengeHandler(m_applicant))
                                : methodNotAllowed("POST");
    if (route == kApplicationsRoute) {
        if (method == "POST")
            return new ApplicationHandler(m_applicant);
        return get ? static_cast<Poco::Net::HTTPRequestHandler *>(new ApplicationStatusHandler(m_applicant, m_spool))
                   : methodNotAllowed("GET or POST");
    }
    if (route == kLiffSettingsRoute)
        return get ? static_cast<Poco::Net::HTTPRequestHandler *>(new LiffSettingsHandler(m_applicant))
                   : methodNotAllowed("GET");
    if (route == kLiffPageRoute)
        return get ? static_cast<Poco::Net::HTTPRequestHandler *>(
                         new StaticFileHandler(m_applicant.options.liff.staticDir))
                   : methodNotAllowed("GET");
    return new ErrorHandler(HTTPResponse::HTTP_NOT_FOUND, QStringLiteral("not_found"),
                            QStringLiteral("no such endpoint"));
}

} // namespace mado
