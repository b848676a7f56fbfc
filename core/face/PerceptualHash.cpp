#include "core/face/PerceptualHash.h"

#include <opencv2/imgproc.hpp>

#include <bitset>

namespace mado {

std::uint64_t PerceptualHash::of(const cv::Mat &bgr)
{
    cv::Mat gray;
    if (bgr.channels() == 3)
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    else
        gray = bgr;
    cv::Mat thumb;
    cv::resize(gray, thumb, cv::Size(9, 8), 0, 0, cv::INTER_AREA);
    std::uint64_t hash = 0;
    for (int y = 0; y < 8; ++y) {
        const auto *row = thumb.ptr<unsigned char>(y);
        for (int x = 0; x < 8; ++x)
            hash = (hash << 1) | (row[x + 1] > row[x] ? 1u : 0u);
    }
    return hash;
}

int PerceptualHash::distance(std::uint64_t a, std::uint64_t b)
{
    return int(std::bitset<64>(a ^ b).count());
}

QString PerceptualHash::toHex(std::uint64_t hash)
{
    return QStringLiteral("%1").arg(quint64(hash), 16, 16, QLatin1Char('0'));
}

std::uint64_t PerceptualHash::fromHex(const QString &hex)
{
    return hex.toULongLong(nullptr, 16);
}

} // namespace mado
