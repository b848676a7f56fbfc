#include "tests/support/TestData.h"

#include <QDir>

namespace mado::test {

QString samplesDirectory()
{
    const QString fromEnv = qEnvironmentVariable("MADOGUCHI_SAMPLES_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString cacheHome = qEnvironmentVariable("XDG_CACHE_HOME");
    if (cacheHome.isEmpty())
        cacheHome = QDir::homePath() + QStringLiteral("/.cache");
    return cacheHome + QStringLiteral("/madoguchi/samples");
}

QString sample(const QString &relativePath)
{
    return QDir(samplesDirectory()).filePath(relativePath);
}

QString johnPhoto(const QString &person, int index)
{
    const QDir dir(sample(QStringLiteral("johns/") + person));
    const QStringList files = dir.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
    return index >= 0 && index < files.size() ? dir.filePath(files.at(index)) : QString();
}

} // namespace mado::test
