#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `demo prepare OUT_DIR [--samples DIR]`: the demo's applications as case bundles with frame pools
// (see DemoCases), the matching resident register (register.csv), scenarios.txt and jpki-facts.txt.
// `demo sign BUNDLE_DIR --pki DIR`: signs the signed 住民票 scenario with the TEST PKI made at demo
// time (DemoSigner). `demo sign-remote APPLICATION_ID --pki DIR --receiver URL --id-token TOKEN`:
// the resident's signing app for an application submitted with signing=jpki (the demo's signed
// 住民票 goes through the receiver like every other application). `demo import BUNDLE_DIR --store
// FILE`: stores a bundle directory as the importer does after a download (signature verified,
// procedure policy applied), without a receiver.
class DemoCommand : public Command {
public:
    DemoCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    int prepare(const QCommandLineParser &parser, CliStreams streams);
    int sign(const QCommandLineParser &parser, CliStreams streams);
    int signRemote(const QCommandLineParser &parser, CliStreams streams);
    int importBundle(const QCommandLineParser &parser, CliStreams streams);

    QCommandLineOption m_samples;
    QCommandLineOption m_pki;
    QCommandLineOption m_receiver;
    QCommandLineOption m_idToken;
    QCommandLineOption m_store;
};

} // namespace mado::cli
