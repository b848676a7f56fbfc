#include "core/evaluation/DemoCases.h"

#include "core/evaluation/JpegFile.h"
#include "core/evaluation/LabelledFaces.h"
#include "core/evaluation/PlaneTilt.h"
#include "core/evaluation/SampleCaseWriter.h"
#include "core/face/HeadPose.h"
#include "core/face/HeadTurnCheck.h"
#include "core/face/HogFaceDetector.h"
#include "core/face/ImageDecoder.h"
#include "core/face/LandmarkModel68.h"

#include <QDir>
#include <QFile>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <iterator>
#include <cmath>
#include <map>

namespace mado {

namespace {

// What one person's photos offer: frames by the direction they pass (best first, each from a
// different photo or mirror image), and a document portrait.
struct Person {
    QString name;
    cv::Mat portrait;                              // a frontal photo, not used as a frame
    std::map<Direction, std::vector<cv::Mat>> pool; // frames that pass the head-turn check
    // Two different frames for each side: any left/right challenge can be answered without
    // sending one picture twice.
    bool complete() const
    {
        return pool.count(Direction::Front) && pool.count(Direction::Left) && pool.count(Direction::Right) &&
               pool.at(Direction::Left).size() >= 2 && pool.at(Direction::Right).size() >= 2;
    }
};

// The frame as the workstation will see it: through the receiver's JPEG.
cv::Mat jpegRoundTrip(const cv::Mat &frame)
{
    std::vector<uchar> bytes;
    cv::imencode(".jpg", frame, bytes, {cv::IMWRITE_JPEG_QUALITY, 90});
    return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

class PoseMeter {
public:
    PoseMeter(std::shared_ptr<const LandmarkModel68> model, HeadTurnCheck check)
        : m_model(std::move(model)), m_check(check)
    {
    }
    std::optional<HeadPose> measure(const cv::Mat &frame)
    {
        const cv::Mat seen = jpegRoundTrip(frame);
        cv::Mat gray;
        cv::cvtColor(seen, gray, cv::COLOR_BGR2GRAY);
        const auto faces = m_detector.detect(gray, 480);
        if (faces.empty())
            return std::nullopt;
        auto landmarks = m_model->locate(seen, faces.front().rect);
        if (!landmarks)
            return std::nullopt;
        auto pose = HeadPose::estimate(landmarks.value(), seen.size());
        return pose ? std::optional<HeadPose>(pose.value()) : std::nullopt;
    }
    bool passes(Direction d, const HeadPose &pose) const { return m_check.evaluate(d, pose).passed; }

private:
    std::shared_ptr<const LandmarkModel68> m_model;
    HeadTurnCheck m_check;
    HogFaceDetector m_detector;
};

// How far a pose is from a comfortable challenge answer (about 20 degrees; profiles are unreliable).
double distanceFromIdeal(Direction d, const HeadPose &pose)
{
    switch (d) {
    case Direction::Front:
        return std::abs(pose.yaw) + std::abs(pose.pitch);
    case Direction::Left:
    case Direction::Right:
        return std::abs(std::abs(pose.yaw) - 20.0) + (std::abs(pose.yaw) > 35.0 ? 100.0 : 0.0);
    case Direction::Up:
    case Direction::Down:
        return std::abs(std::abs(pose.pitch) - 15.0) + (std::abs(pose.pitch) > 30.0 ? 100.0 : 0.0);
    }
    return 1e9;
}

Person buildPerson(const QString &name, const std::vector<cv::Mat> &photos, PoseMeter &meter, unsigned seed)
{
    struct Candidate {
        double score;
        cv::Mat frame;
        std::size_t photo;
    };
    std::map<Direction, std::vector<Candidate>> candidates;
    auto consider = [&](const cv::Mat &frame, std::size_t photo) {
        const auto pose = meter.measure(frame);
        if (!pose)
            return;
        for (Direction d : {Direction::Front, Direction::Left, Direction::Right, Direction::Up, Direction::Down}) {
            if (meter.passes(d, *pose))
                candidates[d].push_back(Candidate{distanceFromIdeal(d, *pose), frame, photo});
        }
    };
    for (std::size_t i = 0; i < photos.size(); ++i) {
        const cv::Mat frame = SampleCaseWriter::cameraFrame(photos[i], cv::Size(1280, 720), ++seed);
        consider(frame, i);
        cv::Mat mirrored; // a turn to one side is, mirrored, a turn to the other
        cv::flip(frame, mirrored, 1);
        if (!candidates[Direction::Left].empty() || !candidates[Direction::Right].empty())
            consider(mirrored, i);
    }
    Person person;
    person.name = name;
    for (auto &[direction, list] : candidates)
        std::sort(list.begin(), list.end(), [](const Candidate &a, const Candidate &b) { return a.score < b.score; });
    const auto &front = candidates[Direction::Front];
    if (front.size() < 2)
        return person;
    const std::size_t portraitPhoto = front[0].photo;
    person.portrait = photos[portraitPhoto];
    for (auto &[direction, list] : candidates) {
        for (const Candidate &c : list) {
            if (c.photo == portraitPhoto && direction == Direction::Front)
                continue; // the card's photo is never a selfie frame
            if (person.pool[direction].size() < 2)
                person.pool[direction].push_back(c.frame);
        }
        if (person.pool[direction].empty())
            person.pool.erase(direction);
    }
    return person;
}

// pool/<direction>.jpg, and pool/<direction>-2.jpg for a second, different frame.
Status writePool(const QString &directory, const std::map<Direction, std::vector<cv::Mat>> &pool)
{
    const QDir dir(QDir(directory).filePath(QStringLiteral("pool")));
    if (!QDir().mkpath(dir.path()))
        return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(dir.path())};
    for (const auto &[direction, frames] : pool) {
        for (std::size_t i = 0; i < frames.size(); ++i) {
            const QString path =
                dir.filePath(directionName(direction) + (i ? QStringLiteral("-%1").arg(i + 1) : QString()) + QStringLiteral(".jpg"));
            if (auto written = JpegFile::write(path, frames[i], 90); !written)
                return written.error();
        }
    }
    return {};
}

using Pool = std::map<Direction, std::vector<cv::Mat>>;

const cv::Mat &pick(const Pool &pool, Direction d, std::size_t occurrence)
{
    const auto it = pool.find(d);
    if (it == pool.end() || it->second.empty())
        return pool.at(Direction::Front).front();
    return it->second[std::min(occurrence, it->second.size() - 1)];
}

// A frame as a phone camera takes it in a dim room: dark, low contrast, with sensor noise.
cv::Mat darkened(const cv::Mat &frame)
{
    cv::Mat dark;
    frame.convertTo(dark, -1, 0.18, 4.0);
    cv::Mat noise(dark.size(), dark.type());
    cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(3));
    cv::add(dark, noise, dark);
    return dark;
}

ApplicantForm applicant(int n, const QString &procedure)
{
    static const char *const given[] = {"一郎", "二郎", "三郎", "四郎", "五郎", "六郎", "七郎", "八郎",
                                         "九郎", "十郎", "健太", "翔太", "大輔", "拓也", "直樹", "浩二",
                                         "誠",   "学",   "聡",   "剛",   "修",   "隆",   "博",   "茂"};
    static const char *const givenKana[] = {"イチロウ", "ジロウ", "サブロウ", "シロウ", "ゴロウ", "ロクロウ",
                                             "シチロウ", "ハチロウ", "クロウ", "ジュウロウ", "ケンタ", "ショウタ",
                                             "ダイスケ", "タクヤ", "ナオキ", "コウジ", "マコト", "マナブ",
                                             "サトシ", "ツヨシ", "オサム", "タカシ", "ヒロシ", "シゲル"};
    static_assert(std::size(given) == std::size(givenKana));
    const int i = n % int(std::size(given));
    ApplicantForm form;
    form.procedure = procedure;
    form.name = QStringLiteral("見本 ") + QString::fromUtf8(given[i]);
    form.kana = QStringLiteral("ミホン ") + QString::fromUtf8(givenKana[i]);
    form.dateOfBirth = QDate(1960 + (n * 3) % 40, 1 + n % 12, 1 + (n * 7) % 28);
    form.address = PostalAddress{QStringLiteral("100-00%1").arg(10 + n), QStringLiteral("東京都"),
                                 QStringLiteral("見本区"), QStringLiteral("見本町1-2-%1").arg(n + 1)};
    form.phone = QStringLiteral("03-0000-%1").arg(1000 + n);
    form.copies = 1 + n % 2;
    return form;
}

// The basic four facts as J-LIS writes them into a signing certificate (core/jpki/JpkiProfile.h),
// one a line for make-test-pki.sh: 氏名 with an ideographic space, 生年月日 EYYYYMMDD (3 昭和,
// 4 平成), 性別 (1), 住所 with full-width digits and 丁目/番/号 (the form writes 見本町1-2-N).
QString signerFacts(const ApplicantForm &form, int n)
{
    QString wide;
    for (QChar c : QString::number(n + 1))
        wide += QChar(char16_t(c.unicode() - u'0' + 0xFF10));
    const QChar era = form.dateOfBirth < QDate(1989, 1, 8) ? QLatin1Char('3') : QLatin1Char('4');
    return QStringList{QString(form.name).replace(QLatin1Char(' '), QChar(0x3000)),
                       era + form.dateOfBirth.toString(QStringLiteral("yyyyMMdd")), QStringLiteral("1"),
                       form.address.prefecture + form.address.city + QStringLiteral("見本町１丁目２番") + wide +
                           QStringLiteral("号")}
               .join(QLatin1Char('\n')) +
           QLatin1Char('\n');
}

} // namespace

Result<std::vector<DemoCases::Case>> DemoCases::prepare(const ModelSet &models, const FaceThresholds &thresholds,
                                                         const QString &samplesDirectory, const QString &outputDirectory)
{
    auto landmarkModel = LandmarkModel68::load(models);
    if (!landmarkModel)
        return landmarkModel.error();
    PoseMeter meter(landmarkModel.value(), HeadTurnCheck(thresholds.headTurn));
    const ImageDecoder decoder;

    // Everyone's photos: johns/<person>/ and the people of bald_guys.jpg.
    std::map<QString, std::vector<cv::Mat>> photos;
    const QDir johns(QDir(samplesDirectory).filePath(QStringLiteral("johns")));
    for (const QString &name : johns.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(johns.filePath(name));
        for (const QString &file : dir.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name)) {
            auto image = decoder.decodeFile(dir.filePath(file));
            if (image)
                photos[name].push_back(image.value().bgr);
        }
    }
    auto group = decoder.decodeFile(QDir(samplesDirectory).filePath(QStringLiteral("faces/bald_guys.jpg")));
    if (!group)
        return Error{group.error().code, QStringLiteral("faces/bald_guys.jpg: %1").arg(group.error().message)};
    auto split = LabelledFaces::split(group.value().bgr, LabelledFaces::baldGuysLabels());
    if (!split)
        return split.error();
    for (auto it = split.value().photos.begin(); it != split.value().photos.end(); ++it)
        photos[it.key()] = it.value();

    std::vector<Person> complete;
    std::vector<Person> incomplete;
    unsigned seed = 100;
    for (const auto &[name, list] : photos) {
        Person person = buildPerson(name, list, meter, seed += 50);
        if (person.portrait.empty() || !person.pool.count(Direction::Front))
            continue;
        (person.complete() ? complete : incomplete).push_back(std::move(person));
    }
    if (complete.size() < 2)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("too few people with turned photos in %1").arg(samplesDirectory)};

    QDir().mkpath(outputDirectory);
    std::vector<Case> cases;
    QString register_ = QStringLiteral("resident_code,name,kana,date_of_birth,postal_code,prefecture,city,address_line\n");
    QString scenarios;
    int n = 0;
    auto add = [&](const QString &scenario, const Person &face, const cv::Mat &portrait, const Pool &pool,
                   const QString &procedure, DocumentType type, double documentBlur, bool registerDiffers) -> Status {
        ++n;
        SampleCaseWriter::Input input;
        input.sequence = n;
        input.seed = unsigned(1000 + n);
        input.portrait = portrait;
        input.procedure = procedure;
        input.documentType = type;
        input.documentBlurSigma = documentBlur;
        input.applicant = applicant(n, procedure);
        input.directions = {Direction::Left, Direction::Right, Direction::Left};
        input.frames = {pick(pool, Direction::Front, 0), pick(pool, Direction::Left, 0), pick(pool, Direction::Right, 0),
                        pick(pool, Direction::Left, 1)};
        const QString directory = QDir(outputDirectory).filePath(QStringLiteral("%1-%2").arg(n, 2, 10, QLatin1Char('0')).arg(scenario));
        auto bundle = SampleCaseWriter::write(directory, input);
        if (!bundle)
            return bundle.error();
        const Status written = writePool(directory, pool);
        if (!written)
            return written;
        const ApplicantForm &f = *input.applicant;
        register_ += QStringLiteral("R-%1,%2,%3,%4,%5,%6,%7,%8\n")
                         .arg(n, 4, 10, QLatin1Char('0'))
                         .arg(f.name, f.kana, f.dateOfBirth.toString(Qt::ISODate), f.address.postalCode,
                              f.address.prefecture, f.address.city,
                              registerDiffers ? QStringLiteral("登録町9-9-9") : f.address.line);
        scenarios += QStringLiteral("%1 %2 (%3)\n").arg(n, 2, 10, QLatin1Char('0')).arg(scenario, face.name);
        cases.push_back(Case{scenario, directory});
        return {};
    };

    const QString tax = QStringLiteral("tax_certificate");
    const double sharp = 0.3; // a steady phone camera
    Status status;
    // Good matches, one per person who can turn both ways, with a mix of documents and procedures.
    const QString procedures[] = {tax, QStringLiteral("tax_exemption_certificate"), QStringLiteral("tax_payment_certificate")};
    for (std::size_t i = 0; status && i < complete.size(); ++i)
        status = add(QStringLiteral("good"), complete[i], complete[i].portrait, complete[i].pool, procedures[i % 3],
                     i % 2 ? DocumentType::DriversLicense : DocumentType::MyNumberCard, sharp, false);
    const Person &a = complete[0];
    const Person &b = complete[1 % complete.size()];
    if (status)
        status = add(QStringLiteral("juminhyo_held_by_policy"), a, a.portrait, a.pool, QStringLiteral("juminhyo_copy"),
                     DocumentType::MyNumberCard, sharp, false);
    if (status)
        status = add(QStringLiteral("register_address_differs"), b, b.portrait, b.pool, tax, DocumentType::MyNumberCard,
                     sharp, true);
    if (status) // someone else's ID card
        status = add(QStringLiteral("mismatch"), b, (incomplete.empty() ? a : incomplete.front()).portrait, b.pool, tax,
                     DocumentType::DriversLicense, sharp, false);
    if (status) { // a printed photo held up and tilted
        const cv::Mat &held = pick(a.pool, Direction::Front, 0);
        const Pool print{{Direction::Front, {held}},
                         {Direction::Left, {PlaneTilt::view(held, 30, 0), PlaneTilt::view(held, 25, 3)}},
                         {Direction::Right, {PlaneTilt::view(held, -30, 0), PlaneTilt::view(held, -25, -3)}},
                         {Direction::Up, {PlaneTilt::view(held, 0, 20)}},
                         {Direction::Down, {PlaneTilt::view(held, 0, -20)}}};
        status = add(QStringLiteral("flat_photo"), a, a.portrait, print, tax, DocumentType::MyNumberCard, sharp, false);
    }
    if (status)
        status = add(QStringLiteral("blurred_document"), b, b.portrait, b.pool, tax, DocumentType::MyNumberCard, 6.0, false);
    if (status) { // turns the other way each time
        Pool swapped = a.pool;
        std::swap(swapped[Direction::Left], swapped[Direction::Right]);
        status = add(QStringLiteral("wrong_direction"), a, a.portrait, swapped, tax, DocumentType::DriversLicense, sharp, false);
    }
    if (status) { // one frame sent for two steps
        Pool replay = b.pool;
        replay[Direction::Left] = {b.pool.at(Direction::Left).front()};
        replay[Direction::Right] = {b.pool.at(Direction::Right).front()};
        status = add(QStringLiteral("repeated_frame"), b, b.portrait, replay, tax, DocumentType::MyNumberCard, sharp, false);
    }
    if (status) { // the ID card's own photo sent as the frontal selfie
        const Person &c = complete[2 % complete.size()];
        Pool copied = c.pool;
        copied[Direction::Front] = {SampleCaseWriter::cameraFrame(c.portrait, cv::Size(1280, 720), 77)};
        status = add(QStringLiteral("id_photo_as_selfie"), c, c.portrait, copied, tax, DocumentType::MyNumberCard,
                     sharp, false);
    }
    if (status) { // a selfie taken in a dark room: the applicant should send it again
        const Person &d = complete[3 % complete.size()];
        Pool dark;
        for (const auto &[direction, frames] : d.pool) {
            for (const cv::Mat &frame : frames)
                dark[direction].push_back(darkened(frame));
        }
        status = add(QStringLiteral("dark_selfie"), d, d.portrait, dark, tax, DocumentType::DriversLicense, sharp, false);
    }
    // More good matches for 課税証明書, the most common request, with the other kind of document.
    for (std::size_t i = 0; status && i < complete.size() && i < 2; ++i) {
        const Person &p = complete[complete.size() - 1 - i];
        status = add(QStringLiteral("good"), p, p.portrait, p.pool, tax,
                     (complete.size() - 1 - i) % 2 ? DocumentType::MyNumberCard : DocumentType::DriversLicense, sharp,
                     false);
    }
    // People with too few turned photos: a repeated direction reuses a frame, or a step fails.
    for (std::size_t i = 0; status && i < incomplete.size() && i < 3; ++i)
        status = add(QStringLiteral("few_turned_photos"), incomplete[i], incomplete[i].portrait, incomplete[i].pool, tax,
                     DocumentType::MyNumberCard, sharp, false);
    // A 住民票 request signed with a My Number card's JPKI certificate (issue 14). It does not go
    // through the receiver: demo.sh signs it with a TEST PKI made for these facts and imports it.
    QString jpkiFacts;
    if (status) {
        const Person &e = complete[4 % complete.size()];
        status = add(QStringLiteral("juminhyo_signed"), e, e.portrait, e.pool, QStringLiteral("juminhyo_copy"),
                     DocumentType::MyNumberCard, sharp, false);
        jpkiFacts = signerFacts(applicant(n, QStringLiteral("juminhyo_copy")), n);
    }
    if (!status)
        return status.error();

    QFile facts(QDir(outputDirectory).filePath(QStringLiteral("jpki-facts.txt")));
    if (!facts.open(QIODevice::WriteOnly) || facts.write(jpkiFacts.toUtf8()) < 0)
        return Error{ErrorCode::Io, QStringLiteral("cannot write jpki-facts.txt")};
    QFile csv(QDir(outputDirectory).filePath(QStringLiteral("register.csv")));
    QFile list(QDir(outputDirectory).filePath(QStringLiteral("scenarios.txt")));
    if (!csv.open(QIODevice::WriteOnly) || !list.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot write the register or scenario list")};
    csv.write(register_.toUtf8());
    list.write(scenarios.toUtf8());
    return cases;
}

} // namespace mado
