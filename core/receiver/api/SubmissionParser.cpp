#include "core/receiver/api/SubmissionParser.h"

#include "core/crypto/Keyring.h"
#include "core/crypto/SealStream.h"
#include "core/receiver/IntakeLog.h"

#include <Poco/Exception.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/NetException.h>

#include <QCryptographicHash>
#include <QFile>

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <map>
#include <unistd.h>

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
                                 QStringLiteral("frame3_capturedAt"),
                                 QStringLiteral("signing")};
const QStringList kFileParts = {QStringLiteral("document_front"), QStringLiteral("document_tilted"),
                                QStringLiteral("frame0"),         QStringLiteral("frame1"),
                                QStringLiteral("frame2"),         QStringLiteral("frame3")};

// A part needs Content-Disposition and perhaps Content-Type; a few more are tolerated.
constexpr int kMaxPartHeaders = 8;

ApiError bad(const QString &field, const QString &message, const QString &code = QStringLiteral("invalid_field"))
{
    return ApiError{400, code, message, field};
}

ApiError malformed()
{
    // Poco's message may quote part of the body; it is not passed on.
    return bad(QString(), QStringLiteral("the multipart body is malformed"), QStringLiteral("malformed_body"));
}

bool writeAll(int fd, const char *data, qsizetype size)
{
    for (qsizetype done = 0; done < size;) {
        const ssize_t written = ::write(fd, data + done, std::size_t(size - done));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        done += written;
    }
    return true;
}

// Streams one file part into a new file (0600) of the staging directory, hashing on the way,
// and stops writing past the cap. Reads the part to its end in every case. With a keyring the
// file is sealed as it is written (no plaintext byte reaches the disk).
std::optional<ApiError> stage(std::istream &part, const QString &name, const QString &path, qint64 cap,
                              const Keyring *keyring, SubmittedImage &out)
{
    std::optional<SealingStream> sealing;
    if (keyring)
        sealing.emplace(keyring->current());
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        qCCritical(lcIntake) << "cannot create staged image" << path << std::strerror(errno);
        part.ignore(std::numeric_limits<std::streamsize>::max());
        return ApiError::fromError(Error{ErrorCode::Io, QString()});
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    std::array<char, 64 * 1024> buffer;
    qint64 size = 0;
    bool writeFailed = false;
    while (part) {
        part.read(buffer.data(), std::streamsize(buffer.size()));
        const std::streamsize n = part.gcount();
        if (n <= 0)
            break;
        size += n;
        if (size > cap || writeFailed)
            continue; // read on to the part's end, keep nothing
        hash.addData(QByteArrayView(buffer.data(), qsizetype(n)));
        const QByteArray sealed = sealing ? sealing->push(QByteArrayView(buffer.data(), qsizetype(n))) : QByteArray();
        if (!(sealing ? writeAll(fd, sealed.constData(), sealed.size()) : writeAll(fd, buffer.data(), qsizetype(n)))) {
            qCCritical(lcIntake) << "cannot write staged image" << path << std::strerror(errno);
            writeFailed = true;
        }
    }
    if (sealing && !writeFailed && size <= cap) {
        const QByteArray last = sealing->finish();
        if (!writeAll(fd, last.constData(), last.size())) {
            qCCritical(lcIntake) << "cannot write staged image" << path << std::strerror(errno);
            writeFailed = true;
        }
    }
    if (!writeFailed && size <= cap && ::fsync(fd) != 0) {
        qCCritical(lcIntake) << "cannot flush staged image" << path << std::strerror(errno);
        writeFailed = true;
    }
    ::close(fd);
    if (writeFailed)
        return ApiError::fromError(Error{ErrorCode::Io, QString()});
    if (size > cap)
        return ApiError::fromError(
            Error{ErrorCode::ImageTooLarge, QStringLiteral("the image is larger than %1 bytes").arg(cap)}, name);
    out = SubmittedImage{name, path, size, QString::fromLatin1(hash.result().toHex())};
    return std::nullopt;
}

// Reads a text field's value, at most kMaxFieldBytes; false if it is longer.
bool readField(std::istream &part, std::string &value)
{
    value.resize(std::size_t(SubmissionParser::kMaxFieldBytes) + 1);
    part.read(value.data(), std::streamsize(value.size()));
    value.resize(std::size_t(part.gcount()));
    if (value.size() <= std::size_t(SubmissionParser::kMaxFieldBytes))
        return true;
    part.ignore(std::numeric_limits<std::streamsize>::max());
    return false;
}

// Reads the parts; the fields into `fields`, the file parts into `files` (staged).
std::optional<ApiError> readParts(const std::string &contentType, std::istream &body, const QString &stagingDir,
                                  qint64 maxImageBytes, const SubmissionParser::ChallengeCheck &checkChallenge,
                                  const Keyring *keyring,
                                  std::map<QString, QString> &fields, std::map<QString, SubmittedImage> &files)
{
    std::string boundary;
    try {
        const Poco::Net::MediaType type(contentType);
        if (type.hasParameter("boundary"))
            boundary = type.getParameter("boundary");
    } catch (const Poco::Exception &) {
        return malformed();
    }
    Poco::Net::MultipartReader reader(body, boundary);
    int parts = 0;
    while (reader.hasNextPart()) {
        if (++parts > SubmissionParser::kMaxParts)
            return bad(QString(), QStringLiteral("the body has too many parts"), QStringLiteral("malformed_body"));
        Poco::Net::MessageHeader header;
        header.setFieldLimit(kMaxPartHeaders);
        reader.nextPart(header);
        std::istream &part = reader.stream();
        std::string disposition;
        Poco::Net::NameValueCollection params;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
        const QString name = QString::fromStdString(params.get("name", ""));
        if (params.has("filename")) {
            if (!kFileParts.contains(name))
                return bad(name.left(40), QStringLiteral("unknown file part"), QStringLiteral("unknown_part"));
            if (files.count(name))
                return bad(name, QStringLiteral("the part is repeated"), QStringLiteral("repeated_part"));
            SubmittedImage staged;
            if (auto problem = stage(part, name, stagingDir + QLatin1Char('/') + name + QStringLiteral(".upload"),
                                     maxImageBytes, keyring, staged))
                return problem;
            files[name] = staged;
            continue;
        }
        std::string raw;
        if (!readField(part, raw))
            return bad(name.left(40), QStringLiteral("the field is too long"), QStringLiteral("malformed_body"));
        if (kFileParts.contains(name))
            return bad(name, QStringLiteral("must be a file part"));
        if (!kTextFields.contains(name))
            return bad(name.left(40), QStringLiteral("unknown field"), QStringLiteral("unknown_field"));
        if (fields.count(name))
            return bad(name, QStringLiteral("the field is repeated"));
        const QString value = QString::fromUtf8(QByteArray::fromStdString(raw)).trimmed();
        if (name == QLatin1String("challenge") && checkChallenge) {
            if (auto problem = checkChallenge(value))
                return problem;
        }
        fields[name] = value;
    }
    return std::nullopt;
}

} // namespace

std::optional<ApiError> SubmissionParser::parse(const std::string &contentType, std::istream &body,
                                                const QString &stagingDir, qint64 maxImageBytes,
                                                const ChallengeCheck &checkChallenge, Submission &out,
                                                const Keyring *keyring)
{
    std::map<QString, QString> fields;
    std::map<QString, SubmittedImage> files;
    try {
        if (auto problem =
                readParts(contentType, body, stagingDir, maxImageBytes, checkChallenge, keyring, fields, files))
            return problem;
    } catch (const Poco::Net::MessageException &) {
        return malformed();
    } catch (const Poco::IOException &) {
        throw; // the connection failed: not the body's fault
    } catch (const Poco::TimeoutException &) {
        throw;
    } catch (const Poco::Exception &) {
        return malformed();
    }
    for (const QString &name : kTextFields) {
        const bool optional = name == QLatin1String("email") || name == QLatin1String("signing") ||
                              name.endsWith(QLatin1String("_capturedAt"));
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
    const QString signing = fields[QStringLiteral("signing")];
    if (!signing.isEmpty() && signing != QLatin1String("jpki"))
        return bad(QStringLiteral("signing"), QStringLiteral("must be jpki or absent"));
    out.willSign = signing == QLatin1String("jpki");
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
        const auto found = files.find(name);
        if (found == files.end())
            return std::nullopt;
        return found->second;
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
