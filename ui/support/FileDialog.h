#pragma once

#include <QString>

class QWidget;

namespace mado {

// File choosers behind a seam: tests set the next chosen path with setNextFileName() instead of
// driving a real dialog. GUI thread only.
class FileDialog {
public:
    // The path the user chose to save to; empty when cancelled.
    static QString saveFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                const QString &filter);
    // The existing file the user chose to open; empty when cancelled.
    static QString openFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                const QString &filter);
    // The result of the next saveFileName() or openFileName() (tests; empty: cancelled), which then shows no dialog.
    static void setNextFileName(const QString &path);
};

} // namespace mado
