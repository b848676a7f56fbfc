#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

namespace mado {

class ReceiverMetrics;
class Spool;
class WebhookCheck;

// POST /line/webhook on Poco's threads, for connections the event-driven front (WebhookFront)
// handed over because they began with another route. The checks and answers are WebhookCheck's:
// a refusal before the body closes the connection, since the unread body cannot be skipped. The
// events are stored in the spool (503 if that fails) and only then is the answer 200. Nothing is
// stored unless the signature matched. One instance per request.
class WebhookHandler : public Poco::Net::HTTPRequestHandler {
public:
    WebhookHandler(Spool &spool, ReceiverMetrics &metrics, const WebhookCheck &check);
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    Spool &m_spool;
    ReceiverMetrics &m_metrics;
    const WebhookCheck &m_check;
};

} // namespace mado
