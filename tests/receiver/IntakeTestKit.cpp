#include "IntakeTestKit.h"

#include "core/crypto/DataKey.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QTest>

#include <sqlite3.h>

namespace mado {

QByteArray IntakeTestKit::sign(const QByteArray &secret, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toBase64();
}

QByteArray IntakeTestKit::event(const QString &webhookEventId, const QString &type, bool redelivery)
{
    return QStringLiteral(R"({"type":"%1","mode":"active","timestamp":1764205200000,)"
                          R"("source":{"type":"user","userId":"U4af4980629000000000000000000000a"},)"
                          R"("webhookEventId":"%2","deliveryContext":{"isRedelivery":%3},)"
                          R"("replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA"})")
        .arg(type, webhookEventId, redelivery ? QStringLiteral("true") : QStringLiteral("false"))
        .toUtf8();
}

QByteArray IntakeTestKit::webhook(const QList<QByteArray> &events)
{
    return R"({"destination":"Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","events":[)" + events.join(',') + "]}";
}

void IntakeTestKit::writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(file.write(content), content.size());
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

QByteArray IntakeTestKit::minimalIni(const QString &dir)
{
    writeFile(dir + QStringLiteral("/channel_secret"), channelSecret() + '\n');
    writeFile(dir + QStringLiteral("/access_token"), QByteArrayLiteral("test-access-token\n"));
    // The spool's data key: made once per directory, so a restarted receiver opens what it sealed.
    if (!QFile::exists(dir + QStringLiteral("/spool.key")))
        if (!DataKey::createFile(dir + QStringLiteral("/spool.key")).ok())
            qFatal("cannot create the spool key in %s", qPrintable(dir));
    return QStringLiteral("[line]\nchannel_secret_file = %1/channel_secret\n"
                          "channel_access_token_file = %1/access_token\n"
                          "[spool]\npath = %1/spool.sqlite\nkey_file = %1/spool.key\n")
        .arg(dir)
        .toUtf8();
}

QString IntakeTestKit::spoolText(const QString &spoolPath, const QString &sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(spoolPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_busy_timeout(db, 5000); // the spool scrubber may be truncating the log
    sqlite3_stmt *statement = nullptr;
    QString result = QStringLiteral("<error>");
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &statement, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_ROW)
            result = sqlite3_column_type(statement, 0) == SQLITE_NULL
                         ? QStringLiteral("<null>")
                         : QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        else if (rc == SQLITE_DONE)
            result = QStringLiteral("<none>");
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

} // namespace mado
