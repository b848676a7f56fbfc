#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace mado {

class Spool;

// The photos an applicant sent through LINE after a resubmission request (stored by
// WebhookWorker in table resubmitted_images and under <spool>-files/resubmissions/), for the
// workstation API: list them with their bytes one page at a time, and delete them once the
// workstation has them. Thread-safe (the spool serialises the database). Errors: NotFound
// (unknown application), InvalidArgument (offset past the end), Io.
class ResubmissionStore {
public:
    struct Page {
        std::vector<std::pair<QString, QByteArray>> files; // file name and bytes, oldest first
        int offset = 0;
        int total = 0; // images of the application
    };

    explicit ResubmissionStore(Spool &spool) : m_spool(spool) {}

    // The images from offset on: at most maxImages, and no more than maxBytes in all unless the
    // first alone is larger (a page always makes progress while images are left).
    Result<Page> images(const QString &applicationId, int offset = 0, int maxImages = 1 << 30,
                        qint64 maxBytes = std::numeric_limits<qint64>::max()) const;
    // Deletes the rows, then the files: the named ones, or all without names. Returns how many
    // images were deleted.
    Result<int> remove(const QString &applicationId, const std::optional<QStringList> &names = std::nullopt);

private:
    Result<std::vector<QString>> fileNames(const QString &applicationId) const;

    Spool &m_spool;
};

} // namespace mado
