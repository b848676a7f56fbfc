#pragma once

#include "core/domain/CaseBundle.h"
#include "core/domain/Result.h"
#include "core/jpki/JpkiTrustStore.h"
#include "core/jpki/JpkiVerifier.h"

#include <memory>

namespace mado {

class CaseStore;

// The one path by which the workstation checks a signed application's JPKI signature: the ward's
// trust material (JpkiSettings), the applicant's register entries (by the form's name and date of
// birth) and JpkiVerifier. Importer (which holds the case with a reason) and VerificationJob (which
// returns the error) differ only in what they do with a failure.
//
// Trust material is either fixed (tests, Options::jpki) or read from the ward settings at every
// signed application and taken from a process-wide cache keyed by the settings' values and the
// size and modification time of every anchor and CRL file. So `madoguchi-cli jpki configure` (often
// another process) and a CRL the ward downloads over the old one are picked up at the next signed
// application, while an unchanged (possibly large) CRL is parsed once per process. A ward without
// JPKI pays three small settings queries per signed application and no file access.
//
// Blocking; one thread at a time per instance (the store uses the calling thread's connection); the
// cache itself is shared under a mutex. Errors: InvalidArgument when the configured trust material
// cannot be loaded (the message names the file); otherwise the store's.
class JpkiSignatureCheck {
public:
    explicit JpkiSignatureCheck(CaseStore &store, std::shared_ptr<const JpkiTrustStore> fixed = nullptr);

    // The verification of `bundle` (which must carry a signature) as of the store's clock.
    Result<JpkiVerifier::Check> verify(const CaseBundle &bundle);
    // The trust material in force: the fixed one, else the ward's (nullptr when not configured).
    Result<std::shared_ptr<const JpkiTrustStore>> trust();

    // How many times this process parsed trust material from the ward settings (tests).
    static int loadCount();

private:
    CaseStore &m_store;
    std::shared_ptr<const JpkiTrustStore> m_fixed;
};

} // namespace mado
