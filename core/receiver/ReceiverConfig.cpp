#include "core/receiver/ReceiverConfig.h"

#include "core/receiver/IntakeLog.h"
#include "core/crypto/KeyFileCheck.h"
#include "core/net/TlsPolicy.h"
#include "core/receiver/api/WorkstationTokens.h"
#include "core/receiver/api/ProcedureCatalogue.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <QFile>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <cstring>

namespace mado {

namespace {

constexpr qint64 kMaxSecretFileBytes = 4096;
constexpr qint64 kMinBodyBytes = 1024;
constexpr qint64 kMaxBodyBytes = 64 * 1024 * 1024;

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

// The key's value, or its default from ReceiverConfig::keys() (empty if it has none).
QString value(const Poco::Util::AbstractConfiguration &config, const char *key)
{
    const auto &keys = ReceiverConfig::keys();
    const auto entry = std::find_if(keys.begin(), keys.end(),
                                    [key](const ReceiverConfig::Key &k) { return std::strcmp(k.name, key) == 0; });
    Q_ASSERT(entry != keys.end());
    const char *fallback = entry != keys.end() && entry->defaultValue ? entry->defaultValue : "";
    return QString::fromStdString(config.getString(key, fallback)).trimmed();
}

Result<QByteArray> readSecretFile(const char *key, const QString &path)
{
    if (path.isEmpty())
        return invalid(QStringLiteral("%1 is required: the path of a file holding the secret").arg(QLatin1String(key)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(QStringLiteral("%1: cannot read '%2': %3").arg(QLatin1String(key), path, file.errorString()));
    if (file.size() > kMaxSecretFileBytes)
        return invalid(QStringLiteral("%1: '%2' is larger than %3 bytes; is it the right file?")
                           .arg(QLatin1String(key), path)
                           .arg(kMaxSecretFileBytes));
    const QByteArray secret = file.readAll().trimmed();
    if (secret.isEmpty())
        return invalid(QStringLiteral("%1: '%2' is empty").arg(QLatin1String(key), path));
    const bool oneToken = std::all_of(secret.begin(), secret.end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (!oneToken)
        return invalid(QStringLiteral("%1: '%2' must hold the secret alone on one line").arg(QLatin1String(key), path));
    if (Status kept = KeyFileCheck::check(QLatin1String(key), path); !kept)
        return kept.error();
    return secret;
}

Result<QString> readBaseUrl(const Poco::Util::AbstractConfiguration &config, const char *key)
{
    const QString text = value(config, key);
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
        url.host().isEmpty() || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return invalid(QStringLiteral("%1 must be an http(s) base URL such as %2, got '%3'")
                           .arg(QLatin1String(key), QStringLiteral("https://api.line.me"), text));
    QString normalised = url.toString();
    while (normalised.endsWith(QLatin1Char('/')))
        normalised.chop(1);
    return normalised;
}

Result<qint64> readInteger(const Poco::Util::AbstractConfiguration &config, const char *key, qint64 minimum,
                           qint64 maximum)
{
    const QString text = value(config, key);
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < minimum || number > maximum)
        return invalid(QStringLiteral("%1 must be an integer from %2 to %3, got '%4'")
                           .arg(QLatin1String(key))
                           .arg(minimum)
                           .arg(maximum)
                           .arg(text));
    return number;
}

Status readListen(const QString &text, QString &host, quint16 &port, const char *key = "http.listen")
{
    static const QRegularExpression pattern(QStringLiteral("^(?:\\[([0-9A-Fa-f:.]+)\\]|([^:\\[\\]]+)):(\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    const uint number = match.hasMatch() ? match.captured(3).toUInt() : 0;
    if (!match.hasMatch() || number > 65535)
        return invalid(
            QStringLiteral("%1 must be HOST:PORT (IPv6 as [ADDRESS]:PORT), got '%2'").arg(QLatin1String(key), text));
    host = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    port = quint16(number);
    return {};
}

void collectKeys(const Poco::Util::AbstractConfiguration &config, const std::string &prefix,
                 std::vector<std::string> &out)
{
    Poco::Util::AbstractConfiguration::Keys children;
    config.keys(prefix, children);
    if (children.empty()) {
        if (!prefix.empty())
            out.push_back(prefix);
        return;
    }
    for (const std::string &child : children) {
        // A key with an empty part (" = x", "a. = x") is no receiver key. At the root, recursing into
        // it would list the root again without end (a stack overflow, found by fuzzing).
        if (child.empty()) {
            out.push_back(prefix + '.');
            continue;
        }
        collectKeys(config, prefix.empty() ? child : prefix + '.' + child, out);
    }
}

Result<QStringList> readProcedureList(const Poco::Util::AbstractConfiguration &config, const char *key)
{
    QStringList list;
    for (const QString &name : value(config, key).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = name.trimmed();
        if (!ProcedureCatalogue::find(trimmed) || list.contains(trimmed))
            return invalid(QStringLiteral("%1: '%2' is not one of tax_certificate, tax_exemption_certificate, "
                                          "tax_payment_certificate, juminhyo_copy (each once)")
                               .arg(QLatin1String(key), trimmed));
        list.append(trimmed);
    }
    return list;
}

// The [liff] keys of the residents' page (liff.static_dir's default is the application's).
Status readLiffPage(const Poco::Util::AbstractConfiguration &config, LiffOptions &liff)
{
    liff.liffId = value(config, "liff.id");
    static const QRegularExpression liffIdPattern(QStringLiteral("^\\d{1,20}-[A-Za-z0-9]{1,32}$"));
    if (!liff.liffId.isEmpty() && !liffIdPattern.match(liff.liffId).hasMatch())
        return invalid(QStringLiteral("liff.id must look like 1657000000-AbCdEfGh, got '%1'").arg(liff.liffId));
    liff.staticDir = value(config, "liff.static_dir");
    const auto procedures = readProcedureList(config, "liff.procedures");
    if (!procedures)
        return procedures.error();
    if (procedures.value().isEmpty())
        return invalid(QStringLiteral("liff.procedures: name at least one procedure"));
    liff.procedures = procedures.value();
    const auto held = readProcedureList(config, "liff.face_check_held");
    if (!held)
        return held.error();
    for (const QString &key : held.value())
        if (!liff.procedures.contains(key))
            return invalid(QStringLiteral("liff.face_check_held: '%1' is not in liff.procedures").arg(key));
    liff.faceCheckHeld = held.value();
    const QString mock = value(config, "liff.mock").toLower();
    if (mock != QLatin1String("true") && mock != QLatin1String("false"))
        return invalid(QStringLiteral("liff.mock must be true or false, got '%1'").arg(mock));
    liff.mock = mock == QLatin1String("true");
    return {};
}

} // namespace

const std::vector<ReceiverConfig::Key> &ReceiverConfig::keys()
{
    static const std::vector<Key> table = {
        {"http.listen", "127.0.0.1:8480",
         "HOST:PORT of the HTTP listener (IPv6 as [ADDRESS]:PORT); --listen overrides"},
        {"http.max_threads", "128",
         "threads for the applicant API, /healthz and /metrics, 1 to 256 (a kept-alive connection holds one; "
         "LINE webhooks need none)"},
        {"http.request_seconds", "120",
         "longest a request of the applicant API, /healthz or /metrics may take to arrive and be answered (a slow "
         "phone's upload included; on a kept-alive connection counted from the previous answer), 10 to 3600"},
        {"http.max_per_address", "16",
         "of http.max_threads, the connections one client address (IPv4 address, IPv6 /64) may hold at once, 1 to "
         "256; more is 503 (phones behind a carrier's shared address count together: keep it a generous share)"},
        {"front.trusted_proxies", nullptr,
         "optional: addresses or CIDR ranges (comma-separated) of reverse proxies in front of the receiver whose "
         "front.forwarded_header is believed; from anyone else the socket's peer is the client (empty: none)"},
        {"front.forwarded_header", "x-forwarded-for",
         "the header the trusted proxies set: x-forwarded-for or forwarded (RFC 7239); only that one is read"},
        {"line.channel_secret_file", nullptr, "required: file holding the LINE channel secret (webhook signatures)"},
        {"line.channel_access_token_file", nullptr, "required: file holding the LINE channel access token"},
        {"line.api_base", "https://api.line.me", "base URL of the LINE Messaging API"},
        {"line.data_api_base", "https://api-data.line.me", "base URL of the LINE content API"},
        {"liff.channel_id", nullptr, "optional: LINE Login channel id of the LIFF app (digits); enables the applicant API"},
        {"liff.url", nullptr, "optional: the LIFF app's URL (https://liff.line.me/...), sent in the reply to a follow"},
        {"liff.id", nullptr, "optional: the LIFF app's id (e.g. 1657000000-AbCdEfGh), given to the page for liff.init()"},
        {"liff.static_dir", nullptr,
         "directory of the residents' LIFF page served under /liff/ (default: liff/ next to the binary, else "
         "../share/madoguchi/liff from it)"},
        {"liff.procedures", "tax_certificate,juminhyo_copy",
         "procedures the LIFF page offers, in order: tax_certificate, tax_exemption_certificate, "
         "tax_payment_certificate, juminhyo_copy"},
        {"liff.face_check_held", "juminhyo_copy",
         "procedures (of liff.procedures) the ward's policy does not accept with a face check: the page says so "
         "and why before the resident starts (empty: none)"},
        {"liff.signature_hours", "24",
         "hours an application declared to be signed with the My Number card (signing=jpki) waits for its "
         "signature.p7s, 1 to 168; then it fails and the resident is told to apply again"},
        {"liff.mock", "false",
         "true lets the page run outside LINE with a mock LIFF SDK and an ID token in its URL (the demo and tests "
         "with madoguchi-linesim); never in a ward"},
        {"spool.path", nullptr, "required: path of the spool's SQLite file (created if missing)"},
        {"spool.key_file", nullptr,
         "required (or spool.key_credential): file of the 32-byte key that seals applicants' data in the spool "
         "(mode 0600, or 0640 with the receiver's group); make one with: (umask 077; head -c 32 /dev/urandom > FILE)"},
        {"spool.key_credential", nullptr,
         "instead of spool.key_file: name of a systemd credential holding the key (LoadCredential=NAME:FILE; read "
         "from $CREDENTIALS_DIRECTORY/NAME)"},
        {"spool.min_free_bytes", "1073741824",
         "new applications are refused (507) while the spool's file system has less free space than this plus the "
         "upload, 0 to 1099511627776 bytes (0: no check)"},
        {"spool.webhook_retention_days", "7",
         "days a processed webhook event's id is kept to recognise redeliveries (1 to 365); its body is cleared at once"},
        {"spool.finished_retention_days", "90",
         "days a finished application (acknowledged, decided, issued or failed) and its pushes stay in the spool "
         "after the workstation took it or it failed, 1 to 3650; then deleted (the resident's list no longer shows it)"},
        {"spool.prune_interval_minutes", "10",
         "how often the receiver deletes what is past its retention (challenges, webhook ids, finished applications "
         "and pushes), 1 to 1440 minutes; also once at start"},
        {"limits.body_bytes", "1048576", "largest webhook body in bytes (1024 to 67108864); larger is 413"},
        {"challenge.key_file", nullptr, "no longer used (challenges are not signed); ignored with a warning"},
        {"challenge.lifetime_seconds", "600", "how long a challenge may be used, 60 to 3600 seconds"},
        {"challenge.directions", "left,right,up,down",
         "head-turn directions a challenge may ask for: two or more of left, right, up, down"},
        {"challenge.per_user_per_hour", "30", "challenges one LINE user may get per hour (1 to 1000); more is 429"},
        {"limits.application_bytes", "33554432",
         "largest application (multipart) body in bytes (65536 to 268435456); larger is 413"},
        {"limits.uploads_per_user", "2",
         "application uploads one LINE user may have in progress (1 to 64); more is 429"},
        {"limits.uploads_total", "16", "application uploads in progress at once in all (1 to 256); more is 503"},
        {"liff.token_cache_entries", "10000",
         "verified ID tokens remembered (by hash) until they expire, so LINE is asked once per token (0 to 1000000)"},
        {"liff.failed_tokens_burst", "10",
         "invalid ID tokens a client address may send at once before it is answered 429 (1 to 10000)"},
        {"liff.failed_tokens_per_minute", "6",
         "invalid ID tokens a client address may send per minute after the burst (1 to 10000)"},
        {"limits.image_bytes", "8388608", "largest uploaded image in bytes (1024 to 67108864); larger is 422"},
        {"limits.image_pixels", "40000000",
         "most pixels an uploaded image may declare in its header (10000 to 100000000); more is 422"},
        {"workstation.listen", nullptr,
         "optional: HOST:PORT of the workstation API listener (leases, bundles, ack, outcomes); off when empty; "
         "a loopback address unless tls.certificate is set"},
        {"workstation.tokens_file", nullptr,
         "required with workstation.listen: file of NAME:SHA256HEX lines, one per workstation token"},
        {"workstation.max_leases", "10",
         "times an application may be leased without an ack (1 to 1000); then it is failed (lease_limit)"},
        {"resubmission.max_images", "12", "photos kept per application and resubmission request (1 to 100)"},
        {"resubmission.max_bytes", "67108864",
         "bytes of photos kept per application and resubmission request (1048576 to 1073741824)"},
        {"tls.certificate", nullptr, "optional: PEM certificate (chain) of the workstation listener; with tls.private_key"},
        {"tls.private_key", nullptr,
         "optional: PEM private key of tls.certificate (mode 0600, or 0640 with the receiver's group)"},
    };
    return table;
}

QString ReceiverConfig::keysHelp()
{
    QString text;
    for (const Key &key : keys()) {
        text += QStringLiteral("  %1  %2")
                    .arg(QString::fromLatin1(key.name).leftJustified(31), QLatin1String(key.help));
        if (key.defaultValue)
            text += QStringLiteral(" (default %1)").arg(QLatin1String(key.defaultValue));
        text += QLatin1Char('\n');
    }
    return text;
}

Status ReceiverConfig::checkKnownKeys(const Poco::Util::AbstractConfiguration &file)
{
    std::vector<std::string> present;
    collectKeys(file, std::string(), present);
    for (const std::string &name : present) {
        const bool known =
            // Poco's INI keys are case-insensitive, so the check is too.
            std::any_of(keys().begin(), keys().end(),
                        [&name](const Key &key) { return Poco::icompare(name, std::string(key.name)) == 0; });
        if (!known)
            return invalid(QStringLiteral("unknown configuration key '%1'").arg(QString::fromStdString(name)));
    }
    return {};
}

namespace {

Result<ReceiverConfig> loadValues(const Poco::Util::AbstractConfiguration &config)
{
    ReceiverConfig result;
    if (Status listen = readListen(value(config, "http.listen"), result.listenHost,
                                   result.listenPort);
        !listen)
        return listen.error();
    const auto threads = readInteger(config, "http.max_threads", 1, 256);
    if (!threads)
        return threads.error();
    result.maxThreads = int(threads.value());
    const auto requestSeconds = readInteger(config, "http.request_seconds", 10, 3600);
    if (!requestSeconds)
        return requestSeconds.error();
    result.requestSeconds = int(requestSeconds.value());
    const auto perAddress = readInteger(config, "http.max_per_address", 1, 256);
    if (!perAddress)
        return perAddress.error();
    result.maxPerAddress = int(perAddress.value());
    const auto header = ClientAddress::headerNamed(value(config, "front.forwarded_header"));
    if (!header)
        return header.error();
    auto clientAddress = ClientAddress::make(value(config, "front.trusted_proxies"), header.value());
    if (!clientAddress)
        return clientAddress.error();
    result.clientAddress = std::move(clientAddress).value();

    result.channelSecretFile = value(config, "line.channel_secret_file");
    const auto secret = readSecretFile("line.channel_secret_file", result.channelSecretFile);
    if (!secret)
        return secret.error();
    result.channelSecret = secret.value();
    result.channelAccessTokenFile = value(config, "line.channel_access_token_file");
    const auto token = readSecretFile("line.channel_access_token_file", result.channelAccessTokenFile);
    if (!token)
        return token.error();
    result.channelAccessToken = token.value();

    const auto apiBase = readBaseUrl(config, "line.api_base");
    if (!apiBase)
        return apiBase.error();
    result.lineApiBase = apiBase.value();
    const auto dataApiBase = readBaseUrl(config, "line.data_api_base");
    if (!dataApiBase)
        return dataApiBase.error();
    result.lineDataApiBase = dataApiBase.value();

    result.liffChannelId = value(config, "liff.channel_id");
    static const QRegularExpression digits(QStringLiteral("^\\d{1,20}$"));
    if (!result.liffChannelId.isEmpty() && !digits.match(result.liffChannelId).hasMatch())
        return invalid(QStringLiteral("liff.channel_id must be the channel's numeric id, got '%1'")
                           .arg(result.liffChannelId));

    result.liffUrl = value(config, "liff.url");
    if (!result.liffUrl.isEmpty() && !QUrl(result.liffUrl, QUrl::StrictMode).isValid())
        return invalid(QStringLiteral("liff.url must be a URL"));

    if (Status liff = readLiffPage(config, result.liff); !liff)
        return liff.error();

    result.spoolPath = value(config, "spool.path");
    if (result.spoolPath.isEmpty())
        return invalid(QStringLiteral("spool.path is required: the path of the spool's SQLite file"));

    result.spoolKeyFile = value(config, "spool.key_file");
    result.spoolKeyCredential = value(config, "spool.key_credential");
    if (!result.spoolKeyFile.isEmpty() && !result.spoolKeyCredential.isEmpty())
        return invalid(QStringLiteral("spool.key_file and spool.key_credential are both set; keep one"));
    if (result.spoolKeyFile.isEmpty() && result.spoolKeyCredential.isEmpty())
        return invalid(QStringLiteral("spool.key_file (or spool.key_credential) is required: applicants' data in the "
                                      "spool is sealed with it; make one with: (umask 077; head -c 32 /dev/urandom > "
                                      "/etc/madoguchi/spool.key) and keep a copy in a safe place"));
    auto spoolKey = result.spoolKeyFile.isEmpty()
                        ? DataKey::loadCredential(result.spoolKeyCredential, QStringLiteral("spool.key_credential"))
                        : DataKey::loadFile(result.spoolKeyFile, QStringLiteral("spool.key_file"));
    if (!spoolKey)
        return spoolKey.error();
    result.spoolKey = std::move(spoolKey).value();

    const auto retention = readInteger(config, "spool.webhook_retention_days", 1, 365);
    if (!retention)
        return retention.error();
    result.webhookRetentionDays = int(retention.value());
    const auto finishedDays = readInteger(config, "spool.finished_retention_days", 1, 3650);
    if (!finishedDays)
        return finishedDays.error();
    result.finishedRetentionDays = int(finishedDays.value());
    const auto signatureHours = readInteger(config, "liff.signature_hours", 1, 168);
    if (!signatureHours)
        return signatureHours.error();
    result.signatureHours = int(signatureHours.value());
    const auto pruneMinutes = readInteger(config, "spool.prune_interval_minutes", 1, 1440);
    if (!pruneMinutes)
        return pruneMinutes.error();
    result.pruneIntervalMinutes = int(pruneMinutes.value());

    const auto bodyBytes = readInteger(config, "limits.body_bytes", kMinBodyBytes, kMaxBodyBytes);
    if (!bodyBytes)
        return bodyBytes.error();
    result.maxBodyBytes = bodyBytes.value();

    // The key signed the challenges, and nobody verified the signature (docs/case-bundle.md); a
    // configuration that still names it starts, with a hint.
    if (!value(config, "challenge.key_file").isEmpty())
        qCWarning(lcIntake) << "challenge.key_file is no longer used (challenges are not signed); remove the key "
                               "and the file";
    const auto lifetime = readInteger(config, "challenge.lifetime_seconds", 60, 3600);
    if (!lifetime)
        return lifetime.error();
    result.challengeLifetimeSeconds = int(lifetime.value());
    result.challengeDirections.clear();
    for (const QString &name : value(config, "challenge.directions").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto direction = directionFromName(name.trimmed());
        if (!direction || *direction == Direction::Front ||
            std::find(result.challengeDirections.begin(), result.challengeDirections.end(), *direction) !=
                result.challengeDirections.end())
            return invalid(QStringLiteral("challenge.directions: '%1' is not one of left, right, up, down (each once)")
                               .arg(name.trimmed()));
        result.challengeDirections.push_back(*direction);
    }
    if (result.challengeDirections.size() < 2)
        return invalid(QStringLiteral("challenge.directions: name at least two directions"));
    const auto perHour = readInteger(config, "challenge.per_user_per_hour", 1, 1000);
    if (!perHour)
        return perHour.error();
    result.maxChallengesPerHour = int(perHour.value());
    const auto applicationBytes = readInteger(config, "limits.application_bytes", 65536, 256 * 1024 * 1024);
    if (!applicationBytes)
        return applicationBytes.error();
    result.maxApplicationBytes = applicationBytes.value();
    const auto uploadsPerUser = readInteger(config, "limits.uploads_per_user", 1, 64);
    if (!uploadsPerUser)
        return uploadsPerUser.error();
    result.uploadsPerUser = int(uploadsPerUser.value());
    const auto uploadsTotal = readInteger(config, "limits.uploads_total", 1, 256);
    if (!uploadsTotal)
        return uploadsTotal.error();
    result.uploadsTotal = int(uploadsTotal.value());
    const auto minFree = readInteger(config, "spool.min_free_bytes", 0, qint64(1) << 40);
    if (!minFree)
        return minFree.error();
    result.spoolMinFreeBytes = minFree.value();
    const auto cacheEntries = readInteger(config, "liff.token_cache_entries", 0, 1'000'000);
    if (!cacheEntries)
        return cacheEntries.error();
    result.idTokenCacheEntries = int(cacheEntries.value());
    const auto failedBurst = readInteger(config, "liff.failed_tokens_burst", 1, 10000);
    if (!failedBurst)
        return failedBurst.error();
    result.failedTokenBurst = int(failedBurst.value());
    const auto failedPerMinute = readInteger(config, "liff.failed_tokens_per_minute", 1, 10000);
    if (!failedPerMinute)
        return failedPerMinute.error();
    result.failedTokensPerMinute = int(failedPerMinute.value());
    const auto imageBytes = readInteger(config, "limits.image_bytes", 1024, 64 * 1024 * 1024);
    if (!imageBytes)
        return imageBytes.error();
    result.imageLimits.maxBytes = imageBytes.value();
    const auto imagePixels = readInteger(config, "limits.image_pixels", 10000, 100'000'000);
    if (!imagePixels)
        return imagePixels.error();
    result.imageLimits.maxPixels = imagePixels.value();

    const QString workstationListen = value(config, "workstation.listen");
    if (!workstationListen.isEmpty()) {
        if (Status listen = readListen(workstationListen, result.workstationHost, result.workstationPort,
                                       "workstation.listen");
            !listen)
            return listen.error();
        result.workstationTokensFile = value(config, "workstation.tokens_file");
        if (result.workstationTokensFile.isEmpty())
            return invalid(QStringLiteral("workstation.tokens_file is required with workstation.listen"));
        if (Status kept = KeyFileCheck::check(QStringLiteral("workstation.tokens_file"), result.workstationTokensFile);
            !kept && QFile::exists(result.workstationTokensFile))
            return kept.error();
        auto tokens = WorkstationTokens::load(result.workstationTokensFile);
        if (!tokens)
            return tokens.error();
        if (tokens.value().size() == 0)
            return invalid(QStringLiteral("workstation.tokens_file names no workstation"));
        result.workstationTokens = std::move(tokens).value();
    }
    const auto maxLeases = readInteger(config, "workstation.max_leases", 1, 1000);
    if (!maxLeases)
        return maxLeases.error();
    result.workstationMaxLeases = int(maxLeases.value());
    const auto resubmittedImages = readInteger(config, "resubmission.max_images", 1, 100);
    if (!resubmittedImages)
        return resubmittedImages.error();
    result.maxResubmittedImages = int(resubmittedImages.value());
    const auto resubmittedBytes = readInteger(config, "resubmission.max_bytes", 1024 * 1024, 1024 * 1024 * 1024);
    if (!resubmittedBytes)
        return resubmittedBytes.error();
    result.maxResubmittedBytes = resubmittedBytes.value();
    result.tlsCertificate = value(config, "tls.certificate");
    result.tlsPrivateKey = value(config, "tls.private_key");
    if (result.tlsCertificate.isEmpty() != result.tlsPrivateKey.isEmpty())
        return invalid(QStringLiteral("tls.certificate and tls.private_key must be given together"));
    for (const auto &[key, path] : {std::pair<const char *, QString>{"tls.certificate", result.tlsCertificate},
                                    std::pair<const char *, QString>{"tls.private_key", result.tlsPrivateKey}}) {
        if (!path.isEmpty() && !QFile(path).open(QIODevice::ReadOnly))
            return invalid(QStringLiteral("%1: cannot read '%2'").arg(QLatin1String(key), path));
    }
    if (!result.tlsPrivateKey.isEmpty())
        if (Status kept = KeyFileCheck::check(QStringLiteral("tls.private_key"), result.tlsPrivateKey); !kept)
            return kept.error();
    // Workstation tokens and applicants' data in clear text cross the network only on loopback.
    if (result.workstationApiEnabled() && result.tlsCertificate.isEmpty() &&
        !TlsPolicy::isLoopbackHost(result.workstationHost))
        return invalid(QStringLiteral("workstation.listen = %1 is not a loopback address and the workstation API "
                                      "would be plain HTTP: configure tls.certificate and tls.private_key, or "
                                      "listen on 127.0.0.1")
                           .arg(workstationListen));
    return result;
}

} // namespace

Result<ReceiverConfig> ReceiverConfig::load(const Poco::Util::AbstractConfiguration &config)
{
    // Poco expands ${key} in values and throws on a circular reference ("listen = ${http.listen}"),
    // found by fuzzing; its message names the key, and the configuration holds no secrets.
    try {
        return loadValues(config);
    } catch (const Poco::Exception &e) {
        return invalid(
            QStringLiteral("the configuration cannot be read: %1").arg(QString::fromStdString(e.displayText())));
    }
}

SpoolScrubber::Options ReceiverConfig::scrubOptions() const
{
    SpoolScrubber::Options options;
    options.pruneIntervalMs = pruneIntervalMinutes * 60 * 1000;
    options.retention.webhookRetentionDays = webhookRetentionDays;
    options.retention.finishedRetentionDays = finishedRetentionDays;
    return options;
}

ReceiverOptions ReceiverConfig::serverOptions() const
{
    ReceiverOptions options;
    options.host = listenHost;
    options.port = listenPort;
    options.maxThreads = maxThreads;
    options.handOverDeadline = std::chrono::seconds(requestSeconds);
    options.maxHandOversPerAddress = maxPerAddress;
    options.signatureWindow = std::chrono::hours(signatureHours);
    options.clientAddress = clientAddress;
    options.channelSecret = channelSecret;
    options.maxBodyBytes = maxBodyBytes;
    options.lineApiBase = lineApiBase;
    options.liffChannelId = liffChannelId;
    options.liff = liff;
    options.challengeLifetimeSeconds = challengeLifetimeSeconds;
    options.challengeDirections = challengeDirections;
    options.maxChallengesPerHour = maxChallengesPerHour;
    options.maxApplicationBytes = maxApplicationBytes;
    options.imageLimits = imageLimits;
    options.idTokenCacheEntries = idTokenCacheEntries;
    options.failedTokenBurst = failedTokenBurst;
    options.failedTokensPerMinute = failedTokensPerMinute;
    options.uploadsPerUser = uploadsPerUser;
    options.uploadsTotal = uploadsTotal;
    options.spoolMinFreeBytes = spoolMinFreeBytes;
    return options;
}

} // namespace mado
