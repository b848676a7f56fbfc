// Fuzz target: SubmissionParser, the streaming multipart/form-data parser of
// POST /api/v1/applications. Input: a first line (the Content-Type header's value), then the body.
// Properties: either an ApiError (400, or 422 for an image over the cap), or a Submission with every
// required field and part present whose staged files hold at most the cap; the staging directory
// is emptied after each input.

#include "core/receiver/api/SubmissionParser.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mado::fuzz::quietQt();
    static QTemporaryDir staging;
    constexpr qint64 kMaxImageBytes = 64 * 1024;
    std::string_view contentType;
    std::string_view body;
    mado::fuzz::splitFirstLine(mado::fuzz::view(data, size), contentType, body);

    std::istringstream stream{std::string(body)};
    mado::Submission submission;
    const auto error = mado::SubmissionParser::parse(
        std::string(contentType), stream, staging.path(), kMaxImageBytes,
        [](const QString &nonce) -> std::optional<mado::ApiError> {
            if (nonce.isEmpty())
                return mado::ApiError{400, QStringLiteral("invalid_argument"), QStringLiteral("empty"),
                                      QStringLiteral("challenge")};
            return std::nullopt;
        },
        submission);
    if (error) {
        MADO_FUZZ_CHECK((error->status == 400 || error->status == 422) && !error->code.isEmpty());
    } else {
        MADO_FUZZ_CHECK(!submission.applicant.name.isEmpty() && submission.applicant.dateOfBirth.isValid());
        MADO_FUZZ_CHECK(!submission.challengeNonce.isEmpty());
        MADO_FUZZ_CHECK(submission.documentFront.part == QLatin1String("document_front"));
        for (const auto &frame : submission.frames)
            MADO_FUZZ_CHECK(frame.part.startsWith(QLatin1String("frame")));
    }
    QDir dir(staging.path());
    for (const QFileInfo &file : dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
        MADO_FUZZ_CHECK(file.size() <= kMaxImageBytes);
        QFile::remove(file.filePath());
    }
    return 0;
}
