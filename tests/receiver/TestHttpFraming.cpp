#include "core/receiver/http/ChunkedBody.h"
#include "core/receiver/http/FrontConnection.h"
#include "core/receiver/http/HttpRequestHead.h"
#include "core/receiver/line/WebhookCheck.h"

#include "IntakeTestKit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <sstream>

using namespace mado;

// The event-driven front's HTTP framing without sockets: request heads, chunked bodies and one
// connection's requests fed in pieces.
class TestHttpFraming : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void headParsesFieldsAndKeepAlive();
    void headIsIncompleteUntilTheEmptyLine();
    void headRefusesAmbiguousFraming_data();
    void headRefusesAmbiguousFraming();
    void headOverTheLimitIsTooLarge();
    void chunkedBodyDecodesAcrossPieces();
    void chunkedBodyRefusesAnnouncedOversizeAtOnce();
    void chunkedBodyRefusesMalformedSizes_data();
    void chunkedBodyRefusesMalformedSizes();
    void routeIsDecidedByTheFirstBytes_data();
    void routeIsDecidedByTheFirstBytes();
    void connectionServesAWebhookFedByteByByte();
    void connectionAnswersPipelinedRequestsInOrder();
    void connectionRefusesBeforeTheBodyAndCloses_data();
    void connectionRefusesBeforeTheBodyAndCloses();
    void connectionAnswersStoreFailureWith503();
    void connectionHonoursHttp10AndExpectContinue();
    void connectionCountsTheChunkedBodyItHolds();
    void connectionClosesAfterRefusalsInARow();
    void randomCutsGiveTheSameAnswers();
    void randomBytesNeverAcknowledge();

private:
    static std::string webhookRequest(const QByteArray &body, const std::string &extraFields = {});
    static int statusOf(const std::string &output);
    WebhookCheck m_check{4096, IntakeTestKit::channelSecret()};
};

std::string TestHttpFraming::webhookRequest(const QByteArray &body, const std::string &extraFields)
{
    return "POST /line/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nx-line-signature: " +
           IntakeTestKit::sign(IntakeTestKit::channelSecret(), body).toStdString() +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extraFields + "\r\n" + body.toStdString();
}

int TestHttpFraming::statusOf(const std::string &output)
{
    // "HTTP/1.1 200 OK..." -> 200
    return output.size() > 12 && output.compare(0, 9, "HTTP/1.1 ") == 0 ? std::stoi(output.substr(9, 3)) : 0;
}

void TestHttpFraming::headParsesFieldsAndKeepAlive()
{
    HttpRequestHead head;
    std::size_t size = 0;
    const std::string text = "POST /line/webhook?x=1 HTTP/1.1\r\nContent-Length: 12\r\nX-Line-Signature:  abc= \r\n"
                             "Connection: keep-alive, close\r\n\r\nbody follows";
    QCOMPARE(head.parse(text, size), HttpRequestHead::Parse::Complete);
    QCOMPARE(size, text.find("body"));
    QCOMPARE(head.method(), std::string("POST"));
    QCOMPARE(head.path(), std::string_view("/line/webhook"));
    QCOMPARE(head.contentLength(), qint64(12));
    QCOMPARE(head.field("x-line-signature"), std::string_view("abc="));
    QVERIFY(!head.keepAlive()); // "close" in the list
    QVERIFY(!head.chunked());

    QCOMPARE(head.parse("GET / HTTP/1.0\r\n\r\n", size), HttpRequestHead::Parse::Complete);
    QVERIFY(!head.http11());
    QVERIFY(!head.keepAlive());
    QCOMPARE(head.contentLength(), qint64(-1));
    QCOMPARE(head.parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", size), HttpRequestHead::Parse::Complete);
    QVERIFY(head.keepAlive());
}

void TestHttpFraming::headIsIncompleteUntilTheEmptyLine()
{
    const std::string text = "POST /line/webhook HTTP/1.1\r\nContent-Length: 2\r\n\r\n";
    HttpRequestHead head;
    std::size_t size = 0;
    for (std::size_t n = 0; n < text.size(); ++n)
        QCOMPARE(head.parse(std::string_view(text).substr(0, n), size), HttpRequestHead::Parse::Incomplete);
    QCOMPARE(head.parse(text, size), HttpRequestHead::Parse::Complete);
    QCOMPARE(size, text.size());
}

void TestHttpFraming::headRefusesAmbiguousFraming_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addRow("length and chunked") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");
    QTest::addRow("two different lengths") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n");
    QTest::addRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n");
    QTest::addRow("length with a sign") << QByteArray("POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\n");
    QTest::addRow("minus zero") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -0\r\n\r\n");
    QTest::addRow("unknown coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");
    QTest::addRow("folded field") << QByteArray("POST / HTTP/1.1\r\nX-A: 1\r\n continued\r\n\r\n");
    QTest::addRow("space before colon") << QByteArray("POST / HTTP/1.1\r\nContent-Length : 5\r\n\r\n");
    QTest::addRow("bare LF in a line") << QByteArray("POST / HTTP/1.1\r\nX-A: 1\nX-B: 2\r\n\r\n");
    QTest::addRow("HTTP/2 line") << QByteArray("PRI * HTTP/2.0\r\n\r\n");
    QTest::addRow("no version") << QByteArray("POST /line/webhook\r\n\r\n");
}

void TestHttpFraming::headRefusesAmbiguousFraming()
{
    QFETCH(QByteArray, head);
    HttpRequestHead parsed;
    std::size_t size = 0;
    QCOMPARE(parsed.parse(head.toStdString(), size), HttpRequestHead::Parse::Malformed);
}

void TestHttpFraming::headOverTheLimitIsTooLarge()
{
    HttpRequestHead head;
    std::size_t size = 0;
    std::string text = "POST / HTTP/1.1\r\nX-Pad: " + std::string(HttpRequestHead::kMaxSize, 'a');
    QCOMPARE(head.parse(text, size), HttpRequestHead::Parse::TooLarge);
    text += "\r\n\r\n";
    QCOMPARE(head.parse(text, size), HttpRequestHead::Parse::TooLarge);
}

void TestHttpFraming::chunkedBodyDecodesAcrossPieces()
{
    const std::string wire = "5;name=value\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: x\r\n\r\nNEXT";
    ChunkedBody decoder(1000);
    QByteArray body;
    std::string input;
    ChunkedBody::State state = ChunkedBody::State::More;
    std::size_t fed = 0;
    while (state == ChunkedBody::State::More && fed < wire.size()) {
        input += wire[fed++];
        state = decoder.feed(input, body);
    }
    QCOMPARE(state, ChunkedBody::State::Done);
    QCOMPARE(body, QByteArray("helloabcdefghijklmnopqrstuvwxyz"));
    QCOMPARE(wire.substr(fed), std::string("NEXT")); // done exactly at the end of the body
    QCOMPARE(input, std::string());
    std::string whole = wire;
    ChunkedBody again(1000);
    body.clear();
    QCOMPARE(again.feed(whole, body), ChunkedBody::State::Done);
    QCOMPARE(whole, std::string("NEXT")); // what follows the body stays
}

void TestHttpFraming::chunkedBodyRefusesAnnouncedOversizeAtOnce()
{
    ChunkedBody decoder(4096);
    QByteArray body;
    std::string input = "800\r\n" + std::string(0x800, 'a') + "\r\n"; // 2048 bytes: fine
    QCOMPARE(decoder.feed(input, body), ChunkedBody::State::More);
    input = "801\r\n"; // 2049 more would exceed 4096: refused before any of its data
    QCOMPARE(decoder.feed(input, body), ChunkedBody::State::TooLarge);
    ChunkedBody huge(4096);
    std::string hugeSize = "ffffffffffffffffffffffff\r\n";
    QCOMPARE(huge.feed(hugeSize, body), ChunkedBody::State::TooLarge);
}

void TestHttpFraming::chunkedBodyRefusesMalformedSizes_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addRow("not hex") << QByteArray("zz\r\n");
    QTest::addRow("empty size") << QByteArray("\r\n");
    QTest::addRow("data longer than announced") << QByteArray("2\r\nabc\r\n");
    QTest::addRow("endless size line") << QByteArray(2000, '1');
    QTest::addRow("bare LF in an extension") << QByteArray("5;x\nY\r\nhello\r\n");
    QTest::addRow("NUL in an extension") << QByteArray("5;x\0y\r\nhello\r\n", 14);
}

void TestHttpFraming::chunkedBodyRefusesMalformedSizes()
{
    QFETCH(QByteArray, wire);
    ChunkedBody decoder(1 << 20);
    QByteArray body;
    std::string input = wire.toStdString();
    QCOMPARE(decoder.feed(input, body), ChunkedBody::State::Malformed);
}

void TestHttpFraming::routeIsDecidedByTheFirstBytes_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<int>("route");
    using Route = FrontConnection::Route;
    QTest::addRow("webhook") << QByteArray("POST /line/webhook HTTP/1.1") << int(Route::Webhook);
    QTest::addRow("webhook with query") << QByteArray("POST /line/webhook?a HTTP/1.1") << int(Route::Webhook);
    QTest::addRow("prefix so far") << QByteArray("POST /line/web") << int(Route::Undecided);
    QTest::addRow("whole path, nothing after") << QByteArray("POST /line/webhook") << int(Route::Undecided);
    QTest::addRow("longer path") << QByteArray("POST /line/webhooks HTTP/1.1") << int(Route::Other);
    QTest::addRow("GET of the webhook") << QByteArray("GET /line/webhook HTTP/1.1") << int(Route::Other);
    QTest::addRow("applicant API") << QByteArray("POST /api/v1/challenges HTTP/1.1") << int(Route::Other);
    QTest::addRow("lower-case method") << QByteArray("post /line/webhook HTTP/1.1") << int(Route::Other);
    QTest::addRow("one byte") << QByteArray("P") << int(Route::Undecided);
    QTest::addRow("TLS hello") << QByteArray("\x16\x03\x01") << int(Route::Other);
}

void TestHttpFraming::routeIsDecidedByTheFirstBytes()
{
    QFETCH(QByteArray, first);
    QFETCH(int, route);
    QCOMPARE(int(FrontConnection::route(std::string_view(first.constData(), std::size_t(first.size())))), route);
}

void TestHttpFraming::connectionServesAWebhookFedByteByByte()
{
    const QByteArray body = IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01FRAMING0000000000000001"))});
    const std::string request = webhookRequest(body);
    FrontConnection connection(m_check);
    for (std::size_t i = 0; i + 1 < request.size(); ++i) {
        connection.input() += request[i];
        QCOMPARE(connection.advance(), FrontConnection::Step::NeedMore);
        QVERIFY(connection.output().empty());
    }
    connection.input() += request.back();
    QCOMPARE(connection.advance(), FrontConnection::Step::Store);
    const auto events = connection.takeEvents();
    QCOMPARE(events.size(), std::size_t(1));
    QCOMPARE(events.front().webhookEventId, QStringLiteral("01FRAMING0000000000000001"));
    QVERIFY(connection.waiting());
    QCOMPARE(connection.advance(), FrontConnection::Step::Waiting); // nothing answered before the store
    QVERIFY(connection.output().empty());
    QCOMPARE(connection.stored(SpoolWriteResult{1, 0}), FrontConnection::Step::Answered);
    const std::string &answer = connection.output();
    QCOMPARE(statusOf(answer), 200);
    const std::string json = answer.substr(answer.find("\r\n\r\n") + 4);
    QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(json)).object(),
             (QJsonObject{{QStringLiteral("stored"), 1}, {QStringLiteral("duplicates"), 0}}));
    QVERIFY(answer.find("Content-Length: " + std::to_string(json.size()) + "\r\n") != std::string::npos);
    QVERIFY(connection.idle());
}

void TestHttpFraming::connectionAnswersPipelinedRequestsInOrder()
{
    const QByteArray first = IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01FRAMING0000000000000002"))});
    const QByteArray urlCheck = R"({"destination":"U0","events":[]})";
    FrontConnection connection(m_check);
    connection.input() = webhookRequest(first) + webhookRequest(urlCheck) + "GET /healthz HTTP/1.1\r\n\r\n";
    QCOMPARE(connection.advance(), FrontConnection::Step::Store);
    QCOMPARE(connection.takeEvents().size(), std::size_t(1));
    QCOMPARE(connection.advance(), FrontConnection::Step::Waiting); // the second waits for the first
    QCOMPARE(connection.stored(SpoolWriteResult{0, 1}), FrontConnection::Step::Answered);
    QCOMPARE(connection.advance(), FrontConnection::Step::Answered); // the URL check: nothing to store
    // A request for another route behind them cannot be handed over any more: refused, closed.
    QCOMPARE(connection.advance(), FrontConnection::Step::Close);
    const std::string &out = connection.output();
    std::vector<int> statuses;
    for (std::size_t at = out.find("HTTP/1.1 "); at != std::string::npos; at = out.find("HTTP/1.1 ", at + 1))
        statuses.push_back(std::stoi(out.substr(at + 9, 3)));
    QCOMPARE(statuses, (std::vector<int>{200, 200, 400}));
    QVERIFY(out.find("\"duplicates\":1") < out.find("\"duplicates\":0"));
    QVERIFY(out.find("webhook_connection") != std::string::npos);
    QVERIFY(out.find("Connection: close") != std::string::npos);
}

void TestHttpFraming::connectionRefusesBeforeTheBodyAndCloses_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    QTest::addRow("declared oversize") << QByteArray("POST /line/webhook HTTP/1.1\r\nContent-Type: application/json\r\n"
                                                     "x-line-signature: a\r\nContent-Length: 4097\r\n\r\n")
                                       << 413;
    QTest::addRow("chunk oversize") << QByteArray("POST /line/webhook HTTP/1.1\r\nContent-Type: application/json\r\n"
                                                  "x-line-signature: a\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n")
                                    << 413;
    QTest::addRow("text/plain") << QByteArray("POST /line/webhook HTTP/1.1\r\nContent-Type: text/plain\r\n"
                                              "x-line-signature: a\r\nContent-Length: 10\r\n\r\n")
                                << 415;
    QTest::addRow("no signature") << QByteArray("POST /line/webhook HTTP/1.1\r\nContent-Type: application/json\r\n"
                                                "Content-Length: 10\r\n\r\n")
                                  << 401;
    QTest::addRow("malformed head") << QByteArray("POST /line/webhook HTTP/1.1\r\nContent-Length: x\r\n\r\n") << 400;
    QTest::addRow("head too large") << QByteArray("POST /line/webhook HTTP/1.1\r\nX-Pad: ")
                                              .append(QByteArray(HttpRequestHead::kMaxSize, 'p'))
                                    << 431;
}

void TestHttpFraming::connectionRefusesBeforeTheBodyAndCloses()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    FrontConnection connection(m_check);
    connection.input() = head.toStdString();
    QCOMPARE(connection.advance(), FrontConnection::Step::Close);
    QCOMPARE(statusOf(connection.output()), status);
    QCOMPARE(connection.lastStatus(), status);
    QVERIFY(connection.output().find("Connection: close") != std::string::npos);
}

void TestHttpFraming::connectionCountsTheChunkedBodyItHolds()
{
    // The chunked decoder moves data out of input() into the body: what the connection holds must
    // still count it (the front's memory budget is checked against heldBytes()).
    FrontConnection connection(m_check);
    connection.input() = "POST /line/webhook HTTP/1.1\r\nContent-Type: application/json\r\nx-line-signature: a\r\n"
                         "Transfer-Encoding: chunked\r\n\r\nf00\r\n" +
                         std::string(3000, 'x');
    QCOMPARE(connection.advance(), FrontConnection::Step::NeedMore);
    QVERIFY(connection.input().size() < 100);
    QVERIFY2(connection.heldBytes() >= 3000, qPrintable(QString::number(connection.heldBytes())));
    // Refused for the budget: a 503 that says so, the connection to be closed, the body dropped.
    QCOMPARE(connection.overloaded(), FrontConnection::Step::Close);
    QCOMPARE(statusOf(connection.output()), 503);
    QVERIFY(connection.output().find("server_busy") != std::string::npos);
    QVERIFY(connection.output().find("Connection: close") != std::string::npos);
    QVERIFY(connection.heldBytes() - connection.output().capacity() < 100);
}

void TestHttpFraming::connectionClosesAfterRefusalsInARow()
{
    const std::string forged = "POST /line/webhook HTTP/1.1\r\nContent-Type: application/json\r\n"
                               "x-line-signature: AAAA\r\nContent-Length: 2\r\n\r\n{}";
    const QByteArray urlCheck = R"({"destination":"U0","events":[]})";
    FrontConnection connection(m_check, 3);
    connection.input() = forged + forged + webhookRequest(urlCheck) + forged + forged + forged + forged;
    std::vector<int> steps;
    for (int i = 0; i < 6; ++i)
        steps.push_back(int(connection.advance()));
    const int answered = int(FrontConnection::Step::Answered);
    // Two refused, one accepted (the count starts again), then the third refusal in a row closes.
    QCOMPARE(steps, (std::vector<int>{answered, answered, answered, answered, answered,
                                      int(FrontConnection::Step::Close)}));
    QVERIFY(connection.refusalLimitReached());
}

void TestHttpFraming::connectionAnswersStoreFailureWith503()
{
    const QByteArray body = IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01FRAMING0000000000000003"))});
    FrontConnection connection(m_check);
    connection.input() = webhookRequest(body);
    QCOMPARE(connection.advance(), FrontConnection::Step::Store);
    QCOMPARE(connection.stored(Error{ErrorCode::Io, QStringLiteral("disk full")}), FrontConnection::Step::Answered);
    QCOMPARE(statusOf(connection.output()), 503);
    QVERIFY(connection.output().find("spool_unavailable") != std::string::npos);
    QVERIFY(connection.output().find("disk full") == std::string::npos); // internal detail stays in the log
}

void TestHttpFraming::connectionHonoursHttp10AndExpectContinue()
{
    const QByteArray body = R"({"destination":"U0","events":[]})";
    FrontConnection continued(m_check);
    continued.input() = webhookRequest(body, "Expect: 100-continue\r\n");
    continued.input().resize(continued.input().size() - std::size_t(body.size())); // the body not sent yet
    QCOMPARE(continued.advance(), FrontConnection::Step::NeedMore);
    QCOMPARE(continued.output(), std::string("HTTP/1.1 100 Continue\r\n\r\n"));
    continued.output().clear();
    continued.input() += body.toStdString();
    QCOMPARE(continued.advance(), FrontConnection::Step::Answered);
    QCOMPARE(statusOf(continued.output()), 200);

    FrontConnection old(m_check);
    std::string request = webhookRequest(body);
    request.replace(request.find("HTTP/1.1"), 8, "HTTP/1.0");
    old.input() = request;
    QCOMPARE(old.advance(), FrontConnection::Step::Close); // HTTP/1.0 without keep-alive
    QCOMPARE(statusOf(old.output()), 200);
}

void TestHttpFraming::randomCutsGiveTheSameAnswers()
{
    // Three pipelined requests (a webhook, a URL check, a chunked webhook) cut into random pieces:
    // the same two stores and three answers, in order, however the bytes arrive.
    const QByteArray first = IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01RANDOM00000000000000001"))});
    const QByteArray urlCheck = R"({"destination":"U0","events":[]})";
    const QByteArray third = IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01RANDOM00000000000000002"))});
    std::string chunked = webhookRequest(third);
    const std::size_t bodyAt = chunked.find("\r\n\r\n") + 4;
    const std::string thirdBody = chunked.substr(bodyAt);
    chunked = chunked.substr(0, bodyAt);
    chunked.replace(chunked.find("Content-Length: "), chunked.find("\r\n", chunked.find("Content-Length: ")) -
                                                          chunked.find("Content-Length: "),
                    "Transfer-Encoding: chunked");
    std::ostringstream hexSize;
    hexSize << std::hex << (thirdBody.size() - 10);
    chunked += hexSize.str() + "\r\n" + thirdBody.substr(0, thirdBody.size() - 10) + "\r\na\r\n" +
               thirdBody.substr(thirdBody.size() - 10) + "\r\n0\r\n\r\n";
    const std::string wire = webhookRequest(first) + webhookRequest(urlCheck) + chunked;

    QRandomGenerator random(20261127);
    for (int round = 0; round < 200; ++round) {
        FrontConnection connection(m_check);
        std::vector<QString> storedIds;
        std::size_t at = 0;
        while (at < wire.size()) {
            const std::size_t piece = 1 + random.bounded(quint32(std::min<std::size_t>(wire.size() - at, 300)));
            connection.input().append(wire, at, piece);
            at += piece;
            for (FrontConnection::Step step = connection.advance(); step != FrontConnection::Step::NeedMore;
                 step = connection.advance()) {
                QVERIFY(step != FrontConnection::Step::Close);
                if (step == FrontConnection::Step::Store) {
                    const auto events = connection.takeEvents();
                    QCOMPARE(events.size(), std::size_t(1));
                    storedIds.push_back(events.front().webhookEventId);
                    QCOMPARE(connection.stored(SpoolWriteResult{1, 0}), FrontConnection::Step::Answered);
                }
            }
        }
        QCOMPARE(storedIds, (std::vector<QString>{QStringLiteral("01RANDOM00000000000000001"),
                                                  QStringLiteral("01RANDOM00000000000000002")}));
        std::vector<int> statuses;
        const std::string &out = connection.output();
        for (std::size_t i = out.find("HTTP/1.1 "); i != std::string::npos; i = out.find("HTTP/1.1 ", i + 1))
            statuses.push_back(std::stoi(out.substr(i + 9, 3)));
        QCOMPARE(statuses, (std::vector<int>{200, 200, 200}));
        QVERIFY(connection.idle());
    }
}

void TestHttpFraming::randomBytesNeverAcknowledge()
{
    // Garbage after a valid request line start, fed in random pieces: never a store, never a 200;
    // the connection ends with a 4xx and Close, or still waits for more.
    QRandomGenerator random(4242);
    for (int round = 0; round < 300; ++round) {
        FrontConnection connection(m_check);
        std::string wire = "POST /line/webhook HTTP/1.1\r\n";
        const int length = int(random.bounded(20000));
        for (int i = 0; i < length; ++i) {
            // Mostly printable, with CR/LF and colons often enough to build header-like lines.
            const quint32 pick = random.bounded(100);
            wire += pick < 5 ? '\r' : pick < 10 ? '\n' : pick < 13 ? ':' : char(32 + random.bounded(95));
        }
        std::size_t at = 0;
        bool closed = false;
        while (at < wire.size() && !closed) {
            const std::size_t piece = 1 + random.bounded(quint32(std::min<std::size_t>(wire.size() - at, 500)));
            connection.input().append(wire, at, piece);
            at += piece;
            const FrontConnection::Step step = connection.advance();
            QVERIFY(step != FrontConnection::Step::Store);
            closed = step == FrontConnection::Step::Close;
        }
        if (closed) {
            const int status = statusOf(connection.output().substr(connection.output().rfind("HTTP/1.1 ")));
            QVERIFY2(status >= 400 && status < 500, qPrintable(QString::number(status)));
        }
        QVERIFY(connection.output().find("HTTP/1.1 200") == std::string::npos);
    }
}

QTEST_GUILESS_MAIN(TestHttpFraming)
#include "TestHttpFraming.moc"
