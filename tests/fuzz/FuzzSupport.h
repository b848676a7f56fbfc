#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// Helpers shared by the fuzz targets (tests/fuzz/fuzz_*.cpp), built both with libFuzzer (MADO_FUZZ) and
// with ReplayMain.cpp in the normal test build.

// A property the code under test must keep; a broken one aborts, which libFuzzer and the replay report.
#define MADO_FUZZ_CHECK(condition)                                                                          \
    do {                                                                                                   \
        if (!(condition)) {                                                                                \
            std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #condition);         \
            std::abort();                                                                                  \
        }                                                                                                  \
    } while (false)

namespace mado::fuzz {

// Drops Qt's debug, info and warning messages (the code under test logs refusals; millions of runs would
// bury libFuzzer's own output), keeps critical ones and lets qFatal/Q_ASSERT abort as usual.
inline void quietQt()
{
    static const bool installed = [] {
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fprintf(stderr, "%s\n", qPrintable(message));
            if (type == QtFatalMsg)
                std::abort();
        });
        return true;
    }();
    (void)installed;
}

inline std::string_view view(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Splits the input at its first '\n': the head (e.g. a Content-Type) and the rest (the body).
inline void splitFirstLine(std::string_view input, std::string_view &first, std::string_view &rest)
{
    const std::size_t eol = input.find('\n');
    first = input.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1);
}

} // namespace mado::fuzz
