#include "core/intake/ReceiverServer.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <sstream>

using namespace mado;

// The receiver's HTTP front over real loopback HTTP, in process and as its own executable.
class TestReceiverServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void healthzAnswersOk();
    void unknownRouteIs404AndWrongMethod405();
    void portInUseIsAClearError();
    void executableStopsCleanlyOnSigterm();

private:
    struct Reply {
        int status = 0;
        std::string contentType;
        QByteArray body;
    };
    static Reply request(quint16 port, const std::string &method, const std::string &path);
};

TestReceiverServer::Reply TestReceiverServer::request(quint16 port, const std::string &method, const std::string &path)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentLength(0);
    session.sendRequest(req);
    Poco::Net::HTTPResponse response;
    std::istream &in = session.receiveResponse(response);
    std::ostringstream body;
    Poco::StreamCopier::copyStream(in, body);
    return Reply{int(response.getStatus()), response.getContentType(), QByteArray::fromStdString(body.str())};
}

void TestReceiverServer::healthzAnswersOk()
{
    ReceiverServer server(ReceiverOptions{QStringLiteral("127.0.0.1"), 0, 4});
    const Status started = server.start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    QVERIFY(server.port() != 0);
    const Reply reply = request(server.port(), "GET", "/healthz");
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.contentType.find("application/json") == 0);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("status")).toString(),
             QStringLiteral("ok"));
    server.stop();
    QVERIFY(!server.isRunning());
}

void TestReceiverServer::unknownRouteIs404AndWrongMethod405()
{
    ReceiverServer server(ReceiverOptions{QStringLiteral("127.0.0.1"), 0, 4});
    QVERIFY(server.start().ok());
    const Reply missing = request(server.port(), "GET", "/nothing-here");
    QCOMPARE(missing.status, 404);
    QCOMPARE(QJsonDocument::fromJson(missing.body).object().value(QStringLiteral("error")).toObject().value(
                 QStringLiteral("code")).toString(),
             QStringLiteral("not_found"));
    QCOMPARE(request(server.port(), "POST", "/healthz").status, 405);
}

void TestReceiverServer::portInUseIsAClearError()
{
    ReceiverServer first(ReceiverOptions{QStringLiteral("127.0.0.1"), 0, 2});
    QVERIFY(first.start().ok());
    ReceiverServer second(ReceiverOptions{QStringLiteral("127.0.0.1"), first.port(), 2});
    const Status status = second.start();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Network);
    QVERIFY(status.error().message.contains(QString::number(first.port())));
}

void TestReceiverServer::executableStopsCleanlyOnSigterm()
{
    QProcess receiver;
    receiver.setProcessChannelMode(QProcess::SeparateChannels);
    receiver.start(QStringLiteral(MADO_RECEIVER_PATH), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QVERIFY(receiver.waitForStarted(10000));
    QByteArray out;
    const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QRegularExpressionMatch found;
    QTRY_VERIFY_WITH_TIMEOUT((out += receiver.readAllStandardOutput(),
                              found = listening.match(QString::fromUtf8(out)), found.hasMatch()),
                             10000);
    const auto port = quint16(found.captured(1).toUInt());
    QCOMPARE(request(port, "GET", "/healthz").status, 200);

    ::kill(pid_t(receiver.processId()), SIGTERM);
    QVERIFY(receiver.waitForFinished(10000));
    QCOMPARE(receiver.exitStatus(), QProcess::NormalExit);
    QCOMPARE(receiver.exitCode(), 0);
    out += receiver.readAllStandardOutput();
    QVERIFY2(out.contains("stopped"), out.constData());
}

QTEST_GUILESS_MAIN(TestReceiverServer)
#include "TestReceiverServer.moc"
