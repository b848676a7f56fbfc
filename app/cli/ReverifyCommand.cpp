#include "app/cli/CliStore.h"

#include "core/face/CaseVerifier.h"
#include "core/face/FaceThresholds.h"
#include "core/face/ModelSet.h"
#include "core/station/VerificationJob.h"

namespace mado::cli {

// reverify [--pending] --as USER: runs the face engine on the store's cases as USER (a clerk or
// supervisor; password on standard input). --pending verifies the imported cases (imported ->
// verified/held, with the replay check across cases); without it, cases whose latest verdict was
// made with other thresholds or another engine version get a new verdict. Exit 0 when every case
// was verified, 1 when some failed.
int runReverify(QStringList arguments, CliStreams streams)
{
    CliStore cli(arguments);
    const bool pending = arguments.removeAll(QStringLiteral("--pending")) > 0;
    if (arguments.size() != 1 || cli.actingLogin().isEmpty()) {
        streams.err << "usage: madoguchi-cli reverify [--pending] --as USER [--store FILE]" << Qt::endl
                    << "       (the user's password is read from standard input)" << Qt::endl;
        return kExitUsage;
    }
    CaseStore *store = cli.open(streams);
    if (!store)
        return kExitSetup;
    auto thresholds = FaceThresholds::shipped();
    if (!thresholds) {
        streams.err << "reverify: " << thresholds.error().message << Qt::endl;
        return kExitSetup;
    }
    auto verifier = CaseVerifier::load(ModelSet(), thresholds.value());
    if (!verifier) {
        streams.err << "reverify: " << verifier.error().message << Qt::endl;
        return kExitSetup;
    }
    auto session = cli.login(streams);
    if (!session)
        return kExitFailed;
    VerificationJob job(*store, *verifier.value(), session->userId());
    const auto progress = [&](int done, int total, qint64 caseId) {
        streams.out << done << "/" << total << " case " << caseId << Qt::endl;
    };
    auto summary = pending ? job.verifyImported(progress) : job.reverify(progress);
    cli.logout(*session);
    if (!summary) {
        streams.err << "reverify: " << summary.error().message << Qt::endl;
        return CliStore::exitCodeFor(summary.error());
    }
    for (const QString &error : summary.value().errors)
        streams.err << error << Qt::endl;
    streams.out << summary.value().verified << " verified, " << summary.value().replayFlagged
                << " seen in another case, " << summary.value().failed << " failed" << Qt::endl;
    return summary.value().failed == 0 ? kExitOk : kExitFailed;
}

} // namespace mado::cli
