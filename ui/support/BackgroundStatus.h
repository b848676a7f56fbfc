#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace mado {

// The status bar's corner for background work (import, verification): a text and a progress bar,
// hidden when nothing runs, and a standing note of applications that failed to import. Anyone feeds it through
// showProgress() (a slot; queue it from other threads). GUI thread only.
class BackgroundStatus : public QWidget {
    Q_OBJECT

public:
    explicit BackgroundStatus(QWidget *parent = nullptr);

public Q_SLOTS:
    // total <= 0: busy without a known end; done >= total > 0: finished (the widget hides).
    void showProgress(const QString &text, int done, int total);
    // A standing note without a progress bar (e.g. what this session does not run).
    void showMessage(const QString &text);
    // A problem of the background work: its text and, as the tooltip, core's detail for IT.
    void showProblem(const QString &text, const QString &details);
    // Applications the importer gave up (added to those shown): a red note that stays for the
    // session, the references in its tooltip.
    void showImportFailures(const QStringList &references);

private:
    void hideWhenIdle();

    QLabel *m_label = nullptr;
    QLabel *m_failures = nullptr;
    QStringList m_failureReferences;
    QProgressBar *m_bar = nullptr;
};

} // namespace mado
