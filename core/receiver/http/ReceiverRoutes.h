#pragma once

#include "core/receiver/ReceiverOptions.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <memory>

namespace mado {

struct ApplicantServices;
class ReceiverMetrics;
class Spool;
class WebhookCheck;

// Maps a request's method and path to its handler: GET /healthz, POST /line/webhook, GET /metrics,
// POST /api/v1/challenges and POST /api/v1/applications (the applicant API, see ApplicantApi), and
// for the residents' LIFF page GET /api/v1/liff, GET /api/v1/applications (LiffEndpoints) and the
// page's files under /liff/ (StaticFileHandler).
// Unknown paths get 404 and known paths with the wrong method 405, both with a JSON body. Every
// answer is counted in the metrics by route and status. Called on Poco's server threads; the spool,
// the metrics, the webhook check and the applicant services must outlive the factory.
class ReceiverRoutes : public Poco::Net::HTTPRequestHandlerFactory {
public:
    ReceiverRoutes(Spool &spool, ReceiverMetrics &metrics, const WebhookCheck &webhookCheck,
                   const ApplicantServices &applicant);
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &request) override;

private:
    Poco::Net::HTTPRequestHandler *createHandler(const std::string &route, const std::string &method);

    Spool &m_spool;
    ReceiverMetrics &m_metrics;
    const WebhookCheck &m_webhookCheck;
    const ApplicantServices &m_applicant;
};

} // namespace mado
