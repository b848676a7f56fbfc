#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QString>

namespace mado::test {

// A child process's output as text for comparisons: UTF-8, with the CRLF line ends a Windows
// program writes in text mode turned into LF (the tests compare the text, not the line ends).
inline QString processText(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).replace(QLatin1String("\r\n"), QLatin1String("\n"));
}

} // namespace mado::test
