#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado {

class ModelSet;

// `madoguchi-cli bench descriptor`: per-stage timings of the face pipeline (HOG detection,
// 5-point alignment, ResNet descriptor) over the JPEG and PNG images below a directory
// (recursively), `rounds` times each, on the first face detected in each image.
// Images that cannot be decoded are left out; an image without a face is timed for detection
// only. The descriptor network's first call (buffer allocation) is made before timing starts.
// Errors: ModelMissing/ModelCorrupt from the model set. Runs on the calling thread (seconds to
// minutes: rounds x images x ~0.1-0.5 s).
class DescriptorBenchmark {
public:
    struct Report {
        int images = 0; // decoded images
        int rounds = 0;
        int faces = 0; // aligned and described faces over all rounds
        double detectMedianMs = 0.0;
        double alignMedianMs = 0.0;
        double descriptorMedianMs = 0.0;
        QString blas; // the BLAS library dlib loaded
    };

    static Result<Report> run(const ModelSet &models, const QString &imageDirectory, int rounds);
};

} // namespace mado
