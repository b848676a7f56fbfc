#include "app/cli/DemoCommand.h"

#include "core/evaluation/DemoCases.h"

#include <QDir>

namespace mado::cli {

namespace {
QString defaultSamples()
{
    const QString fromEnvironment = qEnvironmentVariable("MADOGUCHI_SAMPLES_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString cache = qEnvironmentVariable("XDG_CACHE_HOME", QDir::homePath() + QStringLiteral("/.cache"));
    return cache + QStringLiteral("/madoguchi/samples");
}
} // namespace

DemoCommand::DemoCommand()
    : Command(QStringLiteral("demo"), QStringLiteral("Prepare the demo's applications and resident register."),
              {QStringLiteral("prepare OUT_DIR [--samples DIR]")}),
      m_samples(addOption({QStringLiteral("samples"),
                           QStringLiteral("dlib's example photos (default: $MADOGUCHI_SAMPLES_DIR, else "
                                          "$XDG_CACHE_HOME/madoguchi/samples)."),
                           QStringLiteral("DIR")}))
{
    addArgument(QStringLiteral("prepare"), QStringLiteral("The action (the only one)."));
    addArgument(QStringLiteral("OUT_DIR"),
                QStringLiteral("Where the case bundles, register.csv and scenarios.txt go."));
    setActions({QStringLiteral("prepare")});
    setHelpNotes(QStringLiteral("Prints the directory of each case bundle written.\nExit codes: 0 written, 1 failed, "
                                "3 models missing."));
}

int DemoCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 2 || arguments.at(0) != QLatin1String("prepare"))
        return usageError(streams, QStringLiteral("expects: prepare OUT_DIR"));
    const QString samples = parser.isSet(m_samples) ? parser.value(m_samples) : defaultSamples();
    auto thresholds = FaceThresholds::shipped();
    if (!thresholds) {
        streams.err << "madoguchi-cli demo: " << thresholds.error().message << Qt::endl;
        return kExitSetup;
    }
    auto cases = DemoCases::prepare(ModelSet(), thresholds.value(), samples, arguments.at(1));
    if (!cases) {
        streams.err << "madoguchi-cli demo: " << cases.error().message << Qt::endl;
        return cases.error().code == ErrorCode::ModelMissing ? kExitSetup : kExitFailed;
    }
    for (const DemoCases::Case &c : cases.value())
        streams.out << c.directory << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
