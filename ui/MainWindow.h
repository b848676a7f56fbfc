#pragma once

#include "core/Result.h"

#include <QMainWindow>

class QLabel;

namespace mado {

// The workstation's main window. For now it shows the state of the face models; the queue,
// case view and supervisor pages arrive with their issues. GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Checks the face models off the GUI thread; modelsChecked() reports the outcome.
    void checkModels(const QString &modelsDirectory);

Q_SIGNALS:
    void modelsChecked(bool ok);

private:
    void showAbout();
    void showModelStatus(const Status &status, const QString &directory);

    QLabel *m_modelStatusLabel = nullptr;
};

} // namespace mado
