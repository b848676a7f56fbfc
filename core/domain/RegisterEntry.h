#pragma once

#include "core/domain/CaseBundle.h"

#include <QDate>
#include <QString>

namespace mado {

// One resident of the ward's register (the residents table), as the clerk compares it with an
// application form. Plain value.
struct RegisterEntry {
    QString residentCode;
    QString name;
    QString kana;
    QDate dateOfBirth;
    PostalAddress address;
};

} // namespace mado
