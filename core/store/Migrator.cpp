#include "core/store/Migrator.h"

#include "core/database/MigrationRunner.h"
#include "core/store/Sql.h"
#include "core/store/StoreMigrationTarget.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace mado {

std::vector<Migrator::Revision> Migrator::revisions(Dialect dialect)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    std::map<int, Revision> byVersion;
    QStringList folders{QStringLiteral(":/sql")};
    if (dialect == Dialect::Postgresql)
        folders << QStringLiteral(":/sql/postgresql"); // its files replace the common ones of their number
    for (const QString &folder : folders) {
        const QDir dir(folder);
        for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
            const auto match = pattern.match(file);
            if (match.hasMatch()) {
                const int version = match.captured(1).toInt();
                byVersion[version] = Revision{version, match.captured(2), dir.filePath(file)};
            }
        }
    }
    std::vector<Revision> result;
    for (const auto &entry : byVersion)
        result.push_back(entry.second);
    return result;
}

int Migrator::latestVersion()
{
    const auto all = revisions(Dialect::Sqlite);
    return all.empty() ? 0 : all.back().version;
}

Result<int> Migrator::currentVersion(const QSqlDatabase &db)
{
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    auto version = Sql::scalar(db, QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!version)
        return version.error();
    return version.value().toInt();
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inString = false;
    bool inBody = false;
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script.at(i);
        if (!inString && !inBody && c == QLatin1Char('-') && i + 1 < script.size() &&
            script.at(i + 1) == QLatin1Char('-')) {
            while (i < script.size() && script.at(i) != QLatin1Char('\n'))
                ++i;
            current += QLatin1Char('\n');
            continue;
        }
        if (!inString && c == QLatin1Char('$') && i + 1 < script.size() && script.at(i + 1) == QLatin1Char('$')) {
            inBody = !inBody; // a PostgreSQL function body: $$ … $$ holds semicolons
            current += QStringLiteral("$$");
            ++i;
            continue;
        }
        if (!inBody && c == QLatin1Char('\''))
            inString = !inString; // a doubled quote '' toggles twice and stays inside
        if (!inString && !inBody && c == QLatin1Char(';')) {
            if (!current.trimmed().isEmpty())
                statements.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

Result<int> Migrator::migrate(const QSqlDatabase &db, int targetVersion)
{
    std::vector<Migration> steps;
    for (const Revision &revision : revisions(Sql::isPostgresql(db) ? Dialect::Postgresql : Dialect::Sqlite)) {
        QFile file(revision.path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Internal, QStringLiteral("missing migration ") + revision.path};
        steps.push_back(Migration{revision.version, revision.name, QString::fromUtf8(file.readAll())});
    }
    StoreMigrationTarget target(db);
    return MigrationRunner::run(target, std::move(steps), targetVersion);
}

} // namespace mado
