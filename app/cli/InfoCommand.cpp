#include "app/cli/InfoCommand.h"

#include "core/face/BlasInfo.h"
#include "core/face/ModelSet.h"

namespace mado::cli {

InfoCommand::InfoCommand()
    : Command(QStringLiteral("info"), QStringLiteral("Show the versions, the models directory and the BLAS library."),
              {QString()})
{
}

int InfoCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(streams, QStringLiteral("takes no arguments"));
    streams.out << "madoguchi " << MADO_VERSION << Qt::endl
                << "qt       " << qVersion() << Qt::endl
                << "models   " << ModelSet::defaultDirectory() << Qt::endl
                << "blas     "
                << (BlasInfo::loadedLibrary().isEmpty() ? QStringLiteral("(not loaded)") : BlasInfo::loadedLibrary())
                << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
