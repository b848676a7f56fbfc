#pragma once

#include "core/domain/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantMap>

namespace mado {

// Small helpers over QSqlQuery: prepare, bind named values, run, and turn failures into
// Error{Database}. Messages name the statement's purpose, never bound values (personal data).
class Sql {
public:
    // Prepares and runs `statement` with named bindings; the query is positioned before the first row.
    static Result<QSqlQuery> run(const QSqlDatabase &db, const QString &statement, const QVariantMap &bindings = {});
    // Runs a statement that returns one value in one row; NotFound when there is no row.
    static Result<QVariant> scalar(const QSqlDatabase &db, const QString &statement, const QVariantMap &bindings = {});
    // SQL NULL (a null QString binds as empty text).
    static QVariant null();
    static Error error(const QSqlQuery &query, const QString &what);
    // The connection is to PostgreSQL (QPSQL), where SQL differs from SQLite's.
    static bool isPostgresql(const QSqlDatabase &db);
};

} // namespace mado
