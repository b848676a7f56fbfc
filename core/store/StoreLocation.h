#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado {

// Where the case store is, for every program that opens it (the workstation and
// madoguchi-cli): a store argument (a path, sqlite:PATH or postgresql://…, StoreAddress) given on
// the command line (--store) when not empty, else
// $MADOGUCHI_STORE, else <GenericDataLocation>/madoguchi/store.sqlite
// (~/.local/share/madoguchi/store.sqlite on Linux). Stateless; any thread.
class StoreLocation {
public:
    static QString resolve(const QString &commandLinePath);
    static QString defaultPath();
    // NotFound naming the path and the command that creates a store, when no file is there;
    // InvalidArgument for an address that does not parse; PostgreSQL addresses pass (the server
    // answers when connecting).
    static Status requireExisting(const QString &path);
};

} // namespace mado
