#include "tests/ui/UiTestKit.h"

#include "core/security/UserDirectory.h"
#include "core/store/CaseStore.h"
#include "tests/support/StoreFixture.h"

#include <QTableWidget>
#include <QTest>

namespace mado::test {

Session logIn(StoreFixture &fixture, const QString &login)
{
    auto session = UserDirectory(fixture.store()).login(login, QString::fromLatin1(StoreFixture::kPassword));
    if (!session) {
        qWarning("login failed: %s", qPrintable(session.error().message));
        return {};
    }
    return session.value();
}

bool clickRow(QTableWidget *table, const QString &text)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == text) {
            table->scrollToItem(table->item(row, 0));
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                              table->visualItemRect(table->item(row, 0)).center());
            return true;
        }
    }
    return false;
}

QString reference(StoreFixture &fixture, qint64 caseId)
{
    auto record = fixture.store().caseStatus(caseId);
    return record ? record.value().reference : QString();
}

} // namespace mado::test
