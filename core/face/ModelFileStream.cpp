#include "core/face/ModelFileStream.h"

#include <dlib/serialize.h>

#include <filesystem>

namespace mado {

std::ifstream ModelFileStream::open(const QString &path)
{
    const std::string utf8 = path.toStdString();
    std::ifstream in(std::filesystem::u8path(utf8), std::ios::binary);
    if (!in)
        throw dlib::serialization_error("Unable to open " + utf8 + " for reading.");
    return in;
}

} // namespace mado
