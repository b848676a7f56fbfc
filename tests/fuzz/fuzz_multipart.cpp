// Fuzz target: SubmissionParser, the multipart/form-data parser of POST /api/v1/applications.
// Input: a first line (the Content-Type header's value), then the body.
// Properties: either a 400 ApiError, or a Submission with every required field and part present.

#include "core/intake/SubmissionParser.h"
#include "tests/fuzz/FuzzSupport.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mado::fuzz::quietQt();
    std::string_view contentType;
    std::string_view body;
    mado::fuzz::splitFirstLine(mado::fuzz::view(data, size), contentType, body);

    mado::Submission submission;
    const auto error = mado::SubmissionParser::parse(std::string(contentType),
                                                     QByteArray(body.data(), qsizetype(body.size())), submission);
    if (error) {
        MADO_FUZZ_CHECK(error->status == 400 && !error->code.isEmpty());
        return 0;
    }
    MADO_FUZZ_CHECK(!submission.applicant.name.isEmpty() && submission.applicant.dateOfBirth.isValid());
    MADO_FUZZ_CHECK(!submission.challengeNonce.isEmpty());
    MADO_FUZZ_CHECK(submission.documentFront.part == QLatin1String("document_front"));
    for (const auto &frame : submission.frames)
        MADO_FUZZ_CHECK(frame.part.startsWith(QLatin1String("frame")));
    return 0;
}
