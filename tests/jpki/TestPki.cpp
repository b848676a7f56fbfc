#include "tests/jpki/TestPki.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryFile>

namespace mado::test {

QString TestPki::scriptPath()
{
    return QStringLiteral(MADO_SOURCE_DIR "/tests/jpki/make-test-pki.sh");
}

bool TestPki::generate(const QString &directory, const QStringList &facts)
{
    const QStringList arguments =
        QStringList{directory} + (facts.isEmpty() ? QStringList{QStringLiteral("見本　太郎"), QStringLiteral("319800401"),
                                                                QStringLiteral("1"),
                                                                QStringLiteral("東京都見本区見本町１丁目２番３号")}
                                                  : facts);
    QProcess process;
    process.start(scriptPath(), arguments);
    if (!process.waitForFinished(180000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("make-test-pki.sh failed: %s", process.readAllStandardError().constData());
        return false;
    }
    return true;
}

QByteArray TestPki::sign(const QString &directory, const QString &signer, const QByteArray &content,
                         const QStringList &extraCerts, bool attached)
{
    const QDir dir(directory);
    QTemporaryFile input(dir.filePath(QStringLiteral("content-XXXXXX")));
    if (!input.open() || input.write(content) != content.size() || !input.flush())
        return {};
    QStringList arguments{QStringLiteral("cms"), QStringLiteral("-sign"), QStringLiteral("-binary"), QStringLiteral("-md"),
                          QStringLiteral("sha256"), QStringLiteral("-in"), input.fileName(), QStringLiteral("-signer"),
                          dir.filePath(signer + QStringLiteral(".pem")), QStringLiteral("-inkey"),
                          dir.filePath(signer + QStringLiteral(".key")), QStringLiteral("-outform"), QStringLiteral("DER")};
    if (attached)
        arguments << QStringLiteral("-nodetach");
    for (const QString &extra : extraCerts)
        arguments << QStringLiteral("-certfile") << dir.filePath(extra);
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("openssl cms -sign failed: %s", process.readAllStandardError().constData());
        return {};
    }
    return process.readAllStandardOutput();
}

} // namespace mado::test
