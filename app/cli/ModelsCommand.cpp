#include "app/cli/CliCommand.h"

#include "core/face/BlasInfo.h"
#include "core/face/ModelSet.h"

namespace mado::cli {

int runModels(const QStringList &arguments, CliStreams streams)
{
    // arguments: "models" "check" [DIR]
    if (arguments.size() < 2 || arguments.at(1) != QLatin1String("check") || arguments.size() > 3) {
        streams.err << "usage: madoguchi-cli models check [DIR]" << Qt::endl
                    << "       (fetching is done by " << ModelSet::fetchCommand() << ")" << Qt::endl;
        return kExitUsage;
    }
    const ModelSet models(arguments.size() == 3 ? arguments.at(2) : ModelSet::defaultDirectory());
    int problems = 0;
    for (Model model : {Model::FaceRecognitionResNet, Model::ShapePredictor5, Model::ShapePredictor68,
                        Model::MmodFaceDetector}) {
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

int runInfo(const QStringList &, CliStreams streams)
{
    streams.out << "madoguchi " << MADO_VERSION << Qt::endl
                << "qt       " << qVersion() << Qt::endl
                << "models   " << ModelSet::defaultDirectory() << Qt::endl
                << "blas     " << (BlasInfo::loadedLibrary().isEmpty() ? QStringLiteral("(not loaded)")
                                                                       : BlasInfo::loadedLibrary())
                << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
