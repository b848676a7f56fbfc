#pragma once

#include "core/security/Session.h"

#include <QString>
#include <QWidget>

class QTableWidget;

namespace mado::test {

class StoreFixture;

// Small helpers shared by the widget tests that drive pages by hand.

// Logs `login` in with the fixture's password; an empty Session when that fails.
Session logIn(StoreFixture &fixture, const QString &login);

// The child widget of that object name, with a warning when there is none.
template <typename T> T *child(QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no child %s", name);
    return widget;
}

// Clicks the row of `table` whose first column holds `text`; false when there is none.
bool clickRow(QTableWidget *table, const QString &text);

// The reference number of a case, or an empty string.
QString reference(StoreFixture &fixture, qint64 caseId);

} // namespace mado::test
