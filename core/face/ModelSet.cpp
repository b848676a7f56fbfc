#include "core/face/ModelSet.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QStandardPaths>

namespace mado {

namespace {

QString sumsKey(Model model)
{
    return QStringLiteral("models/") + ModelSet::fileName(model);
}

QHash<QString, QString> parseSums()
{
    QHash<QString, QString> sums;
    const QString text = QString::fromUtf8(kModelSha256Sums);
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList parts = line.simplified().split(QLatin1Char(' '));
        if (parts.size() == 2)
            sums.insert(parts.at(1), parts.at(0).toLower());
    }
    return sums;
}

struct HashCache {
    QMutex mutex;
    QHash<QString, QString> digestByFileStamp;
};

HashCache &hashCache()
{
    static HashCache cache;
    return cache;
}

Result<QString> sha256Of(const QString &path)
{
    const QFileInfo info(path);
    const QString stamp = QStringLiteral("%1|%2|%3")
                              .arg(info.absoluteFilePath())
                              .arg(info.size())
                              .arg(info.lastModified().toMSecsSinceEpoch());
    HashCache &cache = hashCache();
    {
        QMutexLocker lock(&cache.mutex);
        const auto it = cache.digestByFileStamp.constFind(stamp);
        if (it != cache.digestByFileStamp.constEnd())
            return it.value();
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, file.errorString()};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return Error{ErrorCode::Io, QStringLiteral("read error")};
    const QString digest = QString::fromLatin1(hash.result().toHex());
    QMutexLocker lock(&cache.mutex);
    cache.digestByFileStamp.insert(stamp, digest);
    return digest;
}

} // namespace

ModelSet::ModelSet(QString directory) : m_directory(std::move(directory)) {}

QString ModelSet::defaultDirectory()
{
    const QString fromEnv = qEnvironmentVariable("MADOGUCHI_MODELS_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
#if defined(Q_OS_WIN)
    // %LOCALAPPDATA%\madoguchi\models: beside the store, outside the program folder.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/madoguchi/models");
#else
    QString cacheHome = qEnvironmentVariable("XDG_CACHE_HOME");
    if (cacheHome.isEmpty())
        cacheHome = QDir::homePath() + QStringLiteral("/.cache");
    return cacheHome + QStringLiteral("/madoguchi/models");
#endif
}

QString ModelSet::fileName(Model model)
{
    switch (model) {
    case Model::FaceRecognitionResNet:
        return QStringLiteral("dlib_face_recognition_resnet_model_v1.dat");
    case Model::ShapePredictor5:
        return QStringLiteral("shape_predictor_5_face_landmarks.dat");
    case Model::ShapePredictor68:
        return QStringLiteral("shape_predictor_68_face_landmarks.dat");
    case Model::MmodFaceDetector:
        return QStringLiteral("mmod_human_face_detector.dat");
    }
    return {};
}

QString ModelSet::expectedSha256(Model model)
{
    static const QHash<QString, QString> sums = parseSums();
    return sums.value(sumsKey(model));
}

QString ModelSet::fetchCommand()
{
    return QStringLiteral("installer/dev/fetch-models.sh");
}

QString ModelSet::path(Model model) const
{
    return QDir(m_directory).filePath(fileName(model));
}

Result<QString> ModelSet::verifiedPath(Model model) const
{
    const QString file = path(model);
    if (!QFileInfo(file).isFile())
        return Error{ErrorCode::ModelMissing, QStringLiteral("model file %1 is missing in %2; run %3 to fetch it")
                                                  .arg(fileName(model), m_directory, fetchCommand())};
    auto digest = sha256Of(file);
    if (!digest)
        return Error{ErrorCode::ModelMissing, QStringLiteral("model file %1 cannot be read (%2); run %3 to fetch it")
                                                  .arg(file, digest.error().message, fetchCommand())};
    if (digest.value() != expectedSha256(model))
        return Error{ErrorCode::ModelCorrupt,
                     QStringLiteral("model file %1 is corrupt (SHA-256 differs from resources/models/SHA256SUMS); "
                                    "delete it and run %2")
                         .arg(file, fetchCommand())};
    return file;
}

} // namespace mado
