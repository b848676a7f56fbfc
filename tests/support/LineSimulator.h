#pragma once

#include <QByteArray>
#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace mado::test {

// A loopback stand-in for the LINE platform endpoints the receiver calls, over real HTTP (Poco):
//   POST /oauth2/v2.1/verify          LIFF ID token verification (form id_token, client_id) for
//                                     tokens minted here; 400 for unknown, expired or other channel;
//                                     can answer the next N calls with a given status (429, 500)
//   POST /v2/bot/message/push         push with X-Line-Retry-Key semantics: a key already accepted
//                                     answers 409; can fail the next N calls with 500
//   POST /v2/bot/message/reply        records replies
//   GET  /v2/bot/message/{id}/content serves registered bytes (404 otherwise)
// and admin endpoints for the madoguchi-linesim demo program:
//   POST /admin/id-tokens {"userId","channelId","expiresIn"} -> {"idToken"}
//   POST /admin/fail-pushes {"count"}   GET /admin/messages -> {"pushes":[...],"replies":[...]}
//   POST /admin/faults {"endpoint": verify|push|reply|content|all, "count", "status": 429|5xx}
//        the next count calls answer status (0 ends it; the soak test's LINE fault phases)
//   GET  /admin/counts -> calls per endpoint and faults answered
//   POST /admin/content/{id} (raw bytes) registers message content
// Bot endpoints require "Authorization: Bearer <channel access token>". Independent of the core libraries.
// Thread-safe: requests are served on Poco's threads; the accessors may be called from any thread.
class LineSimulator {
public:
    struct Message {
        QString retryKey; // pushes only
        QString to;       // pushes: the user id; replies: the reply token
        QByteArray body;  // the request body as sent
    };

    explicit LineSimulator(QByteArray channelAccessToken);
    ~LineSimulator();
    LineSimulator(const LineSimulator &) = delete;
    LineSimulator &operator=(const LineSimulator &) = delete;

    // Listens on host:port (0 picks a free port). False if it cannot listen.
    bool start(const QString &host = QStringLiteral("127.0.0.1"), quint16 port = 0);
    void stop();
    quint16 port() const;
    QString baseUrl() const;

    // An opaque ID token for userId issued to channelId, valid for expiresInSeconds (may be < 0).
    QString mintIdToken(const QString &userId, const QString &channelId, int expiresInSeconds = 3600);
    enum class Endpoint { Verify, Push, Reply, Content };
    static QString endpointName(Endpoint endpoint);
    // The next count calls of endpoint answer status (429 with Retry-After: 7, or 5xx) without
    // doing anything else; count 0 ends a fault.
    void failNext(Endpoint endpoint, int count, int status);
    // Calls of endpoint answered with an injected fault so far.
    int faultsAnswered(Endpoint endpoint) const;
    // The next count push calls answer 500 without accepting the message.
    void failNextPushes(int count);
    void setContent(const QString &messageId, const QByteArray &bytes);
    // The next count content calls answer 500.
    void failNextContent(int count);
    // The next count ID token verification calls answer status (429 with Retry-After: 7, or 5xx).
    void failNextVerifications(int count, int status = 429);
    // ID token verification calls received (answered or refused).
    int verifyCalls() const;

    // Accepted pushes (one per retry key), every push call (including refused ones), replies.
    std::vector<Message> pushes() const;
    int pushCalls() const;
    // The X-Line-Retry-Key of every push call, in order (accepted or not).
    std::vector<QString> pushCallKeys() const;
    std::vector<Message> replies() const;
    int contentCalls() const;

    struct State;

private:
    std::shared_ptr<State> m_state;
    struct Server;
    std::unique_ptr<Server> m_server;
};

} // namespace mado::test
