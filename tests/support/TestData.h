#pragma once

#include <QString>

namespace mado::test {

// Where the tests find dlib's example photos fetched by installer/dev/fetch-models.sh:
// MADOGUCHI_SAMPLES_DIR, else $XDG_CACHE_HOME/madoguchi/samples, else ~/.cache/madoguchi/samples.
QString samplesDirectory();
// A file below the samples directory, e.g. "johns/John_Salley/000179_02159509.jpg".
QString sample(const QString &relativePath);
// The nth photo (sorted by name) of a person in examples/johns.
QString johnPhoto(const QString &person, int index);

} // namespace mado::test
