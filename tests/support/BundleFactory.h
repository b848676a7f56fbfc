#pragma once

#include "core/domain/CaseBundle.h"

#include <QString>
#include <QStringList>

namespace mado::test {

// Writes case bundle directories for tests from image files (e.g. dlib's sample photos):
// copies the images, computes their SHA-256 and writes a valid case.json with specimen
// (fictitious) applicant data. Tests then break single fields to check the reader.
class BundleFactory {
public:
    // documentImage: photo of the document; frameImages: frontal frame then one per direction.
    static CaseBundle specimen(const QStringList &frameFiles, const QString &documentFile,
                               std::array<Direction, 3> directions = {Direction::Left, Direction::Up, Direction::Right});
    // Copies the images into `directory` under the names the bundle uses and writes case.json.
    static bool write(const QString &directory, const CaseBundle &bundle, const QString &documentImage,
                      const QStringList &frameImages);
    static bool writeManifest(const QString &directory, const QJsonObject &manifest);
};

} // namespace mado::test
