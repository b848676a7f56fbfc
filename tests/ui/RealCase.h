#pragma once

#include "core/domain/Result.h"
#include "core/domain/Verdict.h"

#include <QString>

#include <memory>
#include <vector>

namespace mado {
class CaseVerifier;
class SanitizedImage;
} // namespace mado

namespace mado::test {

class StoreFixture;

// A real case for UI tests: a bundle written by SampleCaseWriter from one person's photos of
// dlib's examples (a photographed specimen card and four camera frames), verified by the real
// CaseVerifier, sanitised and imported into a StoreFixture's store. import() stores further copies
// under fresh application ids (same images and verdict), which is cheap.
class RealCase {
public:
    // Loads the verifier, writes and verifies the bundle in `directory`.
    // The document photo is 1600×1200 unless given (SampleCaseWriter's default is 12 MP).
    static Result<std::unique_ptr<RealCase>> create(const QString &directory,
                                                    const QString &person = QStringLiteral("John_Salley"),
                                                    int documentWidth = 1600, int documentHeight = 1200);
    ~RealCase();

    const Verdict &verdict() const { return m_verdict; }
    // Imports one copy; the case is "verified" (tax_certificate). Returns the case id.
    Result<qint64> import(StoreFixture &fixture);

private:
    RealCase() = default;
    QString m_directory;
    QByteArray m_bundleJson;
    Verdict m_verdict;
    std::vector<SanitizedImage> m_images;
    int m_copies = 0;
};

} // namespace mado::test
