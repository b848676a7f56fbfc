#pragma once

#include "core/station/Importer.h"

#include <QString>

namespace mado::test {

class StoreFixture;

// A 住民票 request of StoreFixture's register resident as the importer receives it, made now (its
// challenge issued two minutes ago; the register's address 登録町4-5-6; a face-free document
// image), with the ward's JPKI settings pointed at `pki` (root.pem, crl.pem of make-test-pki.sh)
// and the store's clock set to now. Signed by `signer` of that PKI (TestPki::sign), unless empty.
Importer::Fetched signedJuminhyo(StoreFixture &fixture, const QString &pki, const QString &signer);

} // namespace mado::test
