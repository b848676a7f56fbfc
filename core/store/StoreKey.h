#pragma once

#include "core/domain/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace mado {

class Keyring;

// The data key of a case store, which seals the case images (images.bytes; core/crypto's format).
// Its file is $MADOGUCHI_STORE_KEY when set, else next to the store: "<store file>.key" (0600,
// checked like every key file: KeyFileCheck). Opening a store:
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
    static QString keyFileFor(const QString &storePath);
    // The file a rotation writes the next key to before it replaces keyFileFor().
    static QString nextKeyFileFor(const QString &storePath) { return keyFileFor(storePath) + QStringLiteral(".new"); }
    static Result<std::shared_ptr<const Keyring>> open(const QString &storePath, const QSqlDatabase &db);
    // Number of images sealed / kept plain (not counting purged ones, whose bytes are empty).
    static Result<qint64> countImages(const QSqlDatabase &db, bool sealed);
};

} // namespace mado
