#pragma once

#include <QString>

namespace mado {

// For tests of secret files: who, besides the current user, may read a file. Linux: "group" and/or
// "others" from the mode bits. Windows: the accounts its access list lets in (WindowsFileAccess;
// QFile::permissions() does not read access lists there and reports every file as readable by all).
// Empty when nobody else may; a text saying so when it cannot be read.
QString othersWhoMayRead(const QString &path);

} // namespace mado
