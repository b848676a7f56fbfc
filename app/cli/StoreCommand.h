#pragma once

#include "app/cli/Command.h"

#include "core/store/CaseStore.h"

namespace mado::cli {

// `store key`, `store rekey` and `store copy`: the case store's data key (core/store/StoreKey,
// StoreRekey) and moving a store into another, empty one (core/store/StoreCopy).
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
    int copy(const QCommandLineParser &parser, CliStreams streams) const;

    QCommandLineOption m_store;
    QCommandLineOption m_from;
    QCommandLineOption m_to;
    QCommandLineOption m_fromPasswordFile;
    QCommandLineOption m_toPasswordFile;
};

} // namespace mado::cli
