#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace mado {

class Spool;

// The photos an applicant sent through LINE after a resubmission request (stored by
// WebhookWorker in table resubmitted_images and under <spool>-files/resubmissions/), for the
// workstation API: list them with their bytes, and delete them once the workstation has them.
// Thread-safe (the spool serialises the database). Errors: NotFound (unknown application), Io.
class ResubmissionStore {
public:
    explicit ResubmissionStore(Spool &spool) : m_spool(spool) {}

    // File name and bytes of each image, oldest first.
    Result<std::vector<std::pair<QString, QByteArray>>> images(const QString &applicationId) const;
    // Deletes the rows, then the files. Returns how many images were deleted.
    Result<int> remove(const QString &applicationId);

private:
    Result<std::vector<QString>> fileNames(const QString &applicationId) const;

    Spool &m_spool;
};

} // namespace mado
