#pragma once

#include <QString>

namespace mado {

// Names the BLAS library the process actually loaded (dlib's descriptor speed depends on it:
// OpenBLAS is about 15x faster than the reference BLAS): on Linux the shared objects loaded, on
// Windows the DLLs. Any thread.
class BlasInfo {
public:
    // Resolved path of the loaded libblas, or an empty string when none is loaded.
    static QString loadedLibrary();
    static bool isOpenBlas();
};

} // namespace mado
