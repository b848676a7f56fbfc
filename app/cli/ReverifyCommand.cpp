#include "app/cli/ReverifyCommand.h"

#include "app/cli/CliStore.h"

#include "core/face/CaseVerifier.h"
#include "core/face/FaceThresholds.h"
#include "core/face/ModelSet.h"
#include "core/station/VerificationJob.h"

namespace mado::cli {

ReverifyCommand::ReverifyCommand()
    : Command(QStringLiteral("reverify"),
              QStringLiteral("Verify imported cases, or rerun verdicts made with other "
                             "thresholds."),
              {QStringLiteral("[--pending] --as USER [--store FILE]")}),
      m_store(addOption(CliStore::storeOption())),
      m_as(addOption(CliStore::asOption(QStringLiteral("this clerk or supervisor")))),
      m_pending(addOption({QStringLiteral("pending"), QStringLiteral("Verify the imported cases (imported -> "
                                                                     "verified or held).")}))
{
    setHelpNotes(QStringLiteral("Standard input: the user's password.\nExit codes: 0 every case verified, 1 some "
                                "failed or the login was refused, 3 no store, models or thresholds missing."));
}

int ReverifyCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(streams, QStringLiteral("takes no arguments"));
    const bool pending = parser.isSet(m_pending);
    CliStore cli(parser.value(m_store), parser.value(m_as));
    if (const int usage = requireAs(cli.actingLogin(), QStringLiteral("USER"), streams); usage != kExitOk)
        return usage;
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
