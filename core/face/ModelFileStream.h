#pragma once

#include <QString>

#include <fstream>

namespace mado {

// Opens a model file for dlib to read (dlib::deserialize(stream) >> object) by its whole Unicode
// path. dlib's deserialize(std::string) opens the narrow path, which Windows reads in the ANSI code
// page, so a models folder under a profile with Japanese letters (%LOCALAPPDATA%) would not open
// there; std::filesystem::u8path hands Windows the UTF-16 path and Linux the same UTF-8 bytes as
// before. open() throws dlib's serialization_error, as deserialize(std::string) does, when the file
// cannot be opened. Stateless; any thread.
class ModelFileStream {
public:
    static std::ifstream open(const QString &path);
};

} // namespace mado
