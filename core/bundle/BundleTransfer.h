#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <utility>
#include <vector>

namespace mado {

// How GET /ws/v1/applications/{id}/bundle carries a case bundle: one JSON object
//   {"format": "madoguchi-bundle-transfer", "version": 1,
//    "files": [{"name": "case.json", "sha256": "<hex>", "base64": "..."}, {"name": "frame0.jpg", ...}]}
// with every file of the bundle directory (docs/case-bundle.md: case.json, the images, a signed
// application's signature.p7s) byte for byte. unpack() writes them
// into a directory, which CaseBundleReader then reads. Pure functions; any thread. unpack() fails
// with BundleInvalid on a malformed transfer, a bad file name or a SHA-256 mismatch, Io on disk errors.
class BundleTransfer {
public:
    static QJsonObject pack(const std::vector<std::pair<QString, QByteArray>> &files);
    static Status unpack(const QByteArray &transferJson, const QString &directory);
};

} // namespace mado
