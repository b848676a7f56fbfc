#include "app/cli/ModelsCommand.h"

#include "core/face/ModelSet.h"

namespace mado::cli {

ModelsCommand::ModelsCommand()
    : Command(QStringLiteral("models"), QStringLiteral("Check the face model files (presence and SHA-256)."),
              {QStringLiteral("check [DIR]")})
{
    addArgument(QStringLiteral("check"), QStringLiteral("The action (the only one)."));
    addArgument(QStringLiteral("DIR"),
                QStringLiteral("Models directory (default: %1).").arg(ModelSet::defaultDirectory()),
                QStringLiteral("[DIR]"));
    setActions({QStringLiteral("check")});
    setHelpNotes(QStringLiteral("Fetching the models is done by %1.\nExit codes: 0 all models ok, 3 one is missing or "
                                "corrupt.")
                     .arg(ModelSet::fetchCommand()));
}

int ModelsCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.value(0) != QLatin1String("check") || arguments.size() > 2)
        return usageError(streams, QStringLiteral("expects: check [DIR]"));
    const ModelSet models(arguments.size() == 2 ? arguments.at(1) : ModelSet::defaultDirectory());
    int problems = 0;
    for (Model model :
         {Model::FaceRecognitionResNet, Model::ShapePredictor5, Model::ShapePredictor68, Model::MmodFaceDetector}) {
        auto path = models.verifiedPath(model);
        if (path) {
            streams.out << "ok       " << path.value() << Qt::endl;
        } else {
            streams.out << (path.error().code == ErrorCode::ModelCorrupt ? "corrupt  " : "missing  ")
                        << path.error().message << Qt::endl;
            ++problems;
        }
    }
    return problems == 0 ? kExitOk : kExitSetup;
}

} // namespace mado::cli
