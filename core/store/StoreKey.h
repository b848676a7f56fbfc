#pragma once

#include "core/domain/Result.h"
#include "core/store/StoreAddress.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace mado {

class Keyring;

// The data key of a case store, which seals the case images (images.bytes; core/crypto's format).
// Its file is $MADOGUCHI_STORE_KEY when set, else next to the store: "<store file>.key" (0600,
// checked like every key file: KeyFileCheck); for a PostgreSQL store, which has no file, it is
// <data dir>/madoguchi/keys/<host>-<port>-<database>.key on each workstation (the same key on
// every one: docs/admin.md). Opening a store:
// - with its key file: the key is loaded (refused if others could read it); a "<key file>.new"
//   left by an interrupted `madoguchi-cli store rekey` is loaded too, so every image opens;
// - without one, when no image is sealed (a new store, or one from before encryption): a fresh
//   key file is created; images stored before stay readable as they are until `store rekey`
//   seals them (StoreRekey);
// - without one while sealed images exist: refused (InvalidArgument naming the file and the key
//   id), and nothing in the store is changed.
// Any thread.
class StoreKey {
public:
    static QString keyFileFor(const StoreAddress &address);
    // `store` is a store argument (StoreAddress::parse); a path when it does not parse.
    static QString keyFileFor(const QString &store);
    // The file a rotation writes the next key to before it replaces keyFileFor().
    static QString nextKeyFileFor(const QString &storePath) { return keyFileFor(storePath) + QStringLiteral(".new"); }
    static Result<std::shared_ptr<const Keyring>> open(const StoreAddress &address, const QSqlDatabase &db);
    // Number of images sealed / kept plain (not counting purged ones, whose bytes are empty).
    static Result<qint64> countImages(const QSqlDatabase &db, bool sealed);
};

} // namespace mado
