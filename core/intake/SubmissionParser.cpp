#include "core/intake/SubmissionParser.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include <QSet>

#include <map>
#include <sstream>

namespace mado {

namespace {

const QStringList kTextFields = {QStringLiteral("procedure"),
                                 QStringLiteral("name"),
                                 QStringLiteral("kana"),
                                 QStringLiteral("dateOfBirth"),
                                 QStringLiteral("postalCode"),
                                 QStringLiteral("prefecture"),
                                 QStringLiteral("city"),
                                 QStringLiteral("line"),
                                 QStringLiteral("phone"),
                                 QStringLiteral("email"),
                                 QStringLiteral("copies"),
                                 QStringLiteral("documentType"),
                                 QStringLiteral("challenge"),
                                 QStringLiteral("frame0_capturedAt"),
                                 QStringLiteral("frame1_capturedAt"),
                                 QStringLiteral("frame2_capturedAt"),
                                 QStringLiteral("frame3_capturedAt")};
const QStringList kFileParts = {QStringLiteral("document_front"), QStringLiteral("document_tilted"),
                                QStringLiteral("frame0"),         QStringLiteral("frame1"),
                                QStringLiteral("frame2"),         QStringLiteral("frame3")};

ApiError bad(const QString &field, const QString &message, const QString &code = QStringLiteral("invalid_field"))
{
    return ApiError{400, code, message, field};
}

// Collects the file parts; refuses unknown and repeated ones (the first problem wins).
class FileParts : public Poco::Net::PartHandler {
public:
    void handlePart(const Poco::Net::MessageHeader &header, std::istream &stream) override
    {
        std::string disposition;
        Poco::Net::NameValueCollection params;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
        const QString name = QString::fromStdString(params.get("name", ""));
        // StreamCopier reads to the part's end and leaves the stream at EOF; streaming rdbuf()
        // instead would let HTMLForm read on into the next part and lose it.
        std::string bytes;
        Poco::StreamCopier::copyToString(stream, bytes);
        if (problem)
            return;
        if (!kFileParts.contains(name))
            problem = bad(name.left(40), QStringLiteral("unknown file part"), QStringLiteral("unknown_part"));
        else if (parts.count(name))
            problem = bad(name, QStringLiteral("the part is repeated"), QStringLiteral("repeated_part"));
        else
            parts[name] = QByteArray::fromStdString(bytes);
    }

    std::map<QString, QByteArray> parts;
    std::optional<ApiError> problem;
};

} // namespace

std::optional<ApiError> SubmissionParser::parse(const std::string &contentType, const QByteArray &body, Submission &out)
{
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/");
    request.setContentType(contentType);
    Poco::Net::HTMLForm form;
    form.setFieldLimit(64);
    form.setValueLengthLimit(kMaxFieldBytes);
    FileParts files;
    try {
        std::istringstream in(body.toStdString());
        form.load(request, in, files);
    } catch (const Poco::Exception &) {
        // Poco's message may quote part of the body; it is not passed on.
        return bad(QString(), QStringLiteral("the multipart body is malformed or a field is too long"),
                   QStringLiteral("malformed_body"));
    }
    if (files.problem)
        return files.problem;

    std::map<QString, QString> fields;
    for (const auto &[rawName, rawValue] : form) {
        const QString name = QString::fromStdString(rawName);
        if (kFileParts.contains(name))
            return bad(name, QStringLiteral("must be a file part"));
        if (!kTextFields.contains(name))
            return bad(name.left(40), QStringLiteral("unknown field"), QStringLiteral("unknown_field"));
        if (fields.count(name))
            return bad(name, QStringLiteral("the field is repeated"));
        fields[name] = QString::fromUtf8(QByteArray::fromStdString(rawValue)).trimmed();
    }
    for (const QString &name : kTextFields) {
        const bool optional = name == QLatin1String("email") || name.endsWith(QLatin1String("_capturedAt"));
        if (!optional && (!fields.count(name) || fields[name].isEmpty()))
            return bad(name, QStringLiteral("is required"), QStringLiteral("missing_field"));
    }

    ApplicantForm &a = out.applicant;
    a.procedure = fields[QStringLiteral("procedure")];
    a.name = fields[QStringLiteral("name")];
    a.kana = fields[QStringLiteral("kana")];
    a.dateOfBirth = QDate::fromString(fields[QStringLiteral("dateOfBirth")], Qt::ISODate);
    if (!a.dateOfBirth.isValid() || fields[QStringLiteral("dateOfBirth")].size() != 10)
        return bad(QStringLiteral("dateOfBirth"), QStringLiteral("must be a real date YYYY-MM-DD"));
    a.address = PostalAddress{fields[QStringLiteral("postalCode")], fields[QStringLiteral("prefecture")],
                              fields[QStringLiteral("city")], fields[QStringLiteral("line")]};
    a.phone = fields[QStringLiteral("phone")];
    a.email = fields[QStringLiteral("email")];
    bool ok = false;
    a.copies = fields[QStringLiteral("copies")].toInt(&ok);
    if (!ok)
        return bad(QStringLiteral("copies"), QStringLiteral("must be an integer"));
    const auto type = documentTypeFromName(fields[QStringLiteral("documentType")]);
    if (!type)
        return bad(QStringLiteral("documentType"),
                   QStringLiteral("must be my_number_card, drivers_license or other_photo_id"));
    out.documentType = *type;
    out.challengeNonce = fields[QStringLiteral("challenge")];
    for (int i = 0; i < 4; ++i) {
        const QString name = QStringLiteral("frame%1_capturedAt").arg(i);
        if (!fields.count(name) || fields[name].isEmpty())
            continue;
        const QDateTime at = QDateTime::fromString(fields[name], Qt::ISODateWithMs);
        if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
            return bad(name, QStringLiteral("must be an RFC 3339 time with a zone"));
        out.capturedAt[std::size_t(i)] = at.toUTC();
    }

    const auto part = [&files](const QString &name) -> std::optional<SubmittedImage> {
        const auto found = files.parts.find(name);
        if (found == files.parts.end())
            return std::nullopt;
        return SubmittedImage{name, found->second};
    };
    const auto front = part(QStringLiteral("document_front"));
    if (!front)
        return bad(QStringLiteral("document_front"), QStringLiteral("is required"), QStringLiteral("missing_part"));
    out.documentFront = *front;
    out.documentTilted = part(QStringLiteral("document_tilted"));
    for (int i = 0; i < 4; ++i) {
        const auto frame = part(QStringLiteral("frame%1").arg(i));
        if (!frame)
            return bad(QStringLiteral("frame%1").arg(i), QStringLiteral("is required"), QStringLiteral("missing_part"));
        out.frames[std::size_t(i)] = *frame;
    }
    return std::nullopt;
}

} // namespace mado
