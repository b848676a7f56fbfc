#pragma once

#include "core/domain/Result.h"

#include <QByteArray>

#include <limits>

namespace mado {

class Keyring;
class Spool;

// Encryption at rest of the spool's personal data (core/crypto's sealed format): the applications'
// manifests (column applications.manifest, which must stay valid JSON: a sealed manifest is stored
// as {"sealed": "<base64 of the sealed bytes>"}), their image files and the resubmitted photos
// (files under Spool::filesDirectory()). What is not sealed stays so by design: ids, references,
// LINE user ids and states (the queries need them), webhook event bodies while pending (cleared
// once processed) and push messages while unsent (cleared once sent).
// sealAll() brings everything under the keyring's current key: at every start (data written
// before encryption, or under an older key still in the keyring) and for a key rotation. Each item
// is rewritten on its own (a row in its own statement, a file through SealedFile::reseal's
// rename), so an interruption leaves every item whole under the old key or the new one, and
// running it again finishes the work. Call it while nothing else writes the spool (before
// serving). Errors: NotFound when an item is sealed with a key the keyring lacks (the message
// names the key id and what to do), InvalidArgument for damaged data, Io.
class SpoolSealing {
public:
    struct Counts {
        int manifests = 0; // rewritten under the current key
        int files = 0;
        int current = 0;   // already under the current key
        int leftovers = 0; // temporary files of an interrupted run, removed
    };

    // The manifest column's value for this JSON: itself without a keyring, else the sealed envelope.
    static QByteArray sealManifest(const QByteArray &json, const Keyring *keyring);
    // The manifest JSON from the column (sealed, or plain from before encryption).
    static Result<QByteArray> openManifest(const QByteArray &stored, const Keyring *keyring);
    // limit: rewrite at most so many items, then stop (tests of an interrupted rotation).
    static Result<Counts> sealAll(Spool &spool, const Keyring &keyring, int limit = std::numeric_limits<int>::max());
};

} // namespace mado
