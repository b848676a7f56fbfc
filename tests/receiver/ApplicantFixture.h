#pragma once

#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"
#include "tests/support/LineSimulator.h"

#include "ApplicantTestKit.h"
#include "HttpTestClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace mado {

// A real receiver with the applicant API on a loopback port, a real SQLite spool in a temporary
// directory and the LINE simulator answering ID token verifications, with the helpers the
// applicant API tests share. start() and stop() from the test's init() and cleanup().
class ApplicantFixture {
protected:
    static inline const QString kChannel = QStringLiteral("1650000001");
    static inline const QString kUser = QStringLiteral("U1111111111111111111111111111aaaa");
    static inline const QString kOtherUser = QStringLiteral("U2222222222222222222222222222bbbb");
    static inline const QByteArray kAccessToken = QByteArrayLiteral("test-access-token");
    static constexpr qint64 kBodyLimit = 2 * 1024 * 1024;

    void start();
    void stop();
    // Starts the receiver again (same spool, same LINE simulator) with changed options.
    void restart(const std::function<void(ReceiverOptions &)> &change);
    QString token(const QString &user = kUser) { return m_line->mintIdToken(user, kChannel); }
    HttpTestClient::Reply requestChallenge(const QString &idToken);
    QString newNonce(const QString &user = kUser);
    HttpTestClient::Reply submit(const MultipartBody &body, const QString &idToken, const std::string &key);
    qint64 count(const char *sql) const;
    QStringList imageDirectories() const;
    QString spoolFilesDirectory() const;
    static QJsonObject json(const HttpTestClient::Reply &reply) { return QJsonDocument::fromJson(reply.body).object(); }
    static QString errorField(const HttpTestClient::Reply &reply)
    {
        return json(reply).value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::LineSimulator> m_line;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<ReceiverServer> m_server;
    ReceiverOptions m_options;
};

} // namespace mado
