#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseBundle.h"
#include "core/image/ImageLimits.h"
#include "core/bundle/JsonSchema.h"

#include <QJsonObject>
#include <QString>

namespace mado {

// Reads a case bundle directory: parses case.json, validates it against the bundle schema, checks
// the rules a schema cannot express (frame order follows the challenge, times are coherent), and
// checks every image file (present, a plain file inside the bundle, SHA-256 as declared, JPEG or
// PNG within the pixel limits read from its header). Images are not decoded here. A signed bundle's
// signature.p7s is read (not verified: that is core/jpki's JpkiVerifier, which needs the ward's trust
// anchors) and the canonical manifest it signs is computed.
// Errors are ErrorCode::BundleInvalid (message starts with the JSON pointer of the wrong field,
// e.g. "/selfie/frames/2/step: ...") or the image error of the file concerned, naming its field.
// Any thread.
class CaseBundleReader {
public:
    static Result<CaseBundleReader> create(ImageLimits limits = {});

    Result<CaseBundle> read(const QString &directory) const;
    // The rules beyond the schema, on an already parsed bundle.
    static Status checkConsistency(const CaseBundle &bundle);

    static constexpr qint64 kMaxManifestBytes = 256 * 1024;
    static constexpr qint64 kMaxSignatureBytes = 64 * 1024;
    static QString schemaResource() { return QStringLiteral(":/schema/case-bundle.schema.json"); }

private:
    CaseBundleReader(JsonSchema schema, ImageLimits limits) : m_schema(std::move(schema)), m_limits(limits) {}
    Status checkImage(const QString &directory, const BundleImage &image, const QString &field) const;
    // A signed bundle: reads signature.p7s (size, SHA-256 as declared) into signature.cms and the
    // canonical manifest into signature.signedManifest. The CMS itself is checked by JpkiVerifier.
    static Status readSignature(const QString &directory, const QJsonObject &manifest, BundleSignature &signature);

    JsonSchema m_schema;
    ImageLimits m_limits;
};

} // namespace mado
