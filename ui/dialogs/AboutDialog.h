#pragma once

#include <QDialog>

class QTextBrowser;

namespace mado {

// About Madoguchi: versions (Madoguchi, Qt, OpenCV, dlib), the face model files with their
// SHA-256 and their licences, including the 68-point predictor's non-commercial iBUG 300-W terms.
// GUI thread only.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The HTML shown (for tests and for copying into a support request).
    QString text() const;

private:
    QTextBrowser *m_browser = nullptr;
};

} // namespace mado
