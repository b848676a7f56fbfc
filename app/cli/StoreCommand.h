#pragma once

#include "app/cli/Command.h"

#include "core/store/CaseStore.h"

namespace mado::cli {

// `store key` and `store rekey`: the case store's data key (core/store/StoreKey, StoreRekey).
// `key` shows the key file, the current key id and how many images are sealed or still plain;
// `rekey` seals every case image under a new key and replaces the key file (crash-safe: run it
// again after an interruption).
class StoreCommand : public Command {
public:
    StoreCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    int showKey(CaseStore &store, const QString &path, CliStreams streams) const;

    QCommandLineOption m_store;
};

} // namespace mado::cli
