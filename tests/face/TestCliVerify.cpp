#include "core/evaluation/SampleCaseWriter.h"
#include "core/face/ImageDecoder.h"
#include "tests/support/CliRun.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// `madoguchi-cli verify` as a user runs it: exit 0 with a verdict, exit 2 for an unusable bundle.
class TestCliVerify : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifiesABundle();
    void textOutputListsEveryCheck();
    void unusableBundleExitsTwo_data();
    void unusableBundleExitsTwo();

private:
    using Run = test::CliRun;
    static test::CliRun cli(const QStringList &arguments)
    {
        return test::runCli(QStringLiteral(MADO_CLI_PATH), arguments);
    }
    QString writeCase(const QString &name);
    QTemporaryDir m_dir;
    QString m_case;
};

QString TestCliVerify::writeCase(const QString &name)
{
    SampleCaseWriter::Input input;
    input.portrait = ImageDecoder().decodeFile(test::johnPhoto(QStringLiteral("John_Savage"), 0)).value().bgr;
    for (int i = 1; i <= 4; ++i)
        input.frames.push_back(ImageDecoder().decodeFile(test::johnPhoto(QStringLiteral("John_Savage"), i)).value().bgr);
    input.documentPhotoSize = cv::Size(1600, 1200);
    const QString dir = m_dir.filePath(name);
    return SampleCaseWriter::write(dir, input).ok() ? dir : QString();
}

void TestCliVerify::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!test::johnPhoto(QStringLiteral("John_Savage"), 4).isEmpty(), "samples missing: run installer/dev/fetch-models.sh");
    m_case = writeCase(QStringLiteral("good"));
    QVERIFY(!m_case.isEmpty());
}

void TestCliVerify::verifiesABundle()
{
    const Run run = cli({QStringLiteral("verify"), QStringLiteral("--json"), m_case});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject verdict = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(verdict.value(QStringLiteral("checks")).toArray().size(), 9);
    QCOMPARE(verdict.value(QStringLiteral("band")).toString(), QStringLiteral("match"));
    QCOMPARE(verdict.value(QStringLiteral("frames")).toArray().size(), 4);
    QVERIFY(!verdict.value(QStringLiteral("thresholdsVersion")).toString().isEmpty());
}

void TestCliVerify::textOutputListsEveryCheck()
{
    const Run run = cli({QStringLiteral("verify"), m_case});
    QCOMPARE(run.exitCode, 0);
    const QString text = run.out;
    for (const char *check : {"document_face", "image_quality", "challenge", "same_person", "flat_photo", "replay",
                              "selfie_copies_document", "capture_window", "face_match"})
        QVERIFY2(text.contains(QLatin1String(check)), check);
}

void TestCliVerify::unusableBundleExitsTwo_data()
{
    QTest::addColumn<int>("damage");
    QTest::addColumn<QString>("reason");
    QTest::addRow("a frame missing from the manifest") << 0 << QStringLiteral("/selfie/frames");
    QTest::addRow("an image file deleted") << 1 << QStringLiteral("/selfie/frames/2/image/file");
    QTest::addRow("no such directory") << 2 << QStringLiteral("does not exist");
}

void TestCliVerify::unusableBundleExitsTwo()
{
    QFETCH(int, damage);
    QFETCH(QString, reason);
    QString dir = writeCase(QStringLiteral("broken%1").arg(damage));
    QVERIFY(!dir.isEmpty());
    if (damage == 0) {
        QFile file(QDir(dir).filePath(QStringLiteral("case.json")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
        QJsonObject selfie = manifest.value(QStringLiteral("selfie")).toObject();
        QJsonArray frames = selfie.value(QStringLiteral("frames")).toArray();
        frames.removeLast();
        selfie.insert(QStringLiteral("frames"), frames);
        manifest.insert(QStringLiteral("selfie"), selfie);
        file.resize(0);
        file.write(QJsonDocument(manifest).toJson());
    } else if (damage == 1) {
        QVERIFY(QFile::remove(QDir(dir).filePath(QStringLiteral("frame2.jpg"))));
    } else {
        dir += QStringLiteral("-missing");
    }
    const Run run = cli({QStringLiteral("verify"), dir});
    QCOMPARE(run.exitCode, 2);
    const QString err = run.err.trimmed();
    QVERIFY2(err.contains(reason), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 0);
}

QTEST_GUILESS_MAIN(TestCliVerify)
#include "TestCliVerify.moc"
