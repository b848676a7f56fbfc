#include "ui/MainWindow.h"

#include "core/face/ModelSet.h"

#include <QApplication>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace mado {

namespace {

// Verifies the hashes of the models the face engine needs (hashing takes about 0.1 s).
Status verifyModels(const QString &directory)
{
    const ModelSet models(directory);
    for (Model model : {Model::ShapePredictor5, Model::FaceRecognitionResNet}) {
        auto path = models.verifiedPath(model);
        if (!path)
            return path.error();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Madoguchi — staff verification"));
    resize(1280, 800);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence::Quit);
    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About Madoguchi"), this, &MainWindow::showAbout);
    aboutAction->setObjectName(QStringLiteral("aboutAction"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *title = new QLabel(tr("No applications are waiting."), central);
    title->setObjectName(QStringLiteral("queueEmptyLabel"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    title->setFont(titleFont);
    m_modelStatusLabel = new QLabel(tr("Checking the face models…"), central);
    m_modelStatusLabel->setObjectName(QStringLiteral("modelStatusLabel"));
    m_modelStatusLabel->setWordWrap(true);
    m_modelStatusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(title);
    layout->addWidget(m_modelStatusLabel);
    layout->addStretch();
    setCentralWidget(central);
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::checkModels(const QString &modelsDirectory)
{
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, modelsDirectory] {
        const Status status = watcher->result();
        watcher->deleteLater();
        showModelStatus(status, modelsDirectory);
        Q_EMIT modelsChecked(status.ok());
    });
    watcher->setFuture(QtConcurrent::run(verifyModels, modelsDirectory));
}

void MainWindow::showModelStatus(const Status &status, const QString &directory)
{
    if (status.ok()) {
        m_modelStatusLabel->setText(tr("Face models: ready (%1)").arg(directory));
        return;
    }
    const QString problem = status.error().code == ErrorCode::ModelCorrupt ? tr("Face models are damaged.")
                                                                           : tr("Face models are missing.");
    m_modelStatusLabel->setText(tr("%1 Ask IT to run %2. Details: %3")
                                    .arg(problem, ModelSet::fetchCommand(), status.error().message));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Madoguchi"),
                       tr("Madoguchi %1 — staff verification workstation for online ward counters.")
                           .arg(QStringLiteral(MADO_VERSION)));
}

} // namespace mado
