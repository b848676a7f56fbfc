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

bool MessageBox::confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText,
                         const QString &cancelText)
{
    if (std::optional<bool> &next = nextAnswer(); next) {
        const bool yes = *next;
        next.reset();
        return yes;
    }
    // Our own button texts: Qt's standard ones are not translated unless Qt's catalogues are installed.
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton *yes = box.addButton(yesText, QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(cancelText, QMessageBox::RejectRole);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == yes;
}

void MessageBox::setNextAnswer(bool yes)
{
    nextAnswer() = yes;
}

} // namespace mado
