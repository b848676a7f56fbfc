#include "FrontFixture.h"

#include "IntakeTestKit.h"

#include <QTest>

#include <fstream>

namespace mado {

void FrontFixture::start()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto spool = Spool::open(m_dir->filePath(QStringLiteral("spool.sqlite")));
    QVERIFY(spool.ok());
    m_spool = std::move(spool).value();
    restart(baseOptions());
}

ReceiverOptions FrontFixture::baseOptions()
{
    ReceiverOptions options;
    options.port = 0;
    options.maxThreads = 8;
    options.channelSecret = IntakeTestKit::channelSecret();
    options.maxBodyBytes = 8192;
    return options;
}

void FrontFixture::restart(const ReceiverOptions &options)
{
    m_server.reset();
    m_server = std::make_unique<ReceiverServer>(options, *m_spool);
    QVERIFY(m_server->start().ok());
}

void FrontFixture::stop()
{
    m_server.reset();
    m_spool.reset();
    m_dir.reset();
}

std::set<QString> FrontFixture::storedIds() const
{
    std::set<QString> ids;
    const auto events = m_spool->webhookEvents();
    if (events.ok()) {
        for (const StoredWebhookEvent &event : events.value())
            ids.insert(event.webhookEventId);
    }
    return ids;
}

std::string FrontFixture::webhookRequest(const QByteArray &body)
{
    return "POST /line/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nx-line-signature: " +
           IntakeTestKit::sign(IntakeTestKit::channelSecret(), body).toStdString() +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body.toStdString();
}

std::string FrontFixture::webhookRequest(const QString &eventId)
{
    return webhookRequest(IntakeTestKit::webhook({IntakeTestKit::event(eventId)}));
}

std::unique_ptr<test::RawConnection> FrontFixture::healthyConnection(quint16 port)
{
    auto connection = std::make_unique<RawConnection>(port);
    if (!connection->send(kHealthRequest) || connection->read().status != 200)
        return nullptr;
    return connection;
}

long FrontFixture::residentKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return -1;
}

qint64 FrontFixture::metric(quint16 port, const std::string &name)
{
    qint64 value = -1;
    // Asked again after a 503: every hand-over slot may be taken for a moment by the test's own
    // connections, whose threads finish just after their answers.
    // -1 also when no answer came in time: the caller's comparison fails.
    [[maybe_unused]] const bool answered = QTest::qWaitFor(
        [&] {
            RawConnection connection(port);
            if (!connection.send("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                return false;
            const auto answer = connection.read();
            if (answer.status != 200)
                return false;
            for (const QByteArray &line : answer.body.split('\n')) {
                if (line.startsWith(QByteArray::fromStdString(name + ' ')))
                    value = line.mid(qsizetype(name.size()) + 1).toLongLong();
            }
            return true;
        },
        5000);
    return value;
}

} // namespace mado
