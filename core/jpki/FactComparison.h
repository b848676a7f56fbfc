#pragma once

#include "core/domain/CaseBundle.h"
#include "core/domain/RegisterEntry.h"
#include "core/jpki/SignerFacts.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace mado {

// Compares the certificate's basic four facts with the signed form and the resident register.
// The register keeps its characters exactly as entered (core/store, table residents) and its import
// checks no folding, so Madoguchi folds only what is not a different character: width (Unicode
// NFKC: １→1, Ａ→A, full-width space), all spaces, and for addresses the spelling of block numbers
// (漢数字 or digits, 丁目/番地/番/の/hyphens → "-", a final 号 dropped). 異体字 (髙/高, 﨑/崎, 邊/辺 ...)
// are *not* folded: the register treats them as different characters, so a difference is shown and
// the case held for a person to decide. A difference at a position the certificate marks as
// 代替文字 is named as such ("name:register:substitute_character"), never accepted silently.
// 性別 is shown, not compared: neither the form nor the register carries it.
class FactComparison {
public:
    // Difference codes "<field>:<source>[:substitute_character]" (field name, date_of_birth,
    // address; source form or register), "register:not_found" or "register:ambiguous". Empty when
    // everything agrees.
    // No register (std::nullopt): the form only.
    static QStringList differences(const SignerFacts &facts, const ApplicantForm &form,
                                   const std::optional<std::vector<RegisterEntry>> &register_);

    static QString foldName(const QString &name);
    static QString foldAddress(const QString &address);
    static QString joinAddress(const PostalAddress &address);
};

} // namespace mado
