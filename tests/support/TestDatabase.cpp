#include "tests/support/TestDatabase.h"

#include "core/store/StoreAddress.h"
#include "core/store/StoreKey.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <atomic>

namespace mado::test {

namespace {

std::atomic<int> g_connections{0};

// Runs one statement on the cluster's maintenance database ("postgres") on a connection of its own.
QString runOnServer(const QString &serverUrl, const QString &statement)
{
    auto address = StoreAddress::parse(serverUrl);
    if (!address)
        return address.error().message;
    const QString name = QStringLiteral("mado-test-admin-%1").arg(++g_connections);
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(address.value().host());
        db.setPort(address.value().port());
        db.setDatabaseName(address.value().database());
        db.setUserName(address.value().user());
        if (!db.open()) {
            problem = QStringLiteral("cannot reach the test cluster %1: %2").arg(serverUrl, db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(statement))
                problem = query.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

} // namespace

bool TestDatabase::postgresqlRequested()
{
    return !qEnvironmentVariableIsEmpty("MADOGUCHI_TEST_PG_STATE");
}

Result<QString> TestDatabase::serverUrl()
{
    const QString stateFile = qEnvironmentVariable("MADOGUCHI_TEST_PG_STATE");
    QFile state(stateFile);
    if (!state.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound,
                     QStringLiteral("MADOGUCHI_TEST_PG_STATE=%1 but the test cluster's state file cannot be read "
                                    "(tests/support/pg-cluster.sh start did not run or failed)")
                         .arg(stateFile)};
    return QString::fromUtf8(state.readLine()).trimmed();
}

TestDatabase::TestDatabase(const QString &sqlitePath, bool sqliteOnly)
{
    if (sqliteOnly || !postgresqlRequested()) {
        m_location = sqlitePath;
        return;
    }
    m_postgresql = true;
    auto server = serverUrl();
    if (!server) {
        m_error = server.error().message;
        return;
    }
    m_database = QStringLiteral("mado_t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    if (QString problem = runOnServer(server.value(), QStringLiteral("CREATE DATABASE ") + m_database);
        !problem.isEmpty()) {
        m_error = problem;
        m_database.clear();
        return;
    }
    QString url = server.value();
    url.replace(QStringLiteral("/postgres"), QLatin1Char('/') + m_database);
    m_location = url;
}

TestDatabase::~TestDatabase()
{
    if (m_database.isEmpty())
        return;
    QFile::remove(StoreKey::keyFileFor(m_location));
    auto server = serverUrl();
    if (server)
        (void)runOnServer(server.value(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database));
}

} // namespace mado::test
