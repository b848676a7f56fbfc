#pragma once

#include "core/domain/Result.h"
#include "core/face/ModelSet.h"

#include <QList>
#include <QString>

#include <atomic>

namespace mado {

// Fetches dlib's face models the way installer/dev/fetch-models.sh does, without apt or shell
// tools: downloads Debian's dlib models source archive (a .tar.bz2 of the dlib-models repository,
// about 200 MB; the URL is configurable, MADOGUCHI_MODELS_URL overrides the default), optionally
// checks the archive's SHA-256, unpacks the models the workstation uses from it (bzip2-compressed
// or plain inside), checks each against the SHA-256 compiled in from resources/models/SHA256SUMS
// (ModelSet) and only then moves it into the models directory. A file with another hash is never
// installed (ModelCorrupt naming the file). The archive is kept in a temporary file in the models
// directory while it is unpacked and removed afterwards. Blocking; run it off the GUI thread. The
// Progress it updates may be read from any thread while it runs.
class ModelFetcher {
public:
    struct Source {
        QString url;
        QString archiveSha256; // lower-case hex; empty: only the models' own hashes are checked
    };

    // What fetch() is doing, for a progress bar polled from another thread; cancel stops it.
    struct Progress {
        enum Stage : int { Starting, Downloading, Unpacking, Done };
        std::atomic<int> stage{Starting};
        std::atomic<qint64> done{0};   // bytes downloaded, or archive bytes unpacked
        std::atomic<qint64> total{-1}; // -1: unknown
        std::atomic<bool> cancel{false};
    };

    // Debian's archive (https://deb.debian.org/…/dlib_19.24+dfsg.orig-dlib-models.tar.bz2), or
    // MADOGUCHI_MODELS_URL when set.
    static Source defaultSource();
    // The models fetch() installs: the ones the face engine uses, all CC0 (not the 68-point
    // predictor, whose licence forbids commercial use).
    static QList<Model> fetchedModels();

    // Installs fetchedModels() into `directory` (created if needed). Errors: Network or NotFound
    // (download), ModelCorrupt (archive or model hash differs), ModelMissing (a model is not in the
    // archive), BundleInvalid (not a .tar.bz2), Io (directory not writable), InvalidState (cancelled).
    static Status fetch(const Source &source, const QString &directory, Progress &progress);
};

} // namespace mado
