#include "ui/support/CaseLoader.h"

#include "core/face/CardDetector.h"
#include "core/face/CaseVerifier.h"
#include "core/face/ImageDecoder.h"
#include "core/jpki/FactComparison.h"
#include "core/store/CaseStore.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QPolygonF>
#include <QThreadPool>
#include <QtConcurrent>

#include <opencv2/imgproc.hpp>

namespace mado {

namespace {

QImage toQImage(const cv::Mat &bgr)
{
    if (bgr.empty())
        return QImage();
    // Converted straight into the image's pixels: one pass, no intermediate copy.
    QImage image(bgr.cols, bgr.rows, QImage::Format_RGB888);
    cv::Mat target(bgr.rows, bgr.cols, CV_8UC3, image.bits(), std::size_t(image.bytesPerLine()));
    cv::cvtColor(bgr, target, cv::COLOR_BGR2RGB);
    return image;
}

// The document is decoded the way the engine decoded it, so that the verdict's card corners and
// face coordinates fit the image. Empty bytes (no such image) give an empty matrix.
Result<cv::Mat> decodeBytes(const QByteArray &bytes, int minLongSide)
{
    if (bytes.isEmpty())
        return cv::Mat();
    auto decoded = ImageDecoder().decodeReduced(bytes, minLongSide);
    if (!decoded)
        return decoded.error();
    return decoded.value().bgr;
}

} // namespace

Result<CaseData> CaseLoader::load(CaseStore &store, qint64 userId, qint64 caseId)
{
    QElapsedTimer timer;
    timer.start();
    CaseData data;
    auto record = store.viewCase(userId, caseId);
    if (!record)
        return record.error();
    data.record = record.value();
    auto verdict = store.latestVerdict(caseId);
    if (!verdict)
        return verdict.error();
    data.verdict = verdict.value();
    if (data.record.applicant) {
        auto entries = store.registerEntries(data.record.applicant->name, data.record.applicant->dateOfBirth);
        if (!entries)
            return entries.error();
        data.registerEntries = entries.value();
        if (data.record.signature) {
            if (auto facts = SignerFacts::fromSignature(data.record.signature->cms)) {
                data.signerFacts = facts.value();
                data.signerDifferences =
                    FactComparison::differences(facts.value(), *data.record.applicant, data.registerEntries);
            }
        }
    }

    // Retention deleted the images: the case is shown without them (CaseView says so).
    if (data.record.retentionPurgedAt.isValid()) {
        data.loadMs = double(timer.nsecsElapsed()) / 1e6;
        return data;
    }

    // The bytes are read on this thread (its own store connection); only the decoding runs in
    // parallel on the global pool.
    std::vector<std::pair<QByteArray, int>> encoded;
    const std::size_t frameCount = data.verdict ? std::max<std::size_t>(data.verdict->frames.size(), 4) : 4;
    for (std::size_t i = 0; i <= frameCount; ++i) {
        const QString role = i == 0 ? QStringLiteral("document_front") : QStringLiteral("frame%1").arg(i - 1);
        auto bytes = store.viewImage(userId, caseId, role);
        // A missing image is not an error (a case may lack a frame); a failing store is.
        if (!bytes && bytes.error().code != ErrorCode::NotFound)
            return bytes.error();
        encoded.emplace_back(bytes ? bytes.value() : QByteArray(), i == 0 ? CaseVerifier::kDocumentDecodeSide : 0);
    }
    // This thread is usually a pool thread itself (runInBackground): while it only waits for the
    // decoders it gives its slot back, or two case loads at once would hold both threads of a
    // two-core pool and wait for decoders that can never start.
    QThreadPool *pool = QThreadPool::globalInstance();
    pool->releaseThread();
    const std::vector<Result<cv::Mat>> decoded = QtConcurrent::blockingMapped<std::vector<Result<cv::Mat>>>(
        encoded, [](const std::pair<QByteArray, int> &image) { return decodeBytes(image.first, image.second); });
    pool->reserveThread();
    for (const Result<cv::Mat> &image : decoded) {
        if (!image)
            return image.error();
    }
    const cv::Mat document = decoded[0].value();
    if (data.verdict && data.verdict->document.cardFound && data.verdict->document.cardCorners.size() == 8) {
        const std::vector<float> &c = data.verdict->document.cardCorners;
        data.card = toQImage(CardDetector::rectify(document, {cv::Point2f(c[0], c[1]), cv::Point2f(c[2], c[3]),
                                                              cv::Point2f(c[4], c[5]), cv::Point2f(c[6], c[7])}));
    }
    // The full photo is only shown when the portrait was not taken from the card.
    if (data.card.isNull() || !data.verdict || data.verdict->document.portraitSource != QLatin1String("card"))
        data.document = toQImage(document);
    if (!document.empty()) {
        cv::Mat small;
        const double f = double(kOverviewWidth) / document.cols;
        cv::resize(document, small, cv::Size(), f, f, cv::INTER_AREA);
        data.documentOverview = toQImage(small);
        if (!data.card.isNull()) {
            const std::vector<float> &c = data.verdict->document.cardCorners;
            QPolygonF quad;
            for (std::size_t i = 0; i + 1 < c.size(); i += 2)
                quad << QPointF(c[i] * f, c[i + 1] * f);
            QPainter painter(&data.documentOverview);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(QColor(0, 200, 255), 2));
            painter.drawPolygon(quad);
        }
    }
    for (std::size_t i = 1; i < decoded.size(); ++i) {
        if (decoded[i].value().empty())
            break;
        const cv::Mat &frame = decoded[i].value();
        data.frames.push_back(toQImage(frame));
        cv::Mat small;
        const double f = double(kThumbnailHeight) / frame.rows;
        cv::resize(frame, small, cv::Size(), f, f, cv::INTER_AREA);
        data.thumbnails.push_back(toQImage(small));
        const std::size_t index = i - 1;
        data.askedDirections.push_back(
            data.verdict && index < data.verdict->frames.size() ? data.verdict->frames[index].asked : Direction::Front);
    }
    data.loadMs = double(timer.nsecsElapsed()) / 1e6;
    return data;
}

} // namespace mado
