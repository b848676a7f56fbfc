#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `retention [--dry-run]`, `retention days [N]`, `retention resubmission-days [N]`,
// `retention compact`, each with --as ADMIN (the password on standard input): deletes the images
// of closed cases when due (core/workflow/Retention), shows or sets the two ward settings, or
// lets an older store shrink once.
class RetentionCommand : public Command {
public:
    RetentionCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_store;
    QCommandLineOption m_as;
    QCommandLineOption m_dryRun;
};

} // namespace mado::cli
