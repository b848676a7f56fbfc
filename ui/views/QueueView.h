#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace mado {

class CaseStore;
class QueueModel;

// The clerk's queue: filters (state, AI band, procedure, mine), search by reference, counts and the
// lazily fetched table; a failed read is shown above the table. Enter or a double click emits
// caseActivated(). GUI thread only.
class QueueView : public QWidget {
    Q_OBJECT

public:
    // userId: the logged-in user (for "mine"); showPendingApproval: the supervisor's count.
    QueueView(CaseStore &store, qint64 userId, bool showPendingApproval, QWidget *parent = nullptr);

    QueueModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void caseActivated(qint64 caseId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilter();
    void updateCounts();
    void retranslate();
    void sizeColumns();

    QueueModel *m_model = nullptr;
    qint64 m_userId = 0;
    bool m_showPendingApproval = false;
    QComboBox *m_stateCombo = nullptr;
    QComboBox *m_bandCombo = nullptr;
    QComboBox *m_procedureCombo = nullptr;
    QCheckBox *m_mineCheck = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace mado
