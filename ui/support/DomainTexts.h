#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mado {

// Words for the stable keys of core (case states, procedures, AI bands, decisions), in the UI language.
// An unknown key is shown as itself. GUI thread (translations).
class DomainTexts {
    Q_DECLARE_TR_FUNCTIONS(mado::DomainTexts)

public:
    static QString state(const QString &key);
    static QString procedure(const QString &key);
    static QString band(const QString &key);
    static QString outcome(const QString &key); // the clerk's decision

    // The keys the queue can filter on, in the order a clerk meets them.
    static QStringList stateKeys();
    static QStringList procedureKeys();
    static QStringList bandKeys();
};

} // namespace mado
