#include "ui/Language.h"
#include "ui/support/ReasonTexts.h"

#include <QApplication>
#include <QRegularExpression>
#include <QTest>

using namespace mado;

// Every stable reason code of the face engine has words in Japanese and English. The list of
// codes below is copied from docs/face-engine.md (the check table, head-turn and quality-gate
// reasons) on purpose, not taken from ReasonTexts: a code missing from the table fails here.
class TestReasonTexts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void everyEngineCodeHasJapanese_data();
    void everyEngineCodeHasJapanese();
    void codesWithPlacesAreReadable();
    void unknownCodesStayVisible();
    void decisionReasonsHaveJapanese();

private:
    static bool hasJapanese(const QString &text);
};

bool TestReasonTexts::hasJapanese(const QString &text)
{
    static const QRegularExpression japanese(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
    return text.contains(japanese);
}

void TestReasonTexts::cleanup()
{
    Language::install(QStringLiteral("ja"));
}

void TestReasonTexts::everyEngineCodeHasJapanese_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("code");
    const std::pair<const char *, const char *> codes[] = {
        {"document_face", "ok"},
        {"document_face", "card_not_found"},
        {"document_face", "portrait_not_on_card"},
        {"document_face", "no_face"},
        {"image_quality", "ok"},
        {"image_quality", "blurred"},
        {"image_quality", "too_dark"},
        {"image_quality", "too_bright"},
        {"image_quality", "clipped"},
        {"image_quality", "face_too_small"},
        {"image_quality", "face_near_edge"},
        {"image_quality", "face_cut_off"},
        {"image_quality", "no_face"},
        {"challenge", "ok"},
        {"challenge", "not_frontal"},
        {"challenge", "turn_too_small"},
        {"challenge", "wrong_direction"},
        {"challenge", "off_axis"},
        {"challenge", "head_tilted"},
        {"challenge", "no_face"},
        {"challenge", "pose_not_measured"},
        {"same_person", "ok"},
        {"same_person", "uncertain"},
        {"same_person", "different_person"},
        {"same_person", "not_measured"},
        {"flat_photo", "ok"},
        {"flat_photo", "flat_photo_suspected"},
        {"flat_photo", "not_measured"},
        {"replay", "ok"},
        {"replay", "duplicate_image"},
        {"selfie_copies_document", "ok"},
        {"selfie_copies_document", "copy_of_document"},
        {"selfie_copies_document", "not_measured"},
        {"capture_window", "ok"},
        {"capture_window", "outside_challenge_window"},
        {"face_match", "match"},
        {"face_match", "review"},
        {"face_match", "mismatch"},
        {"face_match", "not_measured"},
    };
    for (const auto &[check, code] : codes)
        QTest::addRow("%s/%s", check, code) << QString::fromLatin1(check) << QString::fromLatin1(code);
}

void TestReasonTexts::everyEngineCodeHasJapanese()
{
    QFETCH(QString, check);
    QFETCH(QString, code);
    QVERIFY(Language::install(QStringLiteral("en")));
    const QString english = ReasonTexts::plainReason(check, code);
    QVERIFY2(!english.isEmpty(), "the code is missing from ReasonTexts");
    QVERIFY(!hasJapanese(english));
    QVERIFY(ReasonTexts::engineCodes().contains(check + QLatin1Char('/') + code));
    QVERIFY(Language::install(QStringLiteral("ja")));
    const QString japanese = ReasonTexts::plainReason(check, code);
    QVERIFY2(hasJapanese(japanese), qPrintable(japanese));
    QVERIFY(japanese != english);
    QVERIFY2(hasJapanese(ReasonTexts::checkName(check)), qPrintable(ReasonTexts::checkName(check)));
}

void TestReasonTexts::codesWithPlacesAreReadable()
{
    QVERIFY(Language::install(QStringLiteral("ja")));
    const QString blurred = ReasonTexts::reason(QStringLiteral("image_quality"), QStringLiteral("frame2:blurred"));
    QVERIFY2(blurred.contains(ReasonTexts::plainReason(QStringLiteral("image_quality"), QStringLiteral("blurred"))),
             qPrintable(blurred));
    QVERIFY2(blurred.contains(QLatin1Char('2')) && !blurred.contains(QStringLiteral("frame2")), qPrintable(blurred));
    const QString dark = ReasonTexts::reason(QStringLiteral("image_quality"), QStringLiteral("document:too_dark"));
    QVERIFY2(hasJapanese(dark) && !dark.contains(QStringLiteral("document")), qPrintable(dark));
    const QString replay =
        ReasonTexts::reason(QStringLiteral("replay"), QStringLiteral("duplicate_image:frame1=frame2"));
    QVERIFY2(replay.contains(QLatin1Char('1')) && replay.contains(QLatin1Char('2')) && hasJapanese(replay),
             qPrintable(replay));
    const QString window =
        ReasonTexts::reason(QStringLiteral("capture_window"), QStringLiteral("frame3:outside_challenge_window"));
    QVERIFY2(hasJapanese(window) && window.contains(QLatin1Char('3')), qPrintable(window));
    const QString copy =
        ReasonTexts::reason(QStringLiteral("selfie_copies_document"), QStringLiteral("frame0:copy_of_document"));
    QVERIFY2(hasJapanese(copy) && !copy.contains(QStringLiteral("frame0")) && !copy.contains(QStringLiteral("copy_of")),
             qPrintable(copy));
    // Directions in the applicant's terms.
    QCOMPARE(ReasonTexts::direction(Direction::Left), QStringLiteral("左"));
    QCOMPARE(ReasonTexts::direction(Direction::Right), QStringLiteral("右"));
    QCOMPARE(ReasonTexts::direction(Direction::Up), QStringLiteral("上"));
    QCOMPARE(ReasonTexts::direction(Direction::Down), QStringLiteral("下"));
}

void TestReasonTexts::unknownCodesStayVisible()
{
    QCOMPARE(ReasonTexts::reason(QStringLiteral("face_match"), QStringLiteral("new_code")), QStringLiteral("new_code"));
    QCOMPARE(ReasonTexts::reason(QStringLiteral("image_quality"), QStringLiteral("frame1:new_gate")),
             QStringLiteral("frame1:new_gate"));
}

void TestReasonTexts::decisionReasonsHaveJapanese()
{
    QVERIFY(Language::install(QStringLiteral("ja")));
    const QStringList codes = ReasonTexts::rejectionCodes() + ReasonTexts::resubmissionCodes();
    QVERIFY(ReasonTexts::rejectionCodes().contains(QStringLiteral("face_mismatch")));
    QVERIFY(!ReasonTexts::resubmissionCodes().isEmpty());
    for (const QString &code : codes)
        QVERIFY2(hasJapanese(ReasonTexts::decisionReason(code)), qPrintable(code));
}

QTEST_MAIN(TestReasonTexts)
#include "TestReasonTexts.moc"
