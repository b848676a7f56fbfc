#include "app/cli/CliCommand.h"

#include "core/evaluation/DemoCases.h"

#include <QDir>

namespace mado::cli {

// `demo prepare OUT_DIR [--samples DIR]`: the demo's applications as case bundles with frame pools
// (see DemoCases), the matching resident register (register.csv) and scenarios.txt.
int runDemo(const QStringList &arguments, CliStreams streams)
{
    if (arguments.size() < 3 || arguments.at(1) != QLatin1String("prepare")) {
        streams.err << "usage: madoguchi-cli demo prepare OUT_DIR [--samples DIR]" << Qt::endl;
        return kExitUsage;
    }
    QString samples = qEnvironmentVariable("MADOGUCHI_SAMPLES_DIR");
    if (samples.isEmpty()) {
        const QString cache = qEnvironmentVariable("XDG_CACHE_HOME", QDir::homePath() + QStringLiteral("/.cache"));
        samples = cache + QStringLiteral("/madoguchi/samples");
    }
    const int samplesAt = int(arguments.indexOf(QStringLiteral("--samples")));
    if (samplesAt > 0 && samplesAt + 1 < arguments.size())
        samples = arguments.at(samplesAt + 1);
    auto thresholds = FaceThresholds::shipped();
    if (!thresholds) {
        streams.err << "madoguchi-cli demo: " << thresholds.error().message << Qt::endl;
        return kExitSetup;
    }
    auto cases = DemoCases::prepare(ModelSet(), thresholds.value(), samples, arguments.at(2));
    if (!cases) {
        streams.err << "madoguchi-cli demo: " << cases.error().message << Qt::endl;
        return cases.error().code == ErrorCode::ModelMissing ? kExitSetup : kExitFailed;
    }
    for (const DemoCases::Case &c : cases.value())
        streams.out << c.directory << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
