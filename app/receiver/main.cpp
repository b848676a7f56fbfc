// madoguchi-receiver: the internet-facing intake service. Wiring only.
#include "core/intake/ReceiverServer.h"

#include <Poco/NumberParser.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <iostream>

namespace {

class ReceiverApp : public Poco::Util::ServerApplication {
protected:
    void defineOptions(Poco::Util::OptionSet &options) override
    {
        ServerApplication::defineOptions(options);
        options.addOption(Poco::Util::Option("help", "h", "print this help and exit")
                              .callback(Poco::Util::OptionCallback<ReceiverApp>(this, &ReceiverApp::onHelp)));
        options.addOption(Poco::Util::Option("listen", "l", "HTTP listen address HOST:PORT (default 127.0.0.1:8480)")
                              .argument("HOST:PORT")
                              .binding("http.listen"));
    }

    void onHelp(const std::string &, const std::string &)
    {
        Poco::Util::HelpFormatter help(options());
        help.setCommand(commandName());
        help.setUsage("[--listen HOST:PORT]");
        help.setHeader("madoguchi-receiver: receives LINE webhooks and LIFF applications for Madoguchi.\n"
                       "Serves GET /healthz. Stops cleanly on SIGTERM or SIGINT.");
        help.format(std::cout);
        stopOptionsProcessing();
        m_helpRequested = true;
    }

    int main(const std::vector<std::string> &) override
    {
        if (m_helpRequested)
            return EXIT_OK;
        mado::ReceiverOptions options;
        const std::string listen = config().getString("http.listen", "127.0.0.1:8480");
        const auto colon = listen.rfind(':');
        unsigned port = 0;
        if (colon == std::string::npos || !Poco::NumberParser::tryParseUnsigned(listen.substr(colon + 1), port) ||
            port > 65535) {
            std::cerr << "madoguchi-receiver: --listen expects HOST:PORT, got '" << listen << "'\n";
            return EXIT_USAGE;
        }
        options.host = QString::fromStdString(listen.substr(0, colon));
        options.port = static_cast<quint16>(port);

        mado::ReceiverServer server(options);
        const mado::Status started = server.start();
        if (!started) {
            std::cerr << "madoguchi-receiver: " << started.error().message.toStdString() << '\n';
            return EXIT_UNAVAILABLE;
        }
        std::cout << "madoguchi-receiver: listening on " << options.host.toStdString() << ':' << server.port()
                  << std::endl;
        waitForTerminationRequest();
        server.stop();
        std::cout << "madoguchi-receiver: stopped" << std::endl;
        return EXIT_OK;
    }

private:
    bool m_helpRequested = false;
};

} // namespace

POCO_SERVER_MAIN(ReceiverApp)
