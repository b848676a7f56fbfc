#include "core/store/StoreConnections.h"

#include "core/store/LostConnections.h"
#include "core/store/Sql.h"

#include <QSqlError>
#include <QThread>
#include <QThreadStorage>

#include <atomic>
#include <utility>
#include <vector>

namespace mado {

namespace {
std::atomic<int> g_instances{0};
std::atomic<quint64> g_threadSerials{0};

quint64 threadSerial()
{
    thread_local const quint64 serial = ++g_threadSerials;
    return serial;
}
} // namespace

// Closes, when its thread ends, the connections that thread opened in stores still alive. It lives in
// a QThreadStorage, not in a thread_local: Qt deletes it while a QThread finishes, or, for a thread Qt
// did not start, once it sees the thread ended (on Windows in its watcher thread). A thread_local's
// destructor, built by MinGW, runs from a TLS callback under the loader lock and after the emulated
// TLS block was freed: it read a freed mutex and hung (seen under Wine).
class StoreConnections::ThreadExit {
public:
    void add(const std::shared_ptr<Names> &names, const QString &name)
    {
        for (const auto &entry : m_entries)
            if (entry.second == name)
                return;
        m_entries.emplace_back(names, name);
    }
    ~ThreadExit()
    {
        // Another thread (Qt's watcher of foreign threads on Windows) may only remove the connection.
        const bool ownThread = QThread::currentThreadId() == m_threadId;
        for (const auto &[weakNames, name] : m_entries) {
            const auto names = weakNames.lock();
            if (!names)
                continue; // the store is gone and closed its connections itself
            const QMutexLocker lock(&names->mutex);
            if (names->open.removeOne(name))
                StoreConnections::close(name, ownThread);
        }
    }

private:
    const Qt::HANDLE m_threadId = QThread::currentThreadId();
    std::vector<std::pair<std::weak_ptr<Names>, QString>> m_entries;
};

StoreConnections::StoreConnections(StoreAddress address, int busyTimeoutMs)
    : m_address(std::move(address)), m_busyTimeoutMs(busyTimeoutMs),
      m_prefix(QStringLiteral("mado-store-%1").arg(++g_instances)), m_names(std::make_shared<Names>())
{
}

StoreConnections::~StoreConnections()
{
    const QMutexLocker lock(&m_names->mutex);
    const QString own = connectionName();
    for (const QString &name : std::as_const(m_names->open))
        close(name, name == own);
    m_names->open.clear();
}

void StoreConnections::close(const QString &name, bool ownThread)
{
    if (ownThread) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        LostConnections::take(db.driver()); // (a stale entry of another thread's driver costs at most one reconnect)
        db.close();
    } // another thread's connection: only removeDatabase (which closes it) may touch it from here
    QSqlDatabase::removeDatabase(name);
}

QString StoreConnections::connectionName() const
{
    return m_prefix + QLatin1Char('-') + QString::number(threadSerial());
}

Result<QSqlDatabase> StoreConnections::database()
{
    const QString name = connectionName();
    {
        const QMutexLocker lock(&m_names->mutex);
        if (m_names->open.contains(name)) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (LostConnections::take(db.driver()))
                db.close(); // reopened below: a new session on the server
            else if (db.isOpen())
                return db;
        } else {
            m_names->open.append(name);
            static QThreadStorage<ThreadExit *> exitHooks; // deletes each thread's hook as the thread ends
            if (!exitHooks.hasLocalData())
                exitHooks.setLocalData(new ThreadExit);
            exitHooks.localData()->add(m_names, name);
        }
    }
    const QString driver = m_address.isPostgresql() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
    QSqlDatabase db =
        QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false) : QSqlDatabase::addDatabase(driver, name);
    return m_address.isPostgresql() ? openPostgresql(db) : openSqlite(db);
}

Result<QSqlDatabase> StoreConnections::openSqlite(QSqlDatabase db)
{
    db.setDatabaseName(m_address.path());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!db.open())
        return Error{ErrorCode::Database, QStringLiteral("cannot open the store: ") + db.lastError().text()};
    auto foreignKeys = Sql::run(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    if (!foreignKeys)
        return foreignKeys.error();
    // Deleted content (images purged by retention, rows deleted by any write) is overwritten with
    // zeros in the page, the freed pages and the WAL frames, instead of lingering in the file.
    auto secureDelete = Sql::run(db, QStringLiteral("PRAGMA secure_delete = ON"));
    if (!secureDelete)
        return secureDelete.error();
    auto journal = Sql::scalar(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!journal)
        return journal.error();
    if (journal.value().toString().toLower() != QLatin1String("wal"))
        return Error{ErrorCode::Database, QStringLiteral("the store refused WAL journal mode")};
    return db;
}

Result<QSqlDatabase> StoreConnections::openPostgresql(QSqlDatabase db)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error{ErrorCode::Database, QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed; on Debian: "
                                                         "apt-get install libqt6sql6-psql")};
    auto password = m_address.readPassword();
    if (!password)
        return password.error();
    db.setHostName(m_address.host());
    if (m_address.port() > 0)
        db.setPort(m_address.port());
    db.setDatabaseName(m_address.database());
    db.setUserName(m_address.user());
    db.setPassword(password.value());
    db.setConnectOptions(m_address.connectOptions());
    const bool opened = db.open();
    db.setPassword(QString()); // not kept in memory longer than the connection attempt
    if (!opened)
        return Error{ErrorCode::Database, QStringLiteral("cannot connect to the store %1: %2")
                                              .arg(m_address.display(), db.lastError().text().simplified())};
    // Times are written as UTC text by the program; the server's own clock (now()) is read in UTC too.
    // A statement waiting for a row lock gives up after the busy timeout instead of hanging.
    for (const QString &statement :
         {QStringLiteral("SET TIME ZONE 'UTC'"), QStringLiteral("SET lock_timeout = %1").arg(m_busyTimeoutMs)}) {
        if (auto set = Sql::run(db, statement); !set)
            return set.error();
    }
    return db;
}

void StoreConnections::closeForThisThread()
{
    const QString name = connectionName();
    const QMutexLocker lock(&m_names->mutex);
    if (m_names->open.removeOne(name))
        close(name, true);
}

} // namespace mado
