#pragma once

#include "app/cli/Command.h"
#include "core/domain/JpkiSignatureResult.h"
#include "core/jpki/JpkiVerifier.h"

namespace mado::cli {

// `jpki check [--anchors PATH] [--crls PATH] [--policy OID]... [--store FILE] BUNDLE_DIR`: verifies
// the bundle's JPKI signature and prints the result, the chain and the revocation status (no
// personal data: differences are named by field). Trust material from the options, else from the
// store's ward settings; with --store the facts are compared with the resident register too.
// `jpki configure --store FILE --as ADMIN --anchors PATH [--crls PATH] [--policy OID]...`: checks
// that the material loads and stores the paths in the ward settings (WardSettings jpki.*).
class JpkiCommand : public Command {
public:
    JpkiCommand();

    // Shared with `verify`: the result in a few lines (status, reason in Japanese and English,
    // certificate, revocation, differences).
    static void printResult(QTextStream &out, const JpkiSignatureResult &result);

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    int check(const QCommandLineParser &parser, CliStreams streams);
    int configure(const QCommandLineParser &parser, CliStreams streams);
    JpkiConfig configFromOptions(const QCommandLineParser &parser) const;

    QCommandLineOption m_anchors;
    QCommandLineOption m_crls;
    QCommandLineOption m_ocspUrl;
    QCommandLineOption m_ocspTimeout;
    QCommandLineOption m_policy;
    QCommandLineOption m_store;
    QCommandLineOption m_as;
};

} // namespace mado::cli
