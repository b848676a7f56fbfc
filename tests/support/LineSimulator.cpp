#include "tests/support/LineSimulator.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <sstream>

namespace mado::test {

struct LineSimulator::State {
    struct Token {
        QString userId;
        QString channelId;
        qint64 expiresAt = 0;
    };
    explicit State(QByteArray token) : accessToken(std::move(token)) {}
    mutable std::mutex mutex;
    QByteArray accessToken;
    std::map<QString, Token> tokens;
    std::vector<Message> pushes;
    QSet<QString> acceptedKeys;
    std::vector<Message> replies;
    std::map<QString, QByteArray> contents;
    // Injected faults, one per endpoint: the next count calls answer status.
    struct Fault {
        int count = 0;
        int status = 500;
    };
    std::map<Endpoint, Fault> faults;
    std::map<Endpoint, int> faultsAnswered;
    int pushCalls = 0;
    std::vector<QString> pushCallKeys;
    int contentCalls = 0;
    int replyCalls = 0;
    int verifyCalls = 0;
};

namespace {

using Poco::Net::HTTPResponse;
using State = LineSimulator::State;

void sendJson(Poco::Net::HTTPServerResponse &response, int status, const QJsonObject &body)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    response.setStatusAndReason(HTTPResponse::HTTPStatus(status));
    response.setContentType("application/json");
    response.setContentLength(bytes.size());
    response.send().write(bytes.constData(), bytes.size());
}

QByteArray readBody(Poco::Net::HTTPServerRequest &request)
{
    std::string out;
    Poco::StreamCopier::copyToString(request.stream(), out);
    return QByteArray::fromStdString(out);
}

QString randomToken(const char *prefix)
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(prefix) + QString::fromLatin1(bytes.toHex());
}

// Under the state's lock: if a fault is armed for endpoint, answers it (429 with Retry-After: 7) and
// returns true.
bool answerFault(State &state, LineSimulator::Endpoint endpoint, Poco::Net::HTTPServerResponse &response)
{
    State::Fault &fault = state.faults[endpoint];
    if (fault.count <= 0)
        return false;
    --fault.count;
    ++state.faultsAnswered[endpoint];
    if (fault.status == 429)
        response.set("Retry-After", "7");
    sendJson(response, fault.status,
             QJsonObject{{QStringLiteral("message"), fault.status == 429 ? QStringLiteral("Too many requests")
                                                                        : QStringLiteral("Internal error")}});
    return true;
}

bool endpointFromName(const QString &name, LineSimulator::Endpoint &endpoint)
{
    static const std::map<QString, LineSimulator::Endpoint> names{
        {QStringLiteral("verify"), LineSimulator::Endpoint::Verify},
        {QStringLiteral("push"), LineSimulator::Endpoint::Push},
        {QStringLiteral("reply"), LineSimulator::Endpoint::Reply},
        {QStringLiteral("content"), LineSimulator::Endpoint::Content}};
    const auto found = names.find(name);
    if (found == names.end())
        return false;
    endpoint = found->second;
    return true;
}

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(std::shared_ptr<State> state) : m_state(std::move(state)) {}

    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override
    {
        const std::string path = Poco::URI(request.getURI()).getPath();
        const std::string &method = request.getMethod();
        if (method == "POST" && path == "/oauth2/v2.1/verify")
            return verify(request, response);
        if (method == "POST" && path == "/admin/id-tokens")
            return mint(request, response);
        if (method == "POST" && path == "/admin/fail-pushes")
            return failPushes(request, response);
        if (method == "GET" && path == "/admin/messages")
            return messages(response);
        if (method == "POST" && path == "/admin/faults")
            return faults(request, response);
        if (method == "GET" && path == "/admin/counts")
            return counts(response);
        static const QRegularExpression adminContent(QStringLiteral("^/admin/content/([0-9A-Za-z]{1,64})$"));
        if (const auto match = adminContent.match(QString::fromStdString(path));
            method == "POST" && match.hasMatch()) {
            const QByteArray bytes = readBody(request);
            {
                std::lock_guard<std::mutex> lock(m_state->mutex);
                m_state->contents[match.captured(1)] = bytes;
            }
            return sendJson(response, 200, QJsonObject{});
        }
        if (!authorised(request)) {
            readBody(request);
            return sendJson(response, 401,
                            QJsonObject{{QStringLiteral("message"), QStringLiteral("Authentication failed")}});
        }
        if (method == "POST" && path == "/v2/bot/message/push")
            return push(request, response);
        if (method == "POST" && path == "/v2/bot/message/reply")
            return reply(request, response);
        static const QRegularExpression content(QStringLiteral("^/v2/bot/message/([0-9A-Za-z]{1,64})/content$"));
        if (const auto match = content.match(QString::fromStdString(path)); method == "GET" && match.hasMatch())
            return serveContent(match.captured(1), response);
        readBody(request);
        sendJson(response, 404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Not found")}});
    }

private:
    bool authorised(const Poco::Net::HTTPServerRequest &request) const
    {
        return QByteArray::fromStdString(request.get("Authorization", "")) == "Bearer " + m_state->accessToken;
    }

    void verify(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
    {
        Poco::Net::HTMLForm form(request, request.stream());
        const QString token = QString::fromStdString(form.get("id_token", ""));
        const QString clientId = QString::fromStdString(form.get("client_id", ""));
        std::lock_guard<std::mutex> lock(m_state->mutex);
        ++m_state->verifyCalls;
        if (answerFault(*m_state, LineSimulator::Endpoint::Verify, response))
            return;
        const auto found = m_state->tokens.find(token);
        const auto refuse = [&response](const char *description) {
            sendJson(response, 400,
                     QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_request")},
                                 {QStringLiteral("error_description"), QLatin1String(description)}});
        };
        if (found == m_state->tokens.end())
            return refuse("Invalid IdToken.");
        if (found->second.expiresAt <= QDateTime::currentSecsSinceEpoch())
            return refuse("IdToken expired.");
        if (found->second.channelId != clientId)
            return refuse("Invalid IdToken Audience.");
        sendJson(response, 200,
                 QJsonObject{{QStringLiteral("iss"), QStringLiteral("https://access.line.me")},
                             {QStringLiteral("sub"), found->second.userId},
                             {QStringLiteral("aud"), found->second.channelId},
                             {QStringLiteral("exp"), double(found->second.expiresAt)},
                             {QStringLiteral("iat"), double(QDateTime::currentSecsSinceEpoch())},
                             {QStringLiteral("amr"), QJsonArray{QStringLiteral("linesso")}}});
    }

    void mint(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
    {
        const QJsonObject body = QJsonDocument::fromJson(readBody(request)).object();
        const QString userId = body.value(QStringLiteral("userId")).toString();
        const QString channelId = body.value(QStringLiteral("channelId")).toString();
        if (userId.isEmpty() || channelId.isEmpty())
            return sendJson(response, 400,
                            QJsonObject{{QStringLiteral("message"), QStringLiteral("userId and channelId")}});
        const int expiresIn = body.value(QStringLiteral("expiresIn")).toInt(3600);
        const QString token = randomToken("simid-");
        {
            std::lock_guard<std::mutex> lock(m_state->mutex);
            m_state->tokens[token] = State::Token{userId, channelId, QDateTime::currentSecsSinceEpoch() + expiresIn};
        }
        sendJson(response, 200, QJsonObject{{QStringLiteral("idToken"), token}});
    }

    void failPushes(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
    {
        const int count = QJsonDocument::fromJson(readBody(request)).object().value(QStringLiteral("count")).toInt();
        {
            std::lock_guard<std::mutex> lock(m_state->mutex);
            m_state->faults[LineSimulator::Endpoint::Push] = State::Fault{count, 500};
        }
        sendJson(response, 200, QJsonObject{});
    }

    // {"endpoint": "verify"|"push"|"reply"|"content"|"all", "count": N, "status": 429|5xx}: the next
    // N calls of the endpoint(s) answer status; count 0 ends a fault.
    void faults(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
    {
        const QJsonObject body = QJsonDocument::fromJson(readBody(request)).object();
        const QString name = body.value(QStringLiteral("endpoint")).toString();
        const int count = body.value(QStringLiteral("count")).toInt(-1);
        const int status = body.value(QStringLiteral("status")).toInt(500);
        std::vector<LineSimulator::Endpoint> endpoints;
        LineSimulator::Endpoint one{};
        if (name == QLatin1String("all"))
            endpoints = {LineSimulator::Endpoint::Verify, LineSimulator::Endpoint::Push, LineSimulator::Endpoint::Reply,
                         LineSimulator::Endpoint::Content};
        else if (endpointFromName(name, one))
            endpoints = {one};
        if (endpoints.empty() || count < 0 || (status != 429 && (status < 500 || status > 599)))
            return sendJson(response, 400,
                            QJsonObject{{QStringLiteral("message"),
                                         QStringLiteral("endpoint verify|push|reply|content|all, count >= 0, "
                                                        "status 429 or 5xx")}});
        {
            std::lock_guard<std::mutex> lock(m_state->mutex);
            for (const auto endpoint : endpoints)
                m_state->faults[endpoint] = State::Fault{count, status};
        }
        sendJson(response, 200, QJsonObject{});
    }

    // Calls per endpoint and faults answered per endpoint (the soak test's summary).
    void counts(Poco::Net::HTTPServerResponse &response)
    {
        std::lock_guard<std::mutex> lock(m_state->mutex);
        QJsonObject faulted;
        for (const auto &[endpoint, count] : m_state->faultsAnswered)
            faulted.insert(LineSimulator::endpointName(endpoint), count);
        sendJson(response, 200,
                 QJsonObject{{QStringLiteral("verifyCalls"), m_state->verifyCalls},
                             {QStringLiteral("pushCalls"), m_state->pushCalls},
                             {QStringLiteral("pushesAccepted"), int(m_state->pushes.size())},
                             {QStringLiteral("replyCalls"), m_state->replyCalls},
                             {QStringLiteral("contentCalls"), m_state->contentCalls},
                             {QStringLiteral("faultsAnswered"), faulted}});
    }

    void messages(Poco::Net::HTTPServerResponse &response)
    {
        const auto list = [](const std::vector<LineSimulator::Message> &messages) {
            QJsonArray out;
            for (const auto &m : messages)
                out.append(QJsonObject{{QStringLiteral("retryKey"), m.retryKey},
                                       {QStringLiteral("to"), m.to},
                                       {QStringLiteral("body"), QJsonDocument::fromJson(m.body).object()}});
            return out;
        };
        std::lock_guard<std::mutex> lock(m_state->mutex);
        sendJson(response, 200,
                 QJsonObject{{QStringLiteral("pushes"), list(m_state->pushes)},
                             {QStringLiteral("replies"), list(m_state->replies)}});
    }

    void push(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
    {
        const QByteArray body = readBody(request);
        const QString retryKey = QString::fromStdString(request.get("X-Line-Retry-Key", ""));
        std::lock_guard<std::mutex> lock(m_state->mutex);
        ++m_state->pushCalls;
        m_state->pushCallKeys.push_back(retryKey);
        if (answerFault(*m_state, LineSimulator::Endpoint::Push, response))
            return;
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        if (json.value(QStringLiteral("to")).toString().isEmpty() || !json.value(QStringLiteral("messages")).isArray())
            return sendJson(
                response, 400,
                QJsonObject{{QStringLiteral("message"), QStringLiteral("The request body has 1 error(s)")}});
        if (!retryKey.isEmpty() && m_state->acceptedKeys.contains(retryKey)) {
            response.set("x-line-accepted-request-id", retryKey.toStdString());
            return sendJson(
                response, 409,
                QJsonObject{{QStringLiteral("message"), QStringLiteral("The retry key is already accepted")}});
        }
        if (!retryKey.isEmpty())
            m_state->acceptedKeys.insert(retryKey);
        m_state->pushes.push_back(LineSimulator::Message{retryKey, json.value(QStringLiteral("to")).toString(), body});
        sendJson(response, 200, QJsonObject{{QStringLiteral("sentMessages"), QJsonArray{}}});
    }

    void reply(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
    {
        const QByteArray body = readBody(request);
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        std::lock_guard<std::mutex> lock(m_state->mutex);
        ++m_state->replyCalls;
        if (answerFault(*m_state, LineSimulator::Endpoint::Reply, response))
            return;
        if (json.value(QStringLiteral("replyToken")).toString().isEmpty())
            return sendJson(response, 400,
                            QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid reply token")}});
        m_state->replies.push_back(
            LineSimulator::Message{QString(), json.value(QStringLiteral("replyToken")).toString(), body});
        sendJson(response, 200, QJsonObject{{QStringLiteral("sentMessages"), QJsonArray{}}});
    }

    void serveContent(const QString &id, Poco::Net::HTTPServerResponse &response)
    {
        QByteArray bytes;
        {
            std::lock_guard<std::mutex> lock(m_state->mutex);
            ++m_state->contentCalls;
            if (answerFault(*m_state, LineSimulator::Endpoint::Content, response))
                return;
            const auto found = m_state->contents.find(id);
            if (found == m_state->contents.end())
                return sendJson(response, 404, QJsonObject{{QStringLiteral("message"), QStringLiteral("Not found")}});
            bytes = found->second;
        }
        response.setStatusAndReason(HTTPResponse::HTTP_OK);
        response.setContentType(bytes.startsWith("\x89PNG") ? "image/png" : "image/jpeg");
        response.setContentLength(bytes.size());
        response.send().write(bytes.constData(), bytes.size());
    }

    std::shared_ptr<State> m_state;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(std::shared_ptr<State> state) : m_state(std::move(state)) {}
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &) override
    {
        return new Handler(m_state);
    }

private:
    std::shared_ptr<State> m_state;
};

} // namespace

struct LineSimulator::Server {
    // Its own pool, so that a receiver in the same process (tests, the load generator) keeps its
    // threads; declared before the server, which must end first.
    std::unique_ptr<Poco::ThreadPool> threads;
    std::unique_ptr<Poco::Net::HTTPServer> http;
    quint16 port = 0;
};

LineSimulator::LineSimulator(QByteArray channelAccessToken)
    : m_state(std::make_shared<State>(std::move(channelAccessToken))), m_server(std::make_unique<Server>())
{
}

LineSimulator::~LineSimulator()
{
    stop();
}

bool LineSimulator::start(const QString &host, quint16 port)
{
    try {
        Poco::Net::ServerSocket socket;
        socket.bind(Poco::Net::SocketAddress(host.toStdString(), port), true, false);
        // The load generator's receiver verifies up to 100 ID tokens at once, each on a new connection.
        socket.listen(1024);
        auto *params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(32);
        params->setMaxQueued(1024);
        m_server->port = socket.address().port();
        m_server->threads = std::make_unique<Poco::ThreadPool>("linesim-http", 2, 32);
        m_server->http =
            std::make_unique<Poco::Net::HTTPServer>(new Factory(m_state), *m_server->threads, socket, params);
        m_server->http->start();
        return true;
    } catch (const Poco::Exception &) {
        return false;
    }
}

void LineSimulator::stop()
{
    if (m_server->http) {
        m_server->http->stop();
        m_server->http.reset();
        m_server->threads->joinAll();
        m_server->threads.reset();
    }
}

quint16 LineSimulator::port() const
{
    return m_server->port;
}

QString LineSimulator::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server->port);
}

QString LineSimulator::mintIdToken(const QString &userId, const QString &channelId, int expiresInSeconds)
{
    const QString token = randomToken("simid-");
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->tokens[token] = State::Token{userId, channelId, QDateTime::currentSecsSinceEpoch() + expiresInSeconds};
    return token;
}

void LineSimulator::failNextPushes(int count)
{
    failNext(Endpoint::Push, count, 500);
}

void LineSimulator::failNext(Endpoint endpoint, int count, int status)
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->faults[endpoint] = State::Fault{count, status};
}

int LineSimulator::faultsAnswered(Endpoint endpoint) const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    const auto found = m_state->faultsAnswered.find(endpoint);
    return found == m_state->faultsAnswered.end() ? 0 : found->second;
}

QString LineSimulator::endpointName(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Verify:
        return QStringLiteral("verify");
    case Endpoint::Push:
        return QStringLiteral("push");
    case Endpoint::Reply:
        return QStringLiteral("reply");
    case Endpoint::Content:
        return QStringLiteral("content");
    }
    return QString();
}

void LineSimulator::setContent(const QString &messageId, const QByteArray &bytes)
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->contents[messageId] = bytes;
}

void LineSimulator::failNextContent(int count)
{
    failNext(Endpoint::Content, count, 500);
}

void LineSimulator::failNextVerifications(int count, int status)
{
    failNext(Endpoint::Verify, count, status);
}

int LineSimulator::verifyCalls() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->verifyCalls;
}

std::vector<LineSimulator::Message> LineSimulator::pushes() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->pushes;
}

int LineSimulator::pushCalls() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->pushCalls;
}

std::vector<QString> LineSimulator::pushCallKeys() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->pushCallKeys;
}

std::vector<LineSimulator::Message> LineSimulator::replies() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->replies;
}

int LineSimulator::contentCalls() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->contentCalls;
}

} // namespace mado::test
