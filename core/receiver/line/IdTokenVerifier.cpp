#include "core/receiver/line/IdTokenVerifier.h"

#include "core/net/HttpCall.h"
#include "core/receiver/IntakeLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace mado {

namespace {

Error unauthorized(const QString &message)
{
    return Error{ErrorCode::Unauthorized, message};
}

} // namespace

Result<QString> IdTokenVerifier::verify(const QString &idToken, const std::string &clientAddress,
                                        int *retryAfterSeconds)
{
    if (m_channelId.isEmpty())
        return unauthorized(QStringLiteral("the LIFF channel is not configured"));
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // A well-formed token LINE verified before: no call, no limit.
    if (!idToken.isEmpty() && idToken.size() <= 4096) {
        if (auto cached = m_cache.find(idToken, nowMs / 1000))
            return *cached;
    }
    const std::string address = FailureRateLimiter::keyOf(clientAddress);
    if (const int wait = m_failures.retryAfterSeconds(address, nowMs); wait > 0) {
        if (retryAfterSeconds)
            *retryAfterSeconds = wait;
        return Error{ErrorCode::RateLimited,
                     QStringLiteral("too many invalid ID tokens from this address; retry later")};
    }
    if (const qint64 until = m_lineBackoffUntilMs.load(); nowMs < until) {
        if (retryAfterSeconds)
            *retryAfterSeconds = int((until - nowMs + 999) / 1000);
        return Error{ErrorCode::Network, QStringLiteral("LINE is limiting or failing the verifications; retry later")};
    }
    qint64 expiresAt = 0;
    auto user = idToken.isEmpty() || idToken.size() > 4096
                    ? Result<QString>(unauthorized(QStringLiteral("the ID token is missing")))
                    : askLine(idToken, expiresAt, retryAfterSeconds);
    if (user)
        m_cache.insert(idToken, user.value(), expiresAt, QDateTime::currentSecsSinceEpoch());
    else if (user.error().code == ErrorCode::Unauthorized)
        m_failures.failed(address, nowMs);
    return user;
}

Result<QString> IdTokenVerifier::askLine(const QString &idToken, qint64 &expiresAt, int *retryAfterSeconds)
{
    const auto reply = HttpCall::request(
        "POST", m_apiBase + QStringLiteral("/oauth2/v2.1/verify"), {},
        HttpCall::formEncode({{QStringLiteral("id_token"), idToken}, {QStringLiteral("client_id"), m_channelId}}),
        "application/x-www-form-urlencoded");
    if (!reply) {
        qCWarning(lcIntake) << "ID token verification call failed:" << reply.error().message;
        if (retryAfterSeconds)
            *retryAfterSeconds = kLineRetryAfterSeconds;
        return reply.error();
    }
    // LINE limiting or failing is not the resident's fault: 503 with Retry-After, never 401.
    if (reply.value().status == 429 || reply.value().status >= 500) {
        qCWarning(lcIntake) << "LINE answered" << reply.value().status << "to an ID token verification";
        if (retryAfterSeconds)
            *retryAfterSeconds = kLineRetryAfterSeconds;
        m_lineBackoffUntilMs.store(QDateTime::currentMSecsSinceEpoch() + m_lineBackoffMs);
        return Error{ErrorCode::Network,
                     QStringLiteral("LINE answered %1 to the verification").arg(reply.value().status)};
    }
    if (reply.value().status != 200)
        return unauthorized(QStringLiteral("the ID token is invalid or expired"));
    const QJsonObject answer = QJsonDocument::fromJson(reply.value().body).object();
    const QString sub = answer.value(QStringLiteral("sub")).toString();
    if (answer.value(QStringLiteral("aud")).toString() != m_channelId)
        return unauthorized(QStringLiteral("the ID token was issued for another channel"));
    expiresAt = qint64(answer.value(QStringLiteral("exp")).toDouble());
    if (expiresAt <= QDateTime::currentSecsSinceEpoch())
        return unauthorized(QStringLiteral("the ID token has expired"));
    if (sub.isEmpty() || sub.size() > 64)
        return unauthorized(QStringLiteral("the verification answer names no user"));
    return sub;
}

} // namespace mado
