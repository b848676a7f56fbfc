#include "ui/support/MessageBox.h"

#include <QMessageBox>
#include <QPushButton>

#include <optional>

namespace mado {

namespace {

std::optional<bool> &nextAnswer()
{
    static std::optional<bool> answer;
    return answer;
}

} // namespace

bool MessageBox::confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText)
{
    if (std::optional<bool> &next = nextAnswer(); next) {
        const bool yes = *next;
        next.reset();
        return yes;
    }
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QPushButton *yes = box.addButton(yesText, QMessageBox::AcceptRole);
    box.setDefaultButton(qobject_cast<QPushButton *>(box.button(QMessageBox::Cancel)));
    box.exec();
    return box.clickedButton() == yes;
}

void MessageBox::setNextAnswer(bool yes)
{
    nextAnswer() = yes;
}

} // namespace mado
