#pragma once

#include "core/intake/LineSignature.h"
#include "core/intake/ReceiverOptions.h"

#include <Poco/Net/HTTPRequestHandler.h>

namespace mado {

class ReceiverMetrics;
class Spool;

// POST /line/webhook. In this order: a declared body over the limit is 413 before anything is read;
// a Content-Type other than application/json is 415; a missing x-line-signature is 401; the body is
// read up to the limit (more is 413); a signature that does not match the raw body is 401; a body
// that is not a LINE webhook is 400; the events are stored in the spool (503 if that fails) and only
// then is the answer 200. Nothing is stored unless the signature matched. An early answer closes the
// connection, since the unread body cannot be skipped. One instance per request (Poco's threads).
class WebhookHandler : public Poco::Net::HTTPRequestHandler {
public:
    // signatureKey: options.channelSecret, prepared once (the routes own it).
    WebhookHandler(Spool &spool, ReceiverMetrics &metrics, const ReceiverOptions &options,
                   const LineSignature::Key &signatureKey);
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    Spool &m_spool;
    ReceiverMetrics &m_metrics;
    const ReceiverOptions &m_options;
    const LineSignature::Key &m_signatureKey;
};

} // namespace mado
