#pragma once

#include "core/receiver/api/LiffOptions.h"

#include <QJsonArray>
#include <QString>

#include <optional>

namespace mado {

// The procedures a resident can apply for on the LIFF page, with their names in Japanese and
// English and, for a procedure the ward's policy holds when identity is shown by a face check,
// the reason in both languages (the same legal basis the workstation's procedure policy gives
// clerks, docs/admin.md). Keys match the workstation's catalogue (resources/sql). Stateless.
class ProcedureCatalogue {
public:
    struct Entry {
        const char *key;
        const char *nameJa;
        const char *nameEn;
        const char *heldReasonJa; // why a face check is not enough, shown when the ward holds it
        const char *heldReasonEn;
    };
    static std::optional<Entry> find(const QString &key);
    // [{key, nameJa, nameEn, faceCheck: "accepted"|"held", reasonJa?, reasonEn?}] in the order of
    // options.procedures (unknown keys are left out; ReceiverConfig refuses them).
    static QJsonArray describe(const LiffOptions &options);
};

} // namespace mado
