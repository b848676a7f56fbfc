#include "core/intake/IdTokenVerifier.h"

#include "core/intake/HttpCall.h"
#include "core/intake/IntakeLog.h"

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

Result<QString> IdTokenVerifier::verify(const QString &idToken) const
{
    if (m_channelId.isEmpty())
        return unauthorized(QStringLiteral("the LIFF channel is not configured"));
    if (idToken.isEmpty() || idToken.size() > 4096)
        return unauthorized(QStringLiteral("the ID token is missing"));
    const auto reply = HttpCall::request(
        "POST", m_apiBase + QStringLiteral("/oauth2/v2.1/verify"), {},
        HttpCall::formEncode({{QStringLiteral("id_token"), idToken}, {QStringLiteral("client_id"), m_channelId}}),
        "application/x-www-form-urlencoded");
    if (!reply) {
        qCWarning(lcIntake) << "ID token verification call failed:" << reply.error().message;
        return reply.error();
    }
    if (reply.value().status >= 500)
        return Error{ErrorCode::Network,
                     QStringLiteral("LINE answered %1 to the verification").arg(reply.value().status)};
    if (reply.value().status != 200)
        return unauthorized(QStringLiteral("the ID token is invalid or expired"));
    const QJsonObject answer = QJsonDocument::fromJson(reply.value().body).object();
    const QString sub = answer.value(QStringLiteral("sub")).toString();
    if (answer.value(QStringLiteral("aud")).toString() != m_channelId)
        return unauthorized(QStringLiteral("the ID token was issued for another channel"));
    const qint64 exp = qint64(answer.value(QStringLiteral("exp")).toDouble());
    if (exp <= QDateTime::currentSecsSinceEpoch())
        return unauthorized(QStringLiteral("the ID token has expired"));
    if (sub.isEmpty() || sub.size() > 64)
        return unauthorized(QStringLiteral("the verification answer names no user"));
    return sub;
}

} // namespace mado
