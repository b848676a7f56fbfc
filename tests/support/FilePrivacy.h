#pragma once

#include <QString>

namespace mado {

// For tests of secret files: who, besides the current user, may read a file. Linux: "group" and/or
// "others" from the mode bits. Windows: the accounts its access list lets in (WindowsFileAccess;
// QFile::permissions() does not read access lists there and reports every file as readable by all).
// Empty when nobody else may; a text saying so when it cannot be read.
QString othersWhoMayRead(const QString &path);

// Makes an existing file private to the current user (Linux: mode 0600; Windows: a protected access
// list granting the current user alone, as WindowsFileAccess::createOwnerOnly writes), or readable by
// everyone as well (Linux: 0644; Windows: Everyone may read). A copied or restored key file needs the
// first; a test of the refusal the second. False when the system refused.
bool makeFilePrivate(const QString &path);
bool exposeFileToEveryone(const QString &path);

} // namespace mado
