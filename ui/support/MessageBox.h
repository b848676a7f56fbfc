#pragma once

#include <QString>

class QWidget;

namespace mado {

// Modal questions behind a seam (after KeePassXC's MessageBox): tests pre-answer the next question
// with setNextAnswer() instead of clicking a real box. GUI thread only.
class MessageBox {
public:
    // Asks a question with a yes and a cancel button (cancel is the default); true for yes.
    static bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText,
                        const QString &cancelText);
    // The answer of the next confirm() (tests), which then shows no box.
    static void setNextAnswer(bool yes);
};

} // namespace mado
