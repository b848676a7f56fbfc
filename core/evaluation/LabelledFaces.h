#pragma once

#include "core/domain/Result.h"

#include <QMap>
#include <QString>

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include <vector>

namespace mado {

// Cuts the labelled faces out of a group photo: LABELS is {"people": {"name": [[x, y], ...]}}, one
// point per face (its centre, in image pixels). Each face becomes a crop three times its detection
// box, like a portrait photo. Labels without a detected face are counted as missed.
// Runs on the calling thread (a full-resolution HOG pass).
class LabelledFaces {
public:
    struct Split {
        QMap<QString, std::vector<cv::Mat>> photos; // person -> crops, in label order
        int missed = 0;
    };
    static Result<Split> split(const cv::Mat &groupBgr, const QByteArray &labelsJson);
    // The labelled face centres per person, in label order; empty when the JSON holds no people.
    static QMap<QString, std::vector<cv::Point>> points(const QByteArray &labelsJson);
    // The labels shipped for dlib's faces/bald_guys.jpg (resources/samples/bald_guys.labels.json).
    static QByteArray baldGuysLabels();
};

} // namespace mado
