#include "core/bundle/JsonSchema.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace mado {

namespace {

const QSet<QString> &supportedKeywords()
{
    static const QSet<QString> keywords{
        QStringLiteral("$schema"),   QStringLiteral("$id"),        QStringLiteral("$defs"),
        QStringLiteral("$ref"),      QStringLiteral("title"),      QStringLiteral("description"),
        QStringLiteral("type"),      QStringLiteral("const"),      QStringLiteral("enum"),
        QStringLiteral("required"),  QStringLiteral("properties"), QStringLiteral("additionalProperties"),
        QStringLiteral("items"),     QStringLiteral("minItems"),   QStringLiteral("maxItems"),
        QStringLiteral("minLength"), QStringLiteral("maxLength"),  QStringLiteral("pattern"),
        QStringLiteral("format"),    QStringLiteral("minimum"),    QStringLiteral("maximum")};
    return keywords;
}

// ECMA-262 patterns write code points as \uXXXX; PCRE2 (QRegularExpression) wants \x{XXXX}.
QString toPcre(QString pattern)
{
    static const QRegularExpression unicodeEscape(QStringLiteral("\\\\u([0-9A-Fa-f]{4})"));
    return pattern.replace(unicodeEscape, QStringLiteral("\\x{\\1}"));
}

bool matchesType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1String("object"))
        return value.isObject();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("null"))
        return value.isNull();
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("integer"))
        return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
    return false;
}

bool isDate(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return shape.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

bool isDateTime(const QString &text)
{
    // RFC 3339: a date, 'T', a time and a zone (Z or an offset).
    static const QRegularExpression shape(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$"));
    return shape.match(text).hasMatch() && QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
}

QString describe(const QJsonValue &value)
{
    if (value.isString())
        return QStringLiteral("a string");
    if (value.isDouble())
        return QStringLiteral("a number");
    if (value.isObject())
        return QStringLiteral("an object");
    if (value.isArray())
        return QStringLiteral("an array");
    if (value.isBool())
        return QStringLiteral("a boolean");
    return QStringLiteral("null");
}

SchemaViolation violation(const QString &path, const QString &message)
{
    return SchemaViolation{path.isEmpty() ? QStringLiteral("/") : path, message};
}

} // namespace

Result<JsonSchema> JsonSchema::load(const QByteArray &schemaJson)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(schemaJson, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("schema is not a JSON object: %1").arg(error.errorString())};
    const Status keywords = checkKeywords(document.object(), QStringLiteral("#"));
    if (!keywords)
        return keywords.error();
    return JsonSchema(document.object());
}

Result<JsonSchema> JsonSchema::loadResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read schema %1").arg(path)};
    return load(file.readAll());
}

Status JsonSchema::checkKeywords(const QJsonObject &schema, const QString &where)
{
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!supportedKeywords().contains(it.key()))
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("schema keyword %1 at %2 is not supported").arg(it.key(), where)};
        if (it.key() == QLatin1String("pattern") && !QRegularExpression(toPcre(it.value().toString())).isValid())
            return Error{ErrorCode::InvalidArgument, QStringLiteral("invalid pattern at %1").arg(where)};
    }
    for (const QString &container : {QStringLiteral("properties"), QStringLiteral("$defs")}) {
        const QJsonObject children = schema.value(container).toObject();
        for (auto it = children.begin(); it != children.end(); ++it) {
            const Status child = checkKeywords(it.value().toObject(), where + QLatin1Char('/') + it.key());
            if (!child)
                return child;
        }
    }
    if (schema.value(QStringLiteral("items")).isObject())
        return checkKeywords(schema.value(QStringLiteral("items")).toObject(), where + QStringLiteral("/items"));
    return {};
}

std::optional<SchemaViolation> JsonSchema::validate(const QJsonValue &document) const
{
    return validateNode(document, m_root, QString());
}

QJsonObject JsonSchema::resolve(const QJsonObject &schema) const
{
    const QString ref = schema.value(QStringLiteral("$ref")).toString();
    if (!ref.startsWith(QLatin1String("#/$defs/")))
        return schema;
    return m_root.value(QStringLiteral("$defs")).toObject().value(ref.mid(8)).toObject();
}

std::optional<SchemaViolation> JsonSchema::validateNode(const QJsonValue &value, const QJsonObject &rawSchema,
                                                        const QString &path) const
{
    const QJsonObject schema = resolve(rawSchema);
    if (schema.contains(QStringLiteral("const")) && value != schema.value(QStringLiteral("const")))
        return violation(path, QStringLiteral("must be %1").arg(QString::fromUtf8(
                                   QJsonDocument(QJsonArray{schema.value(QStringLiteral("const"))}).toJson(
                                       QJsonDocument::Compact))));
    if (schema.contains(QStringLiteral("enum"))) {
        const QJsonArray allowed = schema.value(QStringLiteral("enum")).toArray();
        if (!allowed.contains(value)) {
            QStringList names;
            for (const QJsonValue &v : allowed)
                names << v.toVariant().toString();
            return violation(path, QStringLiteral("must be one of: %1").arg(names.join(QStringLiteral(", "))));
        }
    }
    const QString type = schema.value(QStringLiteral("type")).toString();
    if (!type.isEmpty() && !matchesType(value, type))
        return violation(path, QStringLiteral("must be %1, not %2").arg(type, describe(value)));

    if (value.isObject())
        return validateObject(value.toObject(), schema, path);
    if (value.isString())
        return validateString(value.toString(), schema, path);
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (schema.contains(QStringLiteral("minimum")) && number < schema.value(QStringLiteral("minimum")).toDouble())
            return violation(path, QStringLiteral("must be at least %1").arg(schema.value(QStringLiteral("minimum")).toDouble()));
        if (schema.contains(QStringLiteral("maximum")) && number > schema.value(QStringLiteral("maximum")).toDouble())
            return violation(path, QStringLiteral("must be at most %1").arg(schema.value(QStringLiteral("maximum")).toDouble()));
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(QStringLiteral("minItems")) && array.size() < schema.value(QStringLiteral("minItems")).toInt())
            return violation(path, QStringLiteral("must have at least %1 items").arg(schema.value(QStringLiteral("minItems")).toInt()));
        if (schema.contains(QStringLiteral("maxItems")) && array.size() > schema.value(QStringLiteral("maxItems")).toInt())
            return violation(path, QStringLiteral("must have at most %1 items").arg(schema.value(QStringLiteral("maxItems")).toInt()));
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (auto problem = validateNode(array.at(i), items, path + QLatin1Char('/') + QString::number(i)))
                return problem;
        }
    }
    return std::nullopt;
}

std::optional<SchemaViolation> JsonSchema::validateObject(const QJsonObject &object, const QJsonObject &schema,
                                                          const QString &path) const
{
    for (const QJsonValue &name : schema.value(QStringLiteral("required")).toArray()) {
        if (!object.contains(name.toString()))
            return violation(path + QLatin1Char('/') + name.toString(), QStringLiteral("is missing"));
    }
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    const bool closed = schema.value(QStringLiteral("additionalProperties")) == QJsonValue(false);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString childPath = path + QLatin1Char('/') + it.key();
        if (properties.contains(it.key())) {
            if (auto problem = validateNode(it.value(), properties.value(it.key()).toObject(), childPath))
                return problem;
        } else if (closed) {
            return violation(childPath, QStringLiteral("is not an allowed field"));
        }
    }
    return std::nullopt;
}

std::optional<SchemaViolation> JsonSchema::validateString(const QString &text, const QJsonObject &schema,
                                                          const QString &path) const
{
    const qsizetype length = text.toUcs4().size();
    if (schema.contains(QStringLiteral("minLength")) && length < schema.value(QStringLiteral("minLength")).toInt())
        return violation(path, QStringLiteral("is too short (at least %1 characters)").arg(schema.value(QStringLiteral("minLength")).toInt()));
    if (schema.contains(QStringLiteral("maxLength")) && length > schema.value(QStringLiteral("maxLength")).toInt())
        return violation(path, QStringLiteral("is too long (at most %1 characters)").arg(schema.value(QStringLiteral("maxLength")).toInt()));
    if (schema.contains(QStringLiteral("pattern"))) {
        const QRegularExpression pattern(toPcre(schema.value(QStringLiteral("pattern")).toString()));
        if (!pattern.match(text).hasMatch())
            return violation(path, QStringLiteral("has an invalid format"));
    }
    const QString format = schema.value(QStringLiteral("format")).toString();
    if (format == QLatin1String("date") && !isDate(text))
        return violation(path, QStringLiteral("is not a date (YYYY-MM-DD)"));
    if (format == QLatin1String("date-time") && !isDateTime(text))
        return violation(path, QStringLiteral("is not a date-time (RFC 3339)"));
    return std::nullopt;
}

} // namespace mado
