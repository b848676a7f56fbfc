#pragma once

#include "core/domain/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace mado {

// Where a JSON document breaks its schema: a JSON Pointer ("/selfie/frames/2/step") and why.
struct SchemaViolation {
    QString path;
    QString message;
};

// A validator for the subset of JSON Schema (2020-12) that Madoguchi's schemas use: type, const,
// enum, required, properties, additionalProperties (false), items, minItems, maxItems, minLength,
// maxLength, pattern, format (date, date-time), minimum, maximum and local $ref ("#/$defs/x").
// A schema using any other keyword is refused when loaded, so no rule is silently ignored.
// Immutable after load(); validate() may be called from any thread.
class JsonSchema {
public:
    static Result<JsonSchema> load(const QByteArray &schemaJson);
    static Result<JsonSchema> loadResource(const QString &path);

    // The first violation in document order, or nothing when the document conforms.
    std::optional<SchemaViolation> validate(const QJsonValue &document) const;

private:
    explicit JsonSchema(QJsonObject root) : m_root(std::move(root)) {}
    static Status checkKeywords(const QJsonObject &schema, const QString &where);
    std::optional<SchemaViolation> validateNode(const QJsonValue &value, const QJsonObject &schema,
                                                const QString &path) const;
    std::optional<SchemaViolation> validateObject(const QJsonObject &object, const QJsonObject &schema,
                                                  const QString &path) const;
    std::optional<SchemaViolation> validateString(const QString &text, const QJsonObject &schema,
                                                  const QString &path) const;
    QJsonObject resolve(const QJsonObject &schema) const;

    QJsonObject m_root;
};

} // namespace mado
