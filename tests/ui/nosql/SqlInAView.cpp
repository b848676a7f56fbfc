// A fixture for the no-SQL-in-ui check (tests/ui/CheckNoSqlInUi.cmake), never compiled: each line
// below holds exactly one pattern the check must find, so the check is proven to fail on them.
#include <QtSql/QSqlQuery>
#include "core/store/Sql.h"
void readCases(QSqlDatabase db);
QSqlRecord firstRow();
QSqlError lastError();
auto db = store.connections();
