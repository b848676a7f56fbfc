#pragma once

#include "core/receiver/line/PushWorker.h"
#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/api/WorkstationServer.h"
#include "core/receiver/line/WebhookWorker.h"
#include "core/receiver/api/WorkstationTokens.h"
#include "core/station/ReceiverClient.h"
#include "tests/support/LineSimulator.h"

#include <QMap>
#include <QTemporaryDir>

#include <memory>

namespace mado::test {

// A real receiver on loopback for the workstation-side tests: the LINE simulator, the spool, the
// applicant API, the push worker and the workstation API, plus a ReceiverClient with a valid token.
// submit() sends an application through the real applicant API with a simulator ID token. The
// spool seals personal data with a fresh key, as the receiver does (spool().keyring()).
class ReceiverFixture {
public:
    static QByteArray token() { return QByteArrayLiteral("ws-token-import-1a2b3c4d5e"); }

    ReceiverFixture();
    ~ReceiverFixture();
    bool ok() const { return m_ok; }

    // fields: overrides of ApplicantTestKit::fields; documentJpeg replaces the document image.
    QString submit(int n, const QMap<QString, QString> &fields = {}, const QByteArray &documentJpeg = {});
    // The same for another LINE user ("U" and 32 hex digits; the receiver gives each user at most
    // 30 challenges an hour, so many applications need several users).
    QString submitAs(const QString &lineUser, int n, const QMap<QString, QString> &fields = {},
                     const QByteArray &documentJpeg = {});
    // Submits a case bundle directory (case.json and its images) through the real applicant API,
    // as the LIFF page would; returns the application id, empty on failure. extraFields: further
    // form fields (signing=jpki for a signed 住民票 request).
    QString submitBundle(const QString &directory, const QString &idempotencyKey,
                         const QMap<QString, QString> &extraFields = {});
    // The applicant API's port and an ID token of the resident submit() and submitBundle() use (the
    // resident's signing app fetches the manifest and uploads the signature with it).
    quint16 applicantPort() const;
    QString idToken() const;
    // Starts (again) the workstation listener; port 0 picks a free one. False if it cannot bind.
    bool startWorkstationServer(quint16 port);
    void stopWorkstationServer() { m_server.reset(); }
    quint16 workstationPort() const { return m_port; }
    // The applicant sends an image in the LINE chat (a signed webhook to the receiver; the webhook
    // worker, started on first use, downloads it from the simulator). False unless LINE got 200.
    bool sendChatImage(const QString &messageId, const QByteArray &bytes);
    // The first column of the first row of a query on the spool, "<null>", "<none>" or "<error>".
    QString spoolText(const QString &sql) const;

    LineSimulator &line() { return *m_line; }
    Spool &spool() { return *m_spool; }
    // The directory holding the spool file, its log and its files directory.
    QString directory() const { return m_dir.path(); }
    const ReceiverClient &client() const { return *m_client; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LineSimulator> m_line;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<ReceiverServer> m_receiver;
    std::unique_ptr<WorkstationTokens> m_tokens;
    std::unique_ptr<PushWorker> m_pushes;
    std::unique_ptr<WorkstationServer> m_server;
    std::unique_ptr<WebhookWorker> m_webhooks;
    std::unique_ptr<ReceiverClient> m_client;
    quint16 m_port = 0;
    bool m_ok = false;
};

} // namespace mado::test
