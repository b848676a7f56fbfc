#include "core/store/PostgresClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVersionNumber>

namespace mado {

namespace {

// One field of a .pgpass line: ':' and '\' are escaped with '\'.
QString pgpassField(QString value)
{
    return value.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char(':'), QStringLiteral("\\:"));
}

QString shellQuoted(QString text)
{
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
}

} // namespace

QString PostgresClient::program(const QString &name)
{
    const QString bindir = qEnvironmentVariable("MADOGUCHI_PG_BINDIR");
    if (!bindir.isEmpty()) {
        const QString path = QDir(bindir).filePath(name);
        return QFileInfo(path).isExecutable() ? path : QString();
    }
    const QString onPath = QStandardPaths::findExecutable(name);
    if (!onPath.isEmpty())
        return onPath;
    // Debian keeps one folder per major version; the newest dumps every older server too.
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QString best;
    QVersionNumber bestVersion;
    for (const QString &entry : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber version = QVersionNumber::fromString(entry);
        const QString path = versions.filePath(entry + QStringLiteral("/bin/") + name);
        if (QFileInfo(path).isExecutable() && version > bestVersion) {
            best = path;
            bestVersion = version;
        }
    }
    return best;
}

Result<QByteArray> PostgresClient::run(const StoreAddress &address, const QString &name, const QStringList &arguments,
                                       int timeoutMs)
{
    const QString path = program(name);
    if (path.isEmpty())
        return Error{ErrorCode::NotFound,
                     QStringLiteral("%1 is not installed (Debian: apt-get install postgresql-client)").arg(name)};
    auto password = address.readPassword();
    if (!password)
        return password.error();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PGPASSWORD"));
    QTemporaryDir privateDir; // 0700
    if (!password.value().isEmpty()) {
        if (!privateDir.isValid())
            return Error{ErrorCode::Io, QStringLiteral("cannot create a private folder for the password file")};
        const QString passFile = privateDir.filePath(QStringLiteral("pgpass"));
        QFile file(passFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(QStringLiteral("*:*:*:*:%1\n").arg(pgpassField(password.value())).toUtf8()) < 0 || !file.flush())
            return Error{ErrorCode::Io, QStringLiteral("cannot write the private password file")};
        file.close();
        environment.insert(QStringLiteral("PGPASSFILE"), passFile);
    }
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(path, QStringList(arguments) << QStringLiteral("--no-password")
                                               << QStringLiteral("--dbname=") + address.libpqConnectionString());
    if (!process.waitForStarted())
        return Error{ErrorCode::Io, QStringLiteral("%1 did not start: %2").arg(name, process.errorString())};
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return Error{ErrorCode::Io, QStringLiteral("%1 did not finish within %2 s").arg(name).arg(timeoutMs / 1000)};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error{ErrorCode::Io, QStringLiteral("%1 failed (exit %2): %3")
                                        .arg(name)
                                        .arg(process.exitCode())
                                        .arg(QString::fromUtf8(process.readAllStandardError()).trimmed())};
    return process.readAllStandardOutput();
}

Result<PostgresClient::Figures> PostgresClient::dump(const StoreAddress &address, const QString &targetPath)
{
    if (QFileInfo::exists(targetPath))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the backup target exists: ") + targetPath};
    QElapsedTimer timer;
    timer.start();
    auto dumped = run(address, QStringLiteral("pg_dump"),
                      {QStringLiteral("--format=custom"), QStringLiteral("--file=") + targetPath});
    if (!dumped) {
        if (dumped.error().code != ErrorCode::NotFound)
            QFile::remove(targetPath); // a partial dump is no backup
        return dumped.error();
    }
    Figures figures;
    figures.bytes = QFileInfo(targetPath).size();
    figures.milliseconds = timer.elapsed();
    return figures;
}

QString PostgresClient::dumpCommand(const StoreAddress &address, const QString &targetPath)
{
    return QStringLiteral("pg_dump --format=custom --file=%1 --dbname=%2")
        .arg(shellQuoted(targetPath), shellQuoted(address.libpqConnectionString()));
}

} // namespace mado
