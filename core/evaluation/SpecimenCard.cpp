#include "core/evaluation/SpecimenCard.h"

#include <QFileInfo>

#include <opencv2/calib3d.hpp>
#if defined(MADO_HAVE_CV_FREETYPE)
#include <opencv2/freetype.hpp>
#endif
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace mado {

namespace {

// Draws text with its top left corner at origin, height pixels high, with the IPA Gothic font when it
// is installed and OpenCV has its freetype module (Japanese), else with OpenCV's built-in Latin font
// (always so on Windows), shrunk to end before x = right: the large specimen mark in that font would
// otherwise run across the portrait, and the card's face would no longer be the photo's.
void drawText(cv::Mat &image, const std::string &japanese, const std::string &latin, cv::Point origin, int height,
              cv::Scalar colour, int right)
{
#if defined(MADO_HAVE_CV_FREETYPE)
    static cv::Ptr<cv::freetype::FreeType2> font = [] {
        const char *const fontPath = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";
        cv::Ptr<cv::freetype::FreeType2> ft;
        if (QFileInfo::exists(QString::fromLatin1(fontPath))) {
            try {
                ft = cv::freetype::createFreeType2();
                ft->loadFontData(fontPath, 0);
            } catch (const cv::Exception &) {
                ft.reset();
            }
        }
        return ft;
    }();
    if (font) {
        font->putText(image, japanese, origin, height, colour, -1, cv::LINE_AA, false); // filled
        return;
    }
#else
    Q_UNUSED(japanese)
#endif
    // The Hershey font has strokes only: their width grows with the scale, as a filled glyph's would.
    constexpr int face = cv::FONT_HERSHEY_SIMPLEX;
    const auto strokeWidth = [](double scale) { return std::max(1, int(std::lround(scale * 1.5))); };
    double scale = cv::getFontScaleFromHeight(face, height);
    int baseline = 0;
    const int width = cv::getTextSize(latin, face, scale, strokeWidth(scale), &baseline).width;
    const int room = right - origin.x;
    if (width > room && room > 0)
        scale *= double(room) / double(width);
    const int lineWidth = strokeWidth(scale);
    const int capital = cv::getTextSize(latin, face, scale, lineWidth, &baseline).height;
    // cv::putText places the baseline at the point given; the text's top is put at origin.y.
    cv::putText(image, latin, cv::Point(origin.x, origin.y + capital), face, scale, colour, lineWidth, cv::LINE_AA);
}

cv::Mat portraitCrop(const cv::Mat &photo, cv::Size slot)
{
    // Centre crop to the slot's aspect ratio, then scale.
    const double aspect = double(slot.width) / double(slot.height);
    int width = photo.cols;
    int height = int(std::lround(width / aspect));
    if (height > photo.rows) {
        height = photo.rows;
        width = int(std::lround(height * aspect));
    }
    const cv::Rect crop((photo.cols - width) / 2, (photo.rows - height) / 2, width, height);
    cv::Mat out;
    cv::resize(photo(crop), out, slot, 0, 0, cv::INTER_AREA);
    return out;
}

} // namespace

cv::Mat SpecimenCard::render(const cv::Mat &portraitBgr, DocumentType type)
{
    cv::Mat card(kHeight, kWidth, CV_8UC3);
    const bool licence = type == DocumentType::DriversLicense;
    const cv::Scalar top = licence ? cv::Scalar(190, 225, 200) : cv::Scalar(235, 215, 190);
    const cv::Scalar bottom = licence ? cv::Scalar(235, 245, 235) : cv::Scalar(250, 240, 225);
    for (int y = 0; y < kHeight; ++y) {
        const double t = double(y) / kHeight;
        card.row(y).setTo(top * (1.0 - t) + bottom * t);
    }
    // A fine guilloche-like pattern, so that the card is not a flat colour.
    for (int i = 0; i < 14; ++i)
        cv::ellipse(card, cv::Point(300, 270), cv::Size(120 + i * 18, 60 + i * 9), 0, 0, 360, cv::Scalar(200, 200, 210), 1,
                    cv::LINE_AA);
    cv::rectangle(card, cv::Rect(0, 0, kWidth, 70), licence ? cv::Scalar(120, 170, 130) : cv::Scalar(170, 120, 60),
                  cv::FILLED);
    // The text side ends before the portrait; the title band spans the card.
    const int textEnd = portraitSlot().x - 16;
    drawText(card, licence ? "運転免許証（見本）" : "個人番号カード（見本）",
             licence ? "DRIVING LICENCE (SPECIMEN)" : "ID CARD (SPECIMEN)", cv::Point(24, 14), 40,
             cv::Scalar(255, 255, 255), kWidth - 24);
    const cv::Scalar ink(40, 40, 40);
    drawText(card, "氏名　見本　太郎", "NAME  SPECIMEN TARO", cv::Point(30, 110), 34, ink, textEnd);
    drawText(card, "住所　東京都見本区見本町一丁目2番3号", "ADDRESS  1-2-3 MIHON-CHO", cv::Point(30, 175), 24, ink,
             textEnd);
    drawText(card, "生年月日　昭和55年4月1日生", "BORN 1980-04-01", cv::Point(30, 225), 24, ink, textEnd);
    drawText(card, "有効期限　令和12年4月1日まで", "VALID UNTIL 2030-04-01", cv::Point(30, 275), 24, ink, textEnd);

    const cv::Rect slot = portraitSlot();
    portraitCrop(portraitBgr, slot.size()).copyTo(card(slot));
    cv::rectangle(card, slot, cv::Scalar(90, 90, 90), 2);

    // The specimen mark, large and red, across the text side of the card.
    drawText(card, "見本", "SPECIMEN", cv::Point(170, 300), 170, cv::Scalar(40, 40, 220), textEnd);
    drawText(card, "SPECIMEN", "SPECIMEN", cv::Point(40, 470), 44, cv::Scalar(40, 40, 220), textEnd);
    return card;
}

SpecimenPhoto SpecimenCard::photograph(const cv::Mat &cardBgr, const SpecimenPhotoOptions &options)
{
    cv::RNG rng(options.seed);
    const cv::Size scene = options.scene;

    // Background: a soft random colour with noise and a gradient, like a desk.
    cv::Mat background(scene, CV_8UC3);
    const cv::Scalar base(rng.uniform(40, 200), rng.uniform(40, 200), rng.uniform(40, 200));
    background.setTo(base);
    cv::Mat noise(scene, CV_8UC3);
    rng.fill(noise, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(12));
    cv::add(background, noise, background);

    // Card corners: scaled and centred, rotated in plane, then tilted with a pinhole model.
    const double cardWidth = options.cardWidthFraction * scene.width;
    const double cardHeight = cardWidth * double(kHeight) / double(kWidth);
    const double rotation = rng.uniform(-options.maxRotationDeg, options.maxRotationDeg) * CV_PI / 180.0;
    const double tiltX = rng.uniform(-options.maxTiltDeg, options.maxTiltDeg) * CV_PI / 180.0;
    const double tiltY = rng.uniform(-options.maxTiltDeg, options.maxTiltDeg) * CV_PI / 180.0;
    const double focal = 1.2 * scene.width;
    const cv::Point2d centre(scene.width / 2.0 + rng.uniform(-0.08, 0.08) * scene.width,
                             scene.height / 2.0 + rng.uniform(-0.08, 0.08) * scene.height);
    const cv::Point2d local[4] = {{-cardWidth / 2, -cardHeight / 2},
                                  {cardWidth / 2, -cardHeight / 2},
                                  {cardWidth / 2, cardHeight / 2},
                                  {-cardWidth / 2, cardHeight / 2}};
    SpecimenPhoto photo;
    std::vector<cv::Point2f> source{{0, 0}, {float(kWidth), 0}, {float(kWidth), float(kHeight)}, {0, float(kHeight)}};
    std::vector<cv::Point2f> target;
    for (int i = 0; i < 4; ++i) {
        const double x = local[i].x * std::cos(rotation) - local[i].y * std::sin(rotation);
        const double y = local[i].x * std::sin(rotation) + local[i].y * std::cos(rotation);
        // Rotate about the vertical axis (tiltY) and the horizontal axis (tiltX), then project.
        const double x1 = x * std::cos(tiltY);
        const double z1 = x * std::sin(tiltY);
        const double y2 = y * std::cos(tiltX) - z1 * std::sin(tiltX);
        const double z2 = y * std::sin(tiltX) + z1 * std::cos(tiltX);
        const double depth = focal + z2;
        target.emplace_back(float(centre.x + focal * x1 / depth), float(centre.y + focal * y2 / depth));
        photo.corners[std::size_t(i)] = target.back();
    }
    const cv::Mat homography = cv::getPerspectiveTransform(source, target);
    cv::Mat warped;
    cv::Mat mask(cardBgr.size(), CV_8UC1, cv::Scalar(255));
    cv::Mat warpedMask;
    cv::warpPerspective(cardBgr, warped, homography, scene, cv::INTER_LINEAR);
    cv::warpPerspective(mask, warpedMask, homography, scene, cv::INTER_LINEAR);
    photo.bgr = background;
    warped.copyTo(photo.bgr, warpedMask);

    // Lighting, blur and the camera's JPEG.
    const double gain = options.brightness > 0 ? options.brightness : rng.uniform(0.8, 1.15);
    photo.bgr.convertTo(photo.bgr, -1, gain, 0);
    const double sigma = options.blurSigma >= 0 ? options.blurSigma : rng.uniform(0.0, 1.2);
    if (sigma > 0.05)
        cv::GaussianBlur(photo.bgr, photo.bgr, cv::Size(0, 0), sigma);
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", photo.bgr, jpeg, {cv::IMWRITE_JPEG_QUALITY, options.jpegQuality});
    photo.bgr = cv::imdecode(jpeg, cv::IMREAD_COLOR);
    return photo;
}

} // namespace mado
