#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

namespace mado {

// The workstation's side of the receiver's workstation API (docs/admin.md): lease applications,
// download a bundle transfer, acknowledge, post an outcome. One blocking HttpCall per method
// (https:// with the system CA certificates, or only those of caFile when given, and host name
// verification, versions and ciphers of TlsPolicy; or http:// on loopback only: every call with a
// plain http:// URL to another host fails with InvalidArgument, see checkBaseUrl).
// Errors: Network when the receiver did not answer or answered 5xx (worth retrying), Unauthorized
// (401), NotFound (404), Conflict (409), Gone (410), InvalidArgument for any other answer or a
// malformed body. Never logs the token or bodies. Any thread; const methods share no state.
class ReceiverClient {
public:
    struct Lease {
        QString applicationId;
        QString reference;
        QDateTime leaseUntil;
    };

    // caFile: PEM file of the CA certificates to trust instead of the system's (a ward's own CA).
    ReceiverClient(QString baseUrl, QByteArray token, int timeoutMs = 15000, QString caFile = {});

    const QString &baseUrl() const { return m_baseUrl; }
    // InvalidArgument, with a message that says the fix, unless the URL is https://HOST... or
    // http:// to a loopback host (127.0.0.0/8, ::1, localhost).
    static Status checkBaseUrl(const QString &baseUrl);

    Result<std::vector<Lease>> lease(int count, int seconds) const;
    // The bundle transfer JSON (BundleTransfer::unpack reads it).
    Result<QByteArray> downloadBundle(const QString &applicationId) const;
    Status acknowledge(const QString &applicationId) const;
    // Gives up a leased application that cannot be imported: the receiver deletes its personal
    // data and tells the resident to apply again. reason: an error code name ("image_corrupt");
    // message: English, no personal data, at most 500 characters. Repeating it is harmless.
    Status reportFailed(const QString &applicationId, const QString &reason, const QString &message) const;
    // outcome: "approved", "rejected", "resubmission_requested" or "issued".
    Status postOutcome(const QString &applicationId, const QString &outcome, const QString &reason = {}) const;

    // Largest bundle transfer accepted (Base64 of a bundle whose images are each at most a few MB).
    static constexpr qint64 kMaxBundleBytes = 96 * 1024 * 1024;

private:
    struct Reply {
        int status = 0;
        QByteArray body;
    };
    Result<Reply> call(const std::string &method, const QString &path, const QByteArray &body,
                       qint64 maxReplyBytes = 1024 * 1024) const;
    static Error statusError(int status, const QString &what);

    QString m_baseUrl;
    QByteArray m_token;
    int m_timeoutMs;
    QString m_caFile;
};

} // namespace mado
