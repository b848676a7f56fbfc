// madoguchi-receiver: the internet-facing intake service. Wiring only.
#include "core/receiver/line/PushWorker.h"
#include "core/receiver/ReceiverConfig.h"
#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/line/WebhookWorker.h"
#include "core/receiver/api/WorkstationServer.h"

#include <Poco/Exception.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <csignal>
#include <iostream>
#include <pthread.h>

namespace {

class ReceiverApp : public Poco::Util::ServerApplication {
protected:
    void defineOptions(Poco::Util::OptionSet &options) override
    {
        ServerApplication::defineOptions(options);
        options.addOption(Poco::Util::Option("help", "h", "print this help and exit")
                              .callback(Poco::Util::OptionCallback<ReceiverApp>(this, &ReceiverApp::onHelp)));
        options.addOption(Poco::Util::Option("config", "c", "INI configuration file (required)")
                              .argument("FILE")
                              .callback(Poco::Util::OptionCallback<ReceiverApp>(this, &ReceiverApp::onConfig)));
        // Bound into the application layer, which takes precedence over the INI file.
        options.addOption(Poco::Util::Option("listen", "l", "HTTP listen address HOST:PORT, overrides http.listen")
                              .argument("HOST:PORT")
                              .binding("http.listen"));
    }

    void onHelp(const std::string &, const std::string &)
    {
        Poco::Util::HelpFormatter help(options());
        help.setCommand(commandName());
        help.setUsage("--config FILE [--listen HOST:PORT]");
        help.setHeader("madoguchi-receiver: receives LINE webhooks for Madoguchi and keeps them in a durable spool.\n"
                       "Serves GET /healthz, POST /line/webhook, GET /metrics and the LIFF applicant API\n"
                       "(POST /api/v1/challenges, POST /api/v1/applications). Stops cleanly on SIGTERM or SIGINT.");
        help.setFooter("Configuration keys (INI sections [http], [line], [liff], [challenge], [spool], [limits],\n"
                       "[workstation], [tls]):\n" +
                       mado::ReceiverConfig::keysHelp().toStdString() +
                       "Secrets are read from the files named by the *_file keys, never from the command line.");
        help.format(std::cout);
        stopOptionsProcessing();
        m_helpRequested = true;
    }

    void onConfig(const std::string &, const std::string &value) { m_configPath = value; }

    int fail(const QString &message, int code)
    {
        std::cerr << "madoguchi-receiver: " << message.toStdString() << std::endl;
        return code;
    }

    int main(const std::vector<std::string> &) override
    {
        if (m_helpRequested)
            return EXIT_OK;
        if (m_configPath.empty())
            return fail(QStringLiteral("--config FILE is required (see --help)"), EXIT_USAGE);
        // SIGTERM and SIGINT blocked before any thread starts, so every thread inherits the mask and the
        // signal waits for waitForTerminationRequest(): otherwise one arriving during start-up (the
        // listener already answering) ends the process by the default action, without a clean stop.
        sigset_t termination;
        sigemptyset(&termination);
        sigaddset(&termination, SIGTERM);
        sigaddset(&termination, SIGINT);
        sigaddset(&termination, SIGQUIT);
        pthread_sigmask(SIG_BLOCK, &termination, nullptr);
        Poco::AutoPtr<Poco::Util::IniFileConfiguration> file;
        try {
            file = new Poco::Util::IniFileConfiguration(m_configPath);
        } catch (const Poco::Exception &e) {
            return fail(QStringLiteral("cannot read configuration '%1': %2")
                            .arg(QString::fromStdString(m_configPath), QString::fromStdString(e.displayText())),
                        EXIT_CONFIG);
        }
        if (const mado::Status known = mado::ReceiverConfig::checkKnownKeys(*file); !known)
            return fail(QString::fromStdString(m_configPath) + QStringLiteral(": ") + known.error().message,
                        EXIT_CONFIG);
        config().add(file, PRIO_DEFAULT);
        const auto loaded = mado::ReceiverConfig::load(config());
        if (!loaded)
            return fail(QString::fromStdString(m_configPath) + QStringLiteral(": ") + loaded.error().message,
                        EXIT_CONFIG);
        const mado::ReceiverConfig &settings = loaded.value();

        auto spool = mado::Spool::open(settings.spoolPath);
        if (!spool)
            return fail(spool.error().message, EXIT_CANTCREAT);
        mado::PushWorker::Options pushOptions;
        pushOptions.apiBase = settings.lineApiBase;
        pushOptions.accessToken = settings.channelAccessToken;
        mado::PushWorker pushes(*spool.value(), pushOptions);
        mado::ReceiverServer server(settings.serverOptions(), *spool.value());
        const mado::Status started = server.start();
        if (!started)
            return fail(started.error().message, EXIT_UNAVAILABLE);
        std::cout << "madoguchi-receiver: listening on " << settings.listenHost.toStdString() << ':' << server.port()
                  << std::endl;
        std::unique_ptr<mado::WorkstationServer> workstations;
        if (settings.workstationApiEnabled()) {
            mado::WorkstationServer::Options options;
            options.host = settings.workstationHost;
            options.port = settings.workstationPort;
            options.tlsCertificate = settings.tlsCertificate;
            options.tlsPrivateKey = settings.tlsPrivateKey;
            options.maxLeases = settings.workstationMaxLeases;
            workstations = std::make_unique<mado::WorkstationServer>(options, *spool.value(),
                                                                     settings.workstationTokens, &pushes);
            workstations->setMetrics(&server.metrics());
            const mado::Status listening = workstations->start();
            if (!listening)
                return fail(listening.error().message, EXIT_UNAVAILABLE);
            std::cout << "madoguchi-receiver: workstation API on " << settings.workstationHost.toStdString() << ':'
                      << workstations->port() << std::endl;
        }
        mado::WebhookWorker::Options eventOptions;
        eventOptions.apiBase = settings.lineApiBase;
        eventOptions.dataApiBase = settings.lineDataApiBase;
        eventOptions.accessToken = settings.channelAccessToken;
        eventOptions.liffUrl = settings.liffUrl;
        eventOptions.imageLimits = settings.imageLimits;
        eventOptions.retentionDays = settings.webhookRetentionDays;
        eventOptions.maxResubmittedImages = settings.maxResubmittedImages;
        eventOptions.maxResubmittedBytes = settings.maxResubmittedBytes;
        mado::WebhookWorker events(*spool.value(), eventOptions);
        events.setMetrics(&server.metrics());
        pushes.start();
        events.start();
        waitForTerminationRequest();
        // In-flight requests finish first; then the push worker ends after its current call.
        if (workstations)
            workstations->stop();
        server.stop();
        events.stop();
        pushes.stop();
        std::cout << "madoguchi-receiver: stopped" << std::endl;
        return EXIT_OK;
    }

private:
    bool m_helpRequested = false;
    std::string m_configPath;
};

} // namespace

POCO_SERVER_MAIN(ReceiverApp)
