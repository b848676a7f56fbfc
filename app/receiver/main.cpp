// madoguchi-receiver: the internet-facing intake service. Wiring only.
#include "core/crypto/Keyring.h"
#include "core/receiver/line/PushWorker.h"
#include "core/receiver/ReceiverConfig.h"
#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolSealing.h"
#include "core/receiver/line/WebhookWorker.h"
#include "core/receiver/api/WorkstationServer.h"

#include <Poco/Exception.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <QDir>
#include <QFileInfo>

#include <csignal>
#include <iostream>
#include <malloc.h>
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
        options.addOption(
            Poco::Util::Option("rotate-key", "", "re-seal the spool under the key in FILE (receiver stopped), then exit")
                .argument("FILE")
                .callback(Poco::Util::OptionCallback<ReceiverApp>(this, &ReceiverApp::onRotateKey)));
        options.addOption(
            Poco::Util::Option("generate-key", "", "write a new 32-byte data key into FILE (mode 0600), then exit")
                .argument("FILE")
                .callback(Poco::Util::OptionCallback<ReceiverApp>(this, &ReceiverApp::onGenerateKey)));
    }

    void onRotateKey(const std::string &, const std::string &value) { m_rotateKeyPath = value; }
    void onGenerateKey(const std::string &, const std::string &value) { m_generateKeyPath = value; }

    // --generate-key: a new key file for spool.key_file (or a rotation).
    int generateKey()
    {
        const QString path = QString::fromStdString(m_generateKeyPath);
        const auto key = mado::DataKey::createFile(path);
        if (!key)
            return fail(key.error().message, EXIT_CANTCREAT);
        std::cout << "madoguchi-receiver: wrote key " << key.value().idHex().toStdString() << " to "
                  << m_generateKeyPath << " (mode 0600; keep a copy in a safe place)" << std::endl;
        return EXIT_OK;
    }

    // --rotate-key: everything sealed under the configured key (or not yet sealed) is re-sealed
    // under the new one, item by item; run again after an interruption.
    int rotateKey(mado::Spool &spool, const mado::DataKey &current)
    {
        const auto next = mado::DataKey::loadFile(QString::fromStdString(m_rotateKeyPath), QStringLiteral("--rotate-key"));
        if (!next)
            return fail(next.error().message, EXIT_CONFIG);
        const mado::Keyring keyring(next.value(), {current});
        const auto sealed = mado::SpoolSealing::sealAll(spool, keyring);
        if (!sealed)
            return fail(sealed.error().message, EXIT_DATAERR);
        std::cout << "madoguchi-receiver: re-sealed " << sealed.value().manifests << " manifests and "
                  << sealed.value().files << " files under key " << next.value().idHex().toStdString() << " ("
                  << sealed.value().current << " were already). Now set spool.key_file = " << m_rotateKeyPath
                  << " (or move it over the old key file) and start the receiver; keep the old key until the "
                     "backups made before today are gone."
                  << std::endl;
        return EXIT_OK;
    }

    void onHelp(const std::string &, const std::string &)
    {
        Poco::Util::HelpFormatter help(options());
        help.setCommand(commandName());
        help.setUsage("--config FILE [--listen HOST:PORT] | --config FILE --rotate-key NEWKEY | --generate-key FILE");
        help.setHeader("madoguchi-receiver: receives LINE webhooks for Madoguchi and keeps them in a durable spool.\n"
                       "Serves GET /healthz, POST /line/webhook, GET /metrics and the LIFF applicant API\n"
                       "(POST /api/v1/challenges, POST /api/v1/applications, GET /api/v1/applications, GET /api/v1/liff)\n"
                       "and the residents' LIFF page under /liff/. Stops cleanly on SIGTERM or SIGINT.");
        help.setFooter("Configuration keys (INI sections [http], [line], [liff], [challenge], [spool], [limits],\n"
                       "[workstation], [tls]):\n" +
                       mado::ReceiverConfig::keysHelp().toStdString() +
                       "Secrets are read from the files named by the *_file keys, never from the command line.");
        help.format(std::cout);
        stopOptionsProcessing();
        m_helpRequested = true;
    }

    void onConfig(const std::string &, const std::string &value) { m_configPath = value; }

    // liff/ next to the binary (the build tree), else ../share/madoguchi/liff from it (installed).
    QString defaultLiffDirectory() const
    {
        const QString binary = QString::fromStdString(config().getString("application.dir", "."));
        const QString beside = QDir(binary).filePath(QStringLiteral("liff"));
        if (QFileInfo::exists(beside + QStringLiteral("/index.html")))
            return beside;
        return QDir::cleanPath(QDir(binary).filePath(QStringLiteral("../share/madoguchi/liff")));
    }

    int fail(const QString &message, int code)
    {
        std::cerr << "madoguchi-receiver: " << message.toStdString() << std::endl;
        return code;
    }

    int main(const std::vector<std::string> &) override
    {
        if (m_helpRequested)
            return EXIT_OK;
        if (!m_generateKeyPath.empty())
            return generateKey();
        if (m_configPath.empty())
            return fail(QStringLiteral("--config FILE is required (see --help)"), EXIT_USAGE);
        // Buffers of 1 MiB and more (uploads, images, bundles) are mapped and returned to the system
        // when freed. glibc's default threshold rises to the largest block freed, after which such
        // buffers stay in the arena of whichever thread held them: in the soak test
        // (installer/dev/soak.sh, docs/security.md) the RSS climbed in steps from 84 to 144 MiB
        // over five minutes. Set before any thread starts (TestReceiverMemory).
        mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
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

        auto spool = mado::Spool::open(settings.spoolPath, settings.scrubOptions());
        if (!spool)
            return fail(spool.error().message, EXIT_CANTCREAT);
        if (!m_rotateKeyPath.empty())
            return rotateKey(*spool.value(), *settings.spoolKey);
        // Before anything serves or recovers: data written before encryption is sealed now; data
        // under a key that is not configured stops the start, and nothing is changed or deleted.
        auto keyring = std::make_shared<const mado::Keyring>(*settings.spoolKey);
        const auto sealed = mado::SpoolSealing::sealAll(*spool.value(), *keyring);
        if (!sealed)
            return fail(sealed.error().message, EXIT_CONFIG);
        if (sealed.value().manifests + sealed.value().files > 0)
            std::cout << "madoguchi-receiver: sealed " << sealed.value().manifests << " manifests and "
                      << sealed.value().files << " files written before encryption" << std::endl;
        spool.value()->setKeyring(keyring);
        mado::PushWorker::Options pushOptions;
        pushOptions.apiBase = settings.lineApiBase;
        pushOptions.accessToken = settings.channelAccessToken;
        mado::PushWorker pushes(*spool.value(), pushOptions);
        mado::ReceiverOptions serverOptions = settings.serverOptions();
        if (serverOptions.liff.staticDir.isEmpty())
            serverOptions.liff.staticDir = defaultLiffDirectory();
        mado::ReceiverServer server(serverOptions, *spool.value());
        const mado::Status started = server.start();
        if (!started)
            return fail(started.error().message, EXIT_UNAVAILABLE);
        std::cout << "madoguchi-receiver: listening on " << settings.listenHost.toStdString() << ':' << server.port()
                  << std::endl;
        if (!QFileInfo::exists(serverOptions.liff.staticDir + QStringLiteral("/index.html")))
            std::cout << "madoguchi-receiver: no LIFF page in '" << serverOptions.liff.staticDir.toStdString()
                      << "' (liff.static_dir); /liff/ answers 404" << std::endl;
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
    std::string m_rotateKeyPath;
    std::string m_generateKeyPath;
};

} // namespace

POCO_SERVER_MAIN(ReceiverApp)
