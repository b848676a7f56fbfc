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

QString PerceptualHash::faceHash(const cv::Mat &chip)
{
    cv::Mat gray;
    if (chip.channels() == 3)
        cv::cvtColor(chip, gray, cv::COLOR_BGR2GRAY);
    else
        gray = chip;
    cv::Mat thumb;
    cv::resize(gray, thumb, cv::Size(17, 16), 0, 0, cv::INTER_AREA);
    QString hex;
    for (int y = 0; y < 16; ++y) {
        const auto *row = thumb.ptr<unsigned char>(y);
        int nibble = 0;
        for (int x = 0; x < 16; ++x) {
            nibble = (nibble << 1) | (row[x + 1] > row[x] ? 1 : 0);
            if (x % 4 == 3) {
                hex += QLatin1Char("0123456789abcdef"[nibble]);
                nibble = 0;
            }
        }
    }
    return hex;
}

int PerceptualHash::hexDistance(const QString &a, const QString &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return -1;
    int bits = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        bool okA = false;
        bool okB = false;
        const int x = QString(a.at(i)).toInt(&okA, 16);
        const int y = QString(b.at(i)).toInt(&okB, 16);
        if (!okA || !okB)
            return -1;
        bits += int(std::bitset<4>(unsigned(x ^ y)).count());
    }
    return bits;
}

} // namespace mado
