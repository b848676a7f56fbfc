#include "tests/bench/BenchRunner.h"

#include "tests/bench/ApplicationLoad.h"
#include "tests/bench/ChildServer.h"
#include "tests/bench/CpuUsage.h"
#include "tests/bench/DurabilityAudit.h"
#include "tests/bench/ResultTable.h"
#include "tests/bench/WebhookLoad.h"
#include "tests/support/LineSimulator.h"

#include <QRandomGenerator>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <memory>

namespace mado::bench {

namespace {

const QString kChannel = QStringLiteral("1650000001");
const QByteArray kChannelSecret = QByteArrayLiteral("bench-channel-secret-0123456789ab");
const QByteArray kAccessToken = QByteArrayLiteral("bench-access-token");

// The spool's data key: 32 random bytes (spool.key_file).
QByteArray spoolKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), 8);
    return key;
}

// Owner-only: the receiver refuses secret files that others may read.
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size() &&
           file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString describe(const LoadResult &r)
{
    QString text = QStringLiteral("%1 of %2 acknowledged in %3 s: %4/s, p50 %5 ms, p99 %6 ms, max %7 ms")
                       .arg(r.succeeded)
                       .arg(r.requests)
                       .arg(r.seconds, 0, 'f', 2)
                       .arg(r.throughput(), 0, 'f', 1)
                       .arg(r.p50Ms, 0, 'f', 1)
                       .arg(r.p99Ms, 0, 'f', 1)
                       .arg(r.maxMs, 0, 'f', 1);
    if (r.senderCpuSeconds >= 0)
        text += QStringLiteral("; sending thread %1 us CPU/request")
                    .arg(r.senderCpuSeconds * 1e6 / std::max(r.requests, 1), 0, 'f', 1);
    return text;
}

// Waits until the receiver's worker has processed the events of the previous level, so that
// one level's background work does not land on the next level's figures.
void waitForWorker(const QString &spoolPath, QTextStream &out)
{
    const QDeadlineTimer deadline(120000);
    qint64 pending = -1;
    while (!deadline.hasExpired()) {
        const auto counted = DurabilityAudit::pendingEvents(spoolPath);
        pending = counted ? counted.value() : -1;
        if (pending == 0)
            return;
        QThread::msleep(100);
    }
    out << "  (the receiver's worker still has " << pending << " events pending; going on)\n";
}

// CPU seconds used by the server under load and by this process (load generator senders and the
// LINE simulator) across a stretch of time, for the CPU shares the benchmark prints.
class CpuWindow {
public:
    explicit CpuWindow(qint64 serverPid)
        : m_pid(serverPid), m_server(CpuUsage::seconds(serverPid)), m_own(CpuUsage::ownSeconds())
    {
    }
    // "server 1.23 s (123 us/request), load generator + simulator 0.98 s (98 us/request), 1.8 of 2 cores"
    QString describe(const char *server, int requests, double wallSeconds) const
    {
        const double s = CpuUsage::seconds(m_pid) - m_server;
        const double o = CpuUsage::ownSeconds() - m_own;
        const double n = std::max(requests, 1);
        return QStringLiteral("CPU %1 %2 s (%3 us/request), load generator + simulator %4 s (%5 us/request); "
                              "%6 cores busy of %7")
            .arg(QString::fromLatin1(server))
            .arg(s, 0, 'f', 2)
            .arg(s * 1e6 / n, 0, 'f', 0)
            .arg(o, 0, 'f', 2)
            .arg(o * 1e6 / n, 0, 'f', 0)
            .arg(wallSeconds > 0 ? (s + o) / wallSeconds : 0, 0, 'f', 2)
            .arg(QThread::idealThreadCount());
    }

private:
    qint64 m_pid;
    double m_server;
    double m_own;
};

} // namespace

int BenchRunner::run(QTextStream &out)
{
    const QDir work(m_options.workDirectory);
    const QString spoolPath = work.filePath(QStringLiteral("spool.sqlite"));
    const QString eventFile = work.filePath(QStringLiteral("baseline-events.jsonl"));
    if (!writeFile(work.filePath(QStringLiteral("channel_secret")), kChannelSecret + '\n') ||
        !writeFile(work.filePath(QStringLiteral("access_token")), kAccessToken + '\n') ||
        !writeFile(work.filePath(QStringLiteral("challenge_key")), "bench-challenge-key-0123456789abcdef\n") ||
        !writeFile(work.filePath(QStringLiteral("spool.key")), spoolKey())) {
        out << "cannot write into " << work.path() << '\n';
        return 2;
    }
    test::LineSimulator line(kAccessToken);
    if (!line.start()) {
        out << "the LINE simulator cannot listen\n";
        return 2;
    }
    const QString ini = work.filePath(QStringLiteral("receiver.ini"));
    writeFile(ini, QStringLiteral("[http]\nlisten = 127.0.0.1:0\n"
                                  "[line]\nchannel_secret_file = %1/channel_secret\n"
                                  "channel_access_token_file = %1/access_token\napi_base = %2\ndata_api_base = %2\n"
                                  "[liff]\nchannel_id = %3\n[challenge]\nkey_file = %1/challenge_key\n"
                                  "[spool]\npath = %4\nkey_file = %1/spool.key\n"
                                  // Up to 100 senders upload at once; the default (16) would refuse most.
                                  "[limits]\nuploads_total = 256\n")
                       .arg(work.path(), line.baseUrl(), kChannel, spoolPath)
                       .toUtf8());

    QString error;
    ChildServer receiver;
    if (!receiver.start(m_options.receiverProgram, {QStringLiteral("--config"), ini},
                        QProcessEnvironment::systemEnvironment(), work.filePath(QStringLiteral("receiver")),
                        QRegularExpression(QStringLiteral("listening on [^\\n]*:(\\d+)")), &error)) {
        out << error << '\n';
        return 2;
    }
    std::unique_ptr<ChildServer> baseline;
    if (m_options.baselineScript.isEmpty()) {
        out << "baseline skipped: no Node baseline given (--baseline); only the receiver is measured\n";
    } else {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CHANNEL_SECRET_FILE"), work.filePath(QStringLiteral("channel_secret")));
        environment.insert(QStringLiteral("EVENTS_FILE"), eventFile);
        environment.insert(QStringLiteral("PORT"), QStringLiteral("0"));
        if (!m_options.nodePath.isEmpty())
            environment.insert(QStringLiteral("NODE_PATH"), m_options.nodePath);
        baseline = std::make_unique<ChildServer>();
        if (!baseline->start(m_options.nodeProgram, {m_options.baselineScript}, environment,
                             work.filePath(QStringLiteral("baseline")),
                             QRegularExpression(QStringLiteral("listening on [^\\n]*:(\\d+)")), &error)) {
            out << error << '\n';
            return 2;
        }
    }
    out << "webhooks carry one " << m_options.eventType << " event each; ";
    out << "receiver on port " << receiver.port();
    if (baseline)
        out << ", baseline on port " << baseline->port();
    out << "; work directory " << work.path() << '\n';

    ResultTable table;
    std::vector<QString> events;
    std::vector<QString> baselineEvents;
    std::vector<QString> references;
    int failedRequests = 0;
    for (const int senders : m_options.senders) {
        const QString level = QStringLiteral("s%1").arg(senders);
        WebhookLoad webhooks(kChannelSecret, QStringLiteral("bench-%1").arg(level), m_options.eventType);
        webhooks.prepare(m_options.webhooks, receiver.port());
        const CpuWindow webhookCpu(receiver.pid());
        const LoadResult w = webhooks.run(senders);
        out << senders << " senders, madoguchi webhooks: " << describe(w) << '\n';
        out << "  " << webhookCpu.describe("receiver", w.requests, w.seconds) << '\n';
        out.flush();
        table.add(ResultTable::Kind::Webhooks, w);
        failedRequests += w.failed;
        const auto acknowledged = webhooks.acknowledged();
        events.insert(events.end(), acknowledged.begin(), acknowledged.end());
        const auto drainStart = std::chrono::steady_clock::now();
        const CpuWindow drainCpu(receiver.pid());
        waitForWorker(spoolPath, out);
        out << "  after the run, until the worker was done: "
            << drainCpu.describe("receiver", w.requests,
                                 std::chrono::duration<double>(std::chrono::steady_clock::now() - drainStart).count())
            << '\n';

        if (m_options.applications > 0) {
            ApplicationLoad applications(line, kChannel, QStringLiteral("bench-%1").arg(level));
            const LoadResult a = LoadRun::run(receiver.port(), senders, m_options.applications,
                                              [&](BenchSession &s, int i) { return applications.send(s, i); });
            out << senders << " senders, madoguchi LIFF submissions (" << applications.bodyBytes()
                << " bytes each, challenge + application): " << describe(a) << '\n';
            out.flush();
            table.add(ResultTable::Kind::Submissions, a);
            failedRequests += a.failed;
            const auto stored = applications.references();
            references.insert(references.end(), stored.begin(), stored.end());
        }

        if (baseline) {
            WebhookLoad baselineLoad(kChannelSecret, QStringLiteral("baseline-%1").arg(level), m_options.eventType);
            baselineLoad.prepare(m_options.webhooks, baseline->port());
            const CpuWindow baselineCpu(baseline->pid());
            const LoadResult b = baselineLoad.run(senders);
            out << senders << " senders, baseline webhooks: " << describe(b) << '\n';
            out << "  " << baselineCpu.describe("baseline", b.requests, b.seconds) << '\n';
            out.flush();
            table.add(ResultTable::Kind::Baseline, b);
            failedRequests += b.failed;
            const auto acknowledgedByBaseline = baselineLoad.acknowledged();
            baselineEvents.insert(baselineEvents.end(), acknowledgedByBaseline.begin(), acknowledgedByBaseline.end());
        }
    }

    // SIGKILL: nothing is flushed on the way out, so only what was durable before the answer counts.
    receiver.kill();
    if (baseline)
        baseline->kill();
    out << '\n' << table.render() << '\n';
    out << "madoguchi webhooks and the baseline are comparable; LIFF submissions (two requests each, five images) "
           "have no counterpart in the baseline\n";

    bool durable = true;
    auto report = [&](const char *what, std::size_t acknowledged, const Result<int> &missing) {
        if (!missing) {
            out << "durability of " << what << ": cannot check: " << missing.error().message << '\n';
            durable = false;
            return;
        }
        out << "durability of " << what << " after kill -9: " << acknowledged - std::size_t(missing.value()) << " of "
            << acknowledged << " acknowledged found on disk" << (missing.value() == 0 ? " (durable)" : " (LOST)")
            << '\n';
        durable = durable && missing.value() == 0;
    };
    report("madoguchi webhook events", events.size(), DurabilityAudit::missingEvents(spoolPath, events));
    if (m_options.applications > 0)
        report("madoguchi applications", references.size(),
               DurabilityAudit::missingApplications(spoolPath, references));
    if (baseline)
        report("baseline events", baselineEvents.size(),
               DurabilityAudit::missingInEventFile(eventFile, baselineEvents));
    if (failedRequests > 0)
        out << failedRequests << " requests were not acknowledged\n";
    return durable && failedRequests == 0 ? 0 : 1;
}

} // namespace mado::bench
