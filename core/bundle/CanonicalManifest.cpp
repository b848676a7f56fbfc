#include "core/bundle/CanonicalManifest.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace mado {

namespace {

bool append(QByteArray &out, const QJsonValue &value);

bool appendStringValue(QByteArray &out, const QString &text)
{
    out.append('"');
    QString run;
    auto flush = [&] {
        out.append(run.toUtf8());
        run.clear();
    };
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const char *escape = nullptr;
        switch (u) {
        case u'"': escape = "\\\""; break;
        case u'\\': escape = "\\\\"; break;
        case u'\b': escape = "\\b"; break;
        case u'\f': escape = "\\f"; break;
        case u'\n': escape = "\\n"; break;
        case u'\r': escape = "\\r"; break;
        case u'\t': escape = "\\t"; break;
        default: break;
        }
        if (escape) {
            flush();
            out.append(escape);
        } else if (u < 0x20) {
            flush();
            out.append(QByteArrayLiteral("\\u00") + QByteArray::number(int(u), 16).rightJustified(2, '0'));
        } else {
            run.append(c);
        }
    }
    flush();
    out.append('"');
    return true;
}

bool appendObject(QByteArray &out, const QJsonObject &object)
{
    QStringList keys = object.keys();
    // QString's operator< compares UTF-16 code units, the order RFC 8785 asks for.
    std::sort(keys.begin(), keys.end());
    out.append('{');
    bool first = true;
    for (const QString &key : keys) {
        if (!first)
            out.append(',');
        first = false;
        appendStringValue(out, key);
        out.append(':');
        if (!append(out, object.value(key)))
            return false;
    }
    out.append('}');
    return true;
}

bool append(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: out.append("null"); return true;
    case QJsonValue::Bool: out.append(value.toBool() ? "true" : "false"); return true;
    case QJsonValue::String: return appendStringValue(out, value.toString());
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9007199254740992.0)
            return false;
        out.append(QByteArray::number(qint64(d)));
        return true;
    }
    case QJsonValue::Array: {
        out.append('[');
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.append(',');
            if (!append(out, array.at(i)))
                return false;
        }
        out.append(']');
        return true;
    }
    case QJsonValue::Object: return appendObject(out, value.toObject());
    case QJsonValue::Undefined: break;
    }
    return false;
}

} // namespace

Result<QByteArray> CanonicalManifest::bytes(const QJsonObject &manifest)
{
    QJsonObject unsigned_ = manifest;
    unsigned_.remove(QStringLiteral("signature"));
    QByteArray out;
    if (!appendObject(out, unsigned_))
        return Error{ErrorCode::BundleInvalid,
                     QStringLiteral("case.json: holds a number that has no canonical form (only integers up to 2^53)")};
    return out;
}

} // namespace mado
