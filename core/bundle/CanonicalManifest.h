#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace mado {

// The bytes an applicant's JPKI signature covers (signature.p7s, docs/case-bundle.md "Signed
// applications"): case.json without its top-level "signature" entry, serialised as RFC 8785 (JSON
// Canonicalization Scheme) does for the value types a manifest holds: members sorted by their
// names' UTF-16 code units, no whitespace, strings as UTF-8 with only '"', '\\' and control
// characters escaped (\b \f \n \r \t, else \u00xx), integers in plain decimal, true/false/null.
// A manifest has no fractional numbers; one (or an integer beyond 2^53) is refused
// (BundleInvalid), so two implementations can never disagree on a number's spelling.
// Every image's SHA-256 is in the manifest, so the signature covers the images too.
class CanonicalManifest {
public:
    static Result<QByteArray> bytes(const QJsonObject &manifest);
};

} // namespace mado
