#include "tests/support/LineSimulator.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>
#include <sstream>
#include <string>

namespace {

const QByteArray kAccessToken = QByteArrayLiteral("fault-test-access-token");
const QString kChannel = QStringLiteral("1650000042");

struct Reply {
    int status = 0;
    std::string retryAfter;
    QByteArray body;
};

Reply call(quint16 port, const std::string &method, const std::string &path, const QByteArray &body = {},
           const std::string &contentType = "application/json", bool bot = false)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPRequest::HTTP_1_1);
    if (bot)
        request.set("Authorization", "Bearer " + kAccessToken.toStdString());
    if (method == "POST") {
        request.setContentType(contentType);
        request.setContentLength(body.size());
    }
    std::ostream &out = session.sendRequest(request);
    out.write(body.constData(), body.size());
    Poco::Net::HTTPResponse response;
    std::istream &in = session.receiveResponse(response);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    return Reply{int(response.getStatus()), response.get("Retry-After", ""), QByteArray::fromStdString(text)};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

// The simulator's fault injection over its admin API (what madoguchi-linesim serve exposes and
// installer/dev/soak.sh drives): the next N calls of an endpoint answer 429 or 5xx, count 0 ends a
// fault phase, and /admin/counts reports what was answered.
class TestLineSimulatorFaults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void verifyAnswers429ThenRecovers();
    void allEndpointsFailWith500AndAreCounted();
    void countZeroEndsAPhase();
    void badFaultRequestsAreRefused();
    void registeredContentIsServed();

private:
    Reply verify(const QString &token)
    {
        const QByteArray form = "id_token=" + token.toUtf8() + "&client_id=" + kChannel.toUtf8();
        return call(m_line->port(), "POST", "/oauth2/v2.1/verify", form, "application/x-www-form-urlencoded");
    }
    Reply push(const QString &retryKey)
    {
        Poco::Net::HTTPClientSession session("127.0.0.1", m_line->port());
        Poco::Net::HTTPRequest request("POST", "/v2/bot/message/push", Poco::Net::HTTPRequest::HTTP_1_1);
        request.set("Authorization", "Bearer " + kAccessToken.toStdString());
        request.set("X-Line-Retry-Key", retryKey.toStdString());
        const QByteArray body = R"({"to":"U1","messages":[{"type":"text","text":"hi"}]})";
        request.setContentType("application/json");
        request.setContentLength(body.size());
        session.sendRequest(request).write(body.constData(), body.size());
        Poco::Net::HTTPResponse response;
        std::string text;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), text);
        return Reply{int(response.getStatus()), response.get("Retry-After", ""), QByteArray::fromStdString(text)};
    }
    Reply fault(const QString &endpoint, int count, int status)
    {
        return call(m_line->port(), "POST", "/admin/faults",
                    json({{QStringLiteral("endpoint"), endpoint},
                          {QStringLiteral("count"), count},
                          {QStringLiteral("status"), status}}));
    }
    QJsonObject counts()
    {
        return QJsonDocument::fromJson(call(m_line->port(), "GET", "/admin/counts").body).object();
    }

    std::unique_ptr<mado::test::LineSimulator> m_line;
};

void TestLineSimulatorFaults::init()
{
    m_line = std::make_unique<mado::test::LineSimulator>(kAccessToken);
    QVERIFY(m_line->start());
}

void TestLineSimulatorFaults::cleanup()
{
    m_line.reset();
}

void TestLineSimulatorFaults::verifyAnswers429ThenRecovers()
{
    const QString token = m_line->mintIdToken(QStringLiteral("U1234"), kChannel);
    QCOMPARE(fault(QStringLiteral("verify"), 2, 429).status, 200);
    for (int i = 0; i < 2; ++i) {
        const Reply refused = verify(token);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.retryAfter, std::string("7"));
    }
    const Reply answered = verify(token);
    QCOMPARE(answered.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answered.body).object().value(QStringLiteral("sub")).toString(),
             QStringLiteral("U1234"));
    QCOMPARE(m_line->faultsAnswered(mado::test::LineSimulator::Endpoint::Verify), 2);
    QCOMPARE(m_line->verifyCalls(), 3);
}

void TestLineSimulatorFaults::allEndpointsFailWith500AndAreCounted()
{
    m_line->setContent(QStringLiteral("5550001"), QByteArrayLiteral("\xFF\xD8\xFF\xD9"));
    QCOMPARE(fault(QStringLiteral("all"), 1, 503).status, 200);
    QCOMPARE(verify(m_line->mintIdToken(QStringLiteral("U1"), kChannel)).status, 503);
    QCOMPARE(push(QStringLiteral("key-1")).status, 503);
    QCOMPARE(call(m_line->port(), "POST", "/v2/bot/message/reply",
                  R"({"replyToken":"r1","messages":[{"type":"text","text":"x"}]})", "application/json", true)
                 .status,
             503);
    QCOMPARE(call(m_line->port(), "GET", "/v2/bot/message/5550001/content", {}, {}, true).status, 503);
    // A refused push was not accepted: the same retry key goes through afterwards.
    QVERIFY(m_line->pushes().empty());
    QCOMPARE(push(QStringLiteral("key-1")).status, 200);
    QCOMPARE(m_line->pushes().size(), size_t(1));
    QCOMPARE(call(m_line->port(), "GET", "/v2/bot/message/5550001/content", {}, {}, true).status, 200);

    const QJsonObject c = counts();
    const QJsonObject faulted = c.value(QStringLiteral("faultsAnswered")).toObject();
    for (const char *name : {"verify", "push", "reply", "content"})
        QCOMPARE(faulted.value(QLatin1String(name)).toInt(), 1);
    QCOMPARE(c.value(QStringLiteral("pushCalls")).toInt(), 2);
    QCOMPARE(c.value(QStringLiteral("pushesAccepted")).toInt(), 1);
    QCOMPARE(c.value(QStringLiteral("replyCalls")).toInt(), 1);
    QCOMPARE(c.value(QStringLiteral("contentCalls")).toInt(), 2);
}

void TestLineSimulatorFaults::countZeroEndsAPhase()
{
    QCOMPARE(fault(QStringLiteral("push"), 1000000, 500).status, 200);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(push(QStringLiteral("phase-%1").arg(i)).status, 500);
    QCOMPARE(fault(QStringLiteral("push"), 0, 500).status, 200);
    QCOMPARE(push(QStringLiteral("phase-0")).status, 200);
    QCOMPARE(m_line->faultsAnswered(mado::test::LineSimulator::Endpoint::Push), 3);
    // Other endpoints were never faulted.
    QCOMPARE(verify(m_line->mintIdToken(QStringLiteral("U2"), kChannel)).status, 200);
}

void TestLineSimulatorFaults::badFaultRequestsAreRefused()
{
    QCOMPARE(fault(QStringLiteral("webhook"), 1, 500).status, 400);
    QCOMPARE(fault(QStringLiteral("push"), 1, 404).status, 400);
    QCOMPARE(fault(QStringLiteral("push"), -1, 500).status, 400);
    QCOMPARE(call(m_line->port(), "POST", "/admin/faults", "not json").status, 400);
    QCOMPARE(push(QStringLiteral("untouched")).status, 200);
}

void TestLineSimulatorFaults::registeredContentIsServed()
{
    const QByteArray bytes = QByteArrayLiteral("\xFF\xD8\xFF\xE0soak-content\xFF\xD9");
    QCOMPARE(call(m_line->port(), "POST", "/admin/content/7770001", bytes, "application/octet-stream").status, 200);
    const Reply served = call(m_line->port(), "GET", "/v2/bot/message/7770001/content", {}, {}, true);
    QCOMPARE(served.status, 200);
    QCOMPARE(served.body, bytes);
    QCOMPARE(call(m_line->port(), "GET", "/v2/bot/message/7770002/content", {}, {}, true).status, 404);
}

QTEST_GUILESS_MAIN(TestLineSimulatorFaults)
#include "TestLineSimulatorFaults.moc"
