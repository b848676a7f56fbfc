#pragma once

#include "core/Result.h"

#include <QString>

namespace mado {

// Verifies a LIFF ID token with LINE: POST {api_base}/oauth2/v2.1/verify (id_token, client_id)
// and returns the LINE user id ("sub") of the verified answer. Refuses (ErrorCode::Unauthorized) a
// token LINE rejects, one issued to another channel (aud) or one already expired (exp). A failed
// call to LINE is ErrorCode::Network (the caller answers 503, not 401). Never logs the token.
// Immutable; any thread.
class IdTokenVerifier {
public:
    IdTokenVerifier(QString apiBase, QString channelId)
        : m_apiBase(std::move(apiBase)), m_channelId(std::move(channelId))
    {
    }
    Result<QString> verify(const QString &idToken) const;

private:
    QString m_apiBase;
    QString m_channelId;
};

} // namespace mado
