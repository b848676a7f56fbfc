#pragma once

#include <QByteArray>
#include <QString>

namespace mado {

// Shared helpers of the intake tests: the test channel secret, an independent signer (Qt's HMAC,
// not the receiver's Poco one), LINE-shaped webhook bodies and configuration files.
class IntakeTestKit {
public:
    static QByteArray channelSecret() { return QByteArrayLiteral("0123456789abcdef0123456789abcdef"); }
    // Base64 HMAC-SHA256, computed with QMessageAuthenticationCode.
    static QByteArray sign(const QByteArray &secret, const QByteArray &body);
    // A LINE "follow" or "message" event object as JSON text.
    static QByteArray event(const QString &webhookEventId, const QString &type = QStringLiteral("follow"),
                            bool redelivery = false);
    // {"destination": ..., "events": [events...]}
    static QByteArray webhook(const QList<QByteArray> &events);
    static void writeFile(const QString &path, const QByteArray &content);
    // Writes the secret and token files (and the spool key dir/spool.key, once) into dir and
    // returns an INI text that names them and a spool at dir/spool.sqlite.
    static QByteArray minimalIni(const QString &dir);
    // The first column of the first row of sql on the spool file, on a read-only connection of its
    // own (the receiver may be writing): "<null>", "<none>" without a row, "<error>".
    static QString spoolText(const QString &spoolPath, const QString &sql);
};

} // namespace mado
