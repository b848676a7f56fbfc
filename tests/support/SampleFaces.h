#pragma once

#include <QString>

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

namespace mado::test {

// Decodes a sample photo into 8-bit BGR with the production ImageDecoder; empty (and a warning)
// when it cannot be read.
cv::Mat loadBgr(const QString &path);

// The 24 faces of dlib's faces/bald_guys.jpg (1986x1545 px; 4 people x 6 photos), numbered in
// the order the HOG detector returned them (largest first). Tests name a face by this number;
// baldGuysFacePoint() is a point inside its detection box. baldGuysPerson() is who it is, from the
// shipped hand labels (resources/samples/bald_guys.labels.json through LabelledFaces): the person
// whose labelled face centre is nearest, e.g. "Jason_Statham".
constexpr int kBaldGuysFaces = 24;
QString baldGuysPath();
cv::Point baldGuysFacePoint(int face);
QString baldGuysPerson(int face);

} // namespace mado::test
