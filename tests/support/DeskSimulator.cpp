#include "tests/support/DeskSimulator.h"

#include "core/issuance/CertificateIssuer.h"
#include "core/security/UserDirectory.h"
#include "core/station/Importer.h"
#include "core/store/BatchOverviewQuery.h"
#include "core/store/CaseQueue.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"

#include <QJsonArray>

#include <algorithm>
#include <QThread>

namespace mado::test {

namespace {
void bump(QJsonObject &counts, const char *name, int by = 1)
{
    const QString key = QString::fromLatin1(name);
    counts.insert(key, counts.value(key).toInt() + by);
}
} // namespace

DeskSimulator::DeskSimulator(Options options) : m_options(std::move(options)), m_random(m_options.seed) {}

bool DeskSimulator::lostRace(const Error &error)
{
    return error.code == ErrorCode::Conflict || error.code == ErrorCode::InvalidState;
}

void DeskSimulator::unexpected(const QString &what, const Error &error)
{
    bump(m_counts, "unexpected");
    if (m_errors.size() < 20)
        m_errors.append(QStringLiteral("%1: %2 %3").arg(what, errorCodeName(error.code), error.message));
}

int DeskSimulator::run()
{
    auto opened = CaseStore::open(m_options.store, m_clock);
    if (!opened) {
        unexpected(QStringLiteral("open"), opened.error());
        return 2;
    }
    m_store = std::move(opened).value();
    auto session = UserDirectory(*m_store).login(m_options.login, m_options.password);
    if (!session) {
        unexpected(QStringLiteral("login"), session.error());
        return 2;
    }
    m_userId = session.value().userId();
    m_client = std::make_unique<ReceiverClient>(m_options.receiverUrl, m_options.token, 10000);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < qint64(m_options.deadlineSeconds) * 1000) {
        bool worked = importRound();
        worked = claimAndDecide() || worked;
        worked = submitOwn(!worked) || worked;
        worked = approveOthers() || worked;
        worked = issueReady() || worked;
        auto finished = done();
        if (!finished) {
            unexpected(QStringLiteral("counts"), finished.error());
            return 1;
        }
        if (finished.value()) {
            m_counts.insert(QStringLiteral("ms"), clock.elapsed());
            return m_counts.value(QStringLiteral("unexpected")).toInt() == 0 ? 0 : 1;
        }
        if (!worked)
            QThread::msleep(20); // the others hold the work; look again shortly
    }
    m_errors.append(QStringLiteral("deadline reached"));
    return 1;
}

bool DeskSimulator::importRound()
{
    // An empty receiver is asked again after 200 ms, not in every turn of the loop.
    if (m_lastEmptyLease.isValid() && m_lastEmptyLease.elapsed() < 200)
        return false;
    Importer::Options options;
    options.leaseCount = 5;
    Importer importer(*m_store, *m_client, options);
    QList<qint64> created;
    auto round = importer.runOnce([&](int, int, qint64 caseId, bool isNew) {
        if (caseId != 0 && isNew)
            created.append(caseId);
    });
    if (!round) {
        unexpected(QStringLiteral("lease"), round.error());
        return false;
    }
    bump(m_counts, "imported", round.value().imported);
    bump(m_counts, "import_duplicates", round.value().duplicates);
    if (round.value().failed > 0)
        unexpected(QStringLiteral("import"), Error{ErrorCode::Internal, round.value().errors.join(QLatin1Char(';'))});
    if (round.value().leased == 0)
        m_lastEmptyLease.start();
    else
        m_lastEmptyLease.invalidate();
    CaseWorkflow workflow(*m_store);
    for (qint64 caseId : created) {
        auto record = m_store->caseStatus(caseId);
        const QString applicationId = record ? record.value().applicationId : QString();
        if (auto verified = workflow.markVerified(m_userId, caseId, StoreFixture::matchVerdict(applicationId));
            !verified)
            unexpected(QStringLiteral("verify"), verified.error());
    }
    return round.value().leased > 0;
}

std::vector<QueueEntry> DeskSimulator::casesIn(const QString &state, int limit)
{
    QueueFilter filter;
    filter.states = {state};
    auto page = CaseQueue(*m_store).page(m_userId, filter, 0, limit);
    if (!page) {
        unexpected(QStringLiteral("queue"), page.error());
        return {};
    }
    return page.value().entries;
}

bool DeskSimulator::claimAndDecide()
{
    const std::vector<QueueEntry> entries = casesIn(QStringLiteral("verified"), 20);
    if (entries.empty())
        return false;
    // Clerks pick different lines of the same queue, and sometimes the same one.
    const qint64 caseId = entries[std::uniform_int_distribution<size_t>(0, entries.size() - 1)(m_random)].caseId;
    CaseWorkflow workflow(*m_store);
    if (auto claimed = workflow.claim(m_userId, caseId); !claimed) {
        if (lostRace(claimed.error()))
            bump(m_counts, "claim_lost");
        else
            unexpected(QStringLiteral("claim"), claimed.error());
        return true;
    }
    bump(m_counts, "claimed");
    if (auto decided = workflow.decide(m_userId, caseId, CaseWorkflow::Decision{}); !decided) {
        unexpected(QStringLiteral("decide"), decided.error());
        return true;
    }
    bump(m_counts, "decided");
    m_decided.append(caseId);
    return true;
}

bool DeskSimulator::submitOwn(bool evenIfSmall)
{
    if (m_decided.isEmpty() || (m_decided.size() < m_options.batchSize && !evenIfSmall))
        return false;
    BatchWorkflow batches(*m_store);
    auto batch = batches.submit(m_userId, m_decided);
    if (!batch) {
        unexpected(QStringLiteral("submit"), batch.error());
        return false;
    }
    m_decided.clear();
    m_ownBatches.insert(batch.value());
    bump(m_counts, "batches");
    // The supervisor tries to approve their own decisions: four eyes must refuse it.
    auto own = batches.approve(m_userId, batch.value(), m_options.password);
    if (own.ok())
        bump(m_counts, "own_batch_approved"); // a breach; the test fails on it
    else if (own.error().code == ErrorCode::FourEyesViolation)
        bump(m_counts, "own_batch_refused");
    else if (own.error().code == ErrorCode::InvalidState)
        bump(m_counts, "own_batch_gone"); // another supervisor approved it in between
    else
        unexpected(QStringLiteral("approve own"), own.error());
    return true;
}

bool DeskSimulator::approveOthers()
{
    auto overview = BatchOverviewQuery(*m_store).load(m_userId, 50);
    if (!overview) {
        unexpected(QStringLiteral("batches"), overview.error());
        return false;
    }
    bool worked = false;
    BatchWorkflow batches(*m_store);
    for (const BatchLine &line : overview.value().batches) {
        if (line.state != QLatin1String("submitted") || line.containsOwnDecision)
            continue;
        worked = true;
        if (auto approved = batches.approve(m_userId, line.id, m_options.password); approved)
            bump(m_counts, "approved_batches");
        else if (lostRace(approved.error()))
            bump(m_counts, "approve_lost");
        else
            unexpected(QStringLiteral("approve"), approved.error());
    }
    return worked;
}

bool DeskSimulator::issueReady()
{
    CertificateIssuer issuer(*m_store);
    // Workstations start at different lines, so they meet on one case less often.
    std::vector<QueueEntry> entries = casesIn(QStringLiteral("batch_approved"), 40);
    std::shuffle(entries.begin(), entries.end(), m_random);
    for (const QueueEntry &entry : entries) {
        if (auto issued = issuer.issue(m_userId, entry.caseId); issued)
            bump(m_counts, "issued");
        else if (lostRace(issued.error()))
            bump(m_counts, "issue_lost");
        else
            unexpected(QStringLiteral("issue"), issued.error());
    }
    return !entries.empty();
}

Result<bool> DeskSimulator::done()
{
    auto counts = CaseQueue(*m_store).countsPerState();
    if (!counts)
        return counts.error();
    return counts.value().value(QStringLiteral("issued")) >= m_options.expected;
}

QJsonObject DeskSimulator::summary() const
{
    QJsonObject out = m_counts;
    out.insert(QStringLiteral("login"), m_options.login);
    out.insert(QStringLiteral("errors"), QJsonArray::fromStringList(m_errors));
    return out;
}

} // namespace mado::test
