#pragma once

#include "core/domain/CaseBundle.h"

#include "core/domain/Result.h"
#include "core/crypto/DataKey.h"
#include "core/receiver/ReceiverOptions.h"
#include "core/receiver/api/WorkstationTokens.h"
#include "core/receiver/spool/SpoolScrubber.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace Poco::Util {
class AbstractConfiguration;
}

namespace mado {

// The receiver's settings, read from a Poco configuration (the INI file given with --config,
// overlaid with command-line overrides such as --listen). Secrets are read from the files the
// configuration names, never from the configuration itself. load() validates every key and fails
// with an InvalidArgument error whose message names the key; secrets never appear in messages.
// A plain value; holds the secrets, so it must never be logged as a whole.
class ReceiverConfig {
public:
    struct Key {
        const char *name;
        const char *defaultValue; // nullptr: required or optional without default (see help)
        const char *help;
    };
    // Every key the receiver reads, for --help, docs and the unknown-key check.
    static const std::vector<Key> &keys();
    // One line per key, for --help.
    static QString keysHelp();

    static Result<ReceiverConfig> load(const Poco::Util::AbstractConfiguration &config);
    // Fails on the first key in file that the receiver does not know (most likely a typo).
    static Status checkKnownKeys(const Poco::Util::AbstractConfiguration &file);

    ReceiverOptions serverOptions() const;
    // The spool's retention pass: its interval and what it keeps how long.
    SpoolScrubber::Options scrubOptions() const;

    QString listenHost;
    quint16 listenPort = 0;
    int maxThreads = 128;
    int requestSeconds = 120;
    int maxPerAddress = 16;
    ClientAddress clientAddress; // front.trusted_proxies and front.forwarded_header
    QString channelSecretFile;
    QByteArray channelSecret;
    QString channelAccessTokenFile;
    QByteArray channelAccessToken;
    QString lineApiBase;
    QString lineDataApiBase;
    QString liffChannelId; // empty when not configured
    QString liffUrl;
    LiffOptions liff; // the residents' page (liff.id, liff.static_dir, liff.procedures, ...)
    QString spoolPath;
    // The data key sealing the spool's personal data: from spool.key_file or, under systemd, the
    // credential spool.key_credential ($CREDENTIALS_DIRECTORY/<name>); load() refuses without one.
    QString spoolKeyFile;
    QString spoolKeyCredential;
    std::optional<DataKey> spoolKey;
    int webhookRetentionDays = 7;
    int finishedRetentionDays = 90;
    int pruneIntervalMinutes = 10;
    int signatureHours = 24; // liff.signature_hours
    qint64 maxBodyBytes = ReceiverOptions::kDefaultMaxBodyBytes;
    int challengeLifetimeSeconds = 600;
    std::vector<Direction> challengeDirections{Direction::Left, Direction::Right, Direction::Up, Direction::Down};
    int maxChallengesPerHour = 30;
    qint64 maxApplicationBytes = 32 * 1024 * 1024;
    ImageLimits imageLimits{8 * 1024 * 1024, 40'000'000, 12'000};
    int idTokenCacheEntries = 10000;
    int failedTokenBurst = 10;
    int failedTokensPerMinute = 6;
    int uploadsPerUser = 2;
    int uploadsTotal = 16;
    qint64 spoolMinFreeBytes = qint64(1) << 30;
    // The workstation API; workstationPort 0 with an empty host means it is off.
    QString workstationHost;
    quint16 workstationPort = 0;
    QString workstationTokensFile;
    WorkstationTokens workstationTokens;
    int workstationMaxLeases = 10;
    int maxResubmittedImages = 12;
    qint64 maxResubmittedBytes = 64 * 1024 * 1024;
    QString tlsCertificate; // both empty: the workstation listener is plain HTTP
    QString tlsPrivateKey;
    bool workstationApiEnabled() const { return !workstationHost.isEmpty(); }
};

} // namespace mado
