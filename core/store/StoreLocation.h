#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado {

// Where the case store file is, for every program that opens it (the workstation and
// madoguchi-cli): the path given on the command line (--store FILE) when not empty, else
// $MADOGUCHI_STORE, else <GenericDataLocation>/madoguchi/store.sqlite
// (~/.local/share/madoguchi/store.sqlite on Linux). Stateless; any thread.
class StoreLocation {
public:
    static QString resolve(const QString &commandLinePath);
    static QString defaultPath();
    // NotFound naming the path and the command that creates a store, when no file is there.
    static Status requireExisting(const QString &path);
};

} // namespace mado
