#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace mado {

// Maps a request's method and path to its handler. Unknown paths get 404 and known paths with
// the wrong method 405, both with a JSON body. Called on Poco's server threads.
class ReceiverRoutes : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &request) override;
};

} // namespace mado
