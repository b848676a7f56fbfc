#pragma once

#include <QCoreApplication>
#include <QString>

namespace mado {

// Words for the stable keys of core (case states, procedures, AI bands), in the UI language.
// An unknown key is shown as itself. GUI thread (translations).
class DomainTexts {
    Q_DECLARE_TR_FUNCTIONS(mado::DomainTexts)

public:
    static QString state(const QString &key);
    static QString procedure(const QString &key);
    static QString band(const QString &key);
};

} // namespace mado
