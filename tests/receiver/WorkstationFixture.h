#pragma once

#include "core/receiver/ReceiverServer.h"
#include "core/receiver/api/WorkstationServer.h"
#include "core/receiver/api/WorkstationTokens.h"
#include "core/receiver/line/PushWorker.h"
#include "core/receiver/spool/Spool.h"
#include "tests/support/LineSimulator.h"

#include "HttpTestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <string>

namespace mado {

// The workstation API over real loopback HTTP: a real receiver (applications come in through its
// applicant API) and a real workstation listener with two workstation tokens over a real SQLite
// spool, and a push worker delivering LINE pushes to the LINE simulator; with the helpers the
// workstation API tests share. start() and stop() from the test's init() and cleanup().
class WorkstationFixture {
protected:
    static inline const QString kChannel = QStringLiteral("1650000001");
    static inline const QString kUser = QStringLiteral("U3333333333333333333333333333cccc");
    static inline const QByteArray kAccessToken = QByteArrayLiteral("test-access-token");
    static inline const QByteArray kTokenA = QByteArrayLiteral("ws-token-a-9f8e7d6c5b4a");
    static inline const QByteArray kTokenB = QByteArrayLiteral("ws-token-b-0a1b2c3d4e5f");
    // How long a test waits for something that must happen (a push, a scrub): generous for a
    // loaded machine; a passing run waits only as long as the event takes.
    static constexpr int kEventWaitMs = 60000;

    void start();
    void stop();
    // Submits application n (its idempotency key) through the applicant API; its id, empty if refused.
    QString submitApplication(int n, const QString &addressLine = QString());
    // The names of the files under the test's directory (spool, -wal, -shm, images) holding marker.
    QStringList filesContaining(const QByteArray &marker) const;
    HttpTestClient::Reply ws(const std::string &method, const std::string &path, const QByteArray &body = {},
                             const QByteArray &token = kTokenA);
    QJsonArray lease(int count, int seconds, const QByteArray &token = kTokenA);
    // The first column of the first row of sql on a read-only connection of its own ("<null>",
    // "<none>" without a row, "<error>").
    QString queryText(const QString &sql) const;
    static QJsonObject json(const HttpTestClient::Reply &reply) { return QJsonDocument::fromJson(reply.body).object(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::LineSimulator> m_line;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<ReceiverServer> m_receiver;
    std::unique_ptr<WorkstationTokens> m_tokens;
    std::unique_ptr<PushWorker> m_pushes;
    std::unique_ptr<WorkstationServer> m_server;
};

} // namespace mado
