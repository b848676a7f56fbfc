#include "core/bundle/CaseBundleReader.h"
#include "tests/support/BundleFactory.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/TestData.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// Case bundles: schema validation, the rules beyond it, and the image files.
class TestCaseBundleReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void readsValidBundle();
    void jsonRoundTripKeepsEverything();
    void challengeSignatureIsNeitherWrittenNorRequired();
    void rejectsBrokenManifest_data();
    void rejectsBrokenManifest();
    void rejectsBadImages_data();
    void rejectsBadImages();
    void rejectsMissingOrMalformedManifest();
    void schemaWithUnknownKeywordIsRefused();

private:
    QJsonObject manifest() const;
    static void setAt(QJsonObject &root, const QStringList &path, const QJsonValue &value, bool remove);
    QTemporaryDir m_dir;
    QString m_bundleDir;
    CaseBundle m_bundle;
};

void TestCaseBundleReader::init()
{
    QVERIFY(m_dir.isValid());
    m_bundleDir = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                 QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
    QStringList frames;
    for (int i = 0; i < 4; ++i)
        frames << test::johnPhoto(QStringLiteral("John_Savage"), i);
    const QString document = test::johnPhoto(QStringLiteral("John_Savage"), 5);
    QVERIFY2(!document.isEmpty(), "samples missing: run installer/dev/fetch-models.sh");
    // Empty file names: write() names the copies document_front.jpg, frame0.jpg ...
    CaseBundle bundle = test::BundleFactory::specimen({QString(), QString(), QString(), QString()}, QString());
    QVERIFY(test::BundleFactory::write(m_bundleDir, bundle, document, frames));
    auto reader = CaseBundleReader::create();
    QVERIFY(reader.ok());
    auto read = reader.value().read(m_bundleDir);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    m_bundle = read.value();
}

QJsonObject TestCaseBundleReader::manifest() const
{
    QFile file(QDir(m_bundleDir).filePath(QStringLiteral("case.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void TestCaseBundleReader::setAt(QJsonObject &root, const QStringList &path, const QJsonValue &value, bool remove)
{
    // Recursive JSON Pointer update through objects and arrays.
    const QString key = path.first();
    if (path.size() == 1) {
        if (remove)
            root.remove(key);
        else
            root.insert(key, value);
        return;
    }
    QJsonValue child = root.value(key);
    if (child.isArray()) {
        QJsonArray array = child.toArray();
        const int index = path.at(1).toInt();
        if (path.size() == 2) {
            if (remove)
                array.removeAt(index);
            else
                array[index] = value;
        } else {
            QJsonObject element = array.at(index).toObject();
            setAt(element, path.mid(2), value, remove);
            array[index] = element;
        }
        root.insert(key, array);
    } else {
        QJsonObject object = child.toObject();
        setAt(object, path.mid(1), value, remove);
        root.insert(key, object);
    }
}

void TestCaseBundleReader::readsValidBundle()
{
    QCOMPARE(m_bundle.frames.size(), std::size_t(4));
    QCOMPARE(m_bundle.frames[0].step, Direction::Front);
    QCOMPARE(m_bundle.frames[2].step, Direction::Up);
    QCOMPARE(m_bundle.documentType, DocumentType::MyNumberCard);
    QCOMPARE(m_bundle.applicant.kana, QStringLiteral("ミホン タロウ"));
    QCOMPARE(m_bundle.applicant.dateOfBirth, QDate(1980, 4, 1));
    QCOMPARE(m_bundle.documentFront.sha256.size(), 64);
}

void TestCaseBundleReader::jsonRoundTripKeepsEverything()
{
    const QJsonObject json = m_bundle.toJson();
    const CaseBundle again = CaseBundle::fromJson(json);
    QCOMPARE(again.toJson(), json);
    QCOMPARE(again.challenge.issuedAt, m_bundle.challenge.issuedAt);
    QCOMPARE(again.frames[3].capturedAt, m_bundle.frames[3].capturedAt);
}

void TestCaseBundleReader::challengeSignatureIsNeitherWrittenNorRequired()
{
    // Manifests carry no challenge signature any more ...
    QJsonObject json = manifest();
    QVERIFY(!json.value(QStringLiteral("challenge")).toObject().contains(QStringLiteral("signature")));
    QVERIFY(CaseBundleReader::create().value().read(m_bundleDir).ok());
    // ... and one from an older receiver, which still has it, is read all the same (and it is ignored).
    setAt(json, {QStringLiteral("challenge"), QStringLiteral("signature")},
          QJsonValue(QStringLiteral("c3BlY2ltZW4tc2lnbmF0dXJl")), false);
    QVERIFY(test::BundleFactory::writeManifest(m_bundleDir, json));
    const auto read = CaseBundleReader::create().value().read(m_bundleDir);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(read.value().challenge.nonce, m_bundle.challenge.nonce);
}

void TestCaseBundleReader::rejectsBrokenManifest_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("remove");
    QTest::addColumn<QString>("expectedField");

    QTest::addRow("missing frame") << "/selfie/frames/3" << QJsonValue() << true << "/selfie/frames";
    QTest::addRow("wrong step order") << "/selfie/frames/1/step" << QJsonValue(QStringLiteral("up")) << false
                                      << "/selfie/frames/1/step";
    QTest::addRow("first frame not frontal") << "/selfie/frames/0/step" << QJsonValue(QStringLiteral("left"))
                                             << false << "/selfie/frames/0/step";
    QTest::addRow("unknown document type") << "/document/type" << QJsonValue(QStringLiteral("passport_of_mars"))
                                           << false << "/document/type";
    QTest::addRow("missing name") << "/applicant/name" << QJsonValue() << true << "/applicant/name";
    QTest::addRow("hiragana kana") << "/applicant/kana" << QJsonValue(QStringLiteral("みほん たろう")) << false
                                   << "/applicant/kana";
    QTest::addRow("impossible date of birth") << "/applicant/dateOfBirth" << QJsonValue(QStringLiteral("1980-02-30"))
                                              << false << "/applicant/dateOfBirth";
    QTest::addRow("date of birth in the future") << "/applicant/dateOfBirth"
                                                 << QJsonValue(QStringLiteral("2030-01-01")) << false
                                                 << "/applicant/dateOfBirth";
    QTest::addRow("bad postal code") << "/applicant/address/postalCode" << QJsonValue(QStringLiteral("1000001"))
                                     << false << "/applicant/address/postalCode";
    QTest::addRow("too many copies") << "/applicant/copies" << QJsonValue(50) << false << "/applicant/copies";
    QTest::addRow("copies not a number") << "/applicant/copies" << QJsonValue(QStringLiteral("2")) << false
                                         << "/applicant/copies";
    QTest::addRow("unexpected field") << "/applicant/favouriteColour" << QJsonValue(QStringLiteral("blue")) << false
                                      << "/applicant/favouriteColour";
    QTest::addRow("path traversal in file name") << "/document/front/file" << QJsonValue(QStringLiteral("../etc.jpg"))
                                                 << false << "/document/front/file";
    QTest::addRow("repeated direction") << "/challenge/directions/1" << QJsonValue(QStringLiteral("left")) << false
                                        << "/challenge/directions/1";
    QTest::addRow("expiry before issue") << "/challenge/expiresAt" << QJsonValue(QStringLiteral("2026-11-19T09:00:00Z"))
                                         << false << "/challenge/expiresAt";
    QTest::addRow("timestamp without zone") << "/receivedAt" << QJsonValue(QStringLiteral("2026-11-20T09:05:00"))
                                            << false << "/receivedAt";
    QTest::addRow("wrong version") << "/version" << QJsonValue(2) << false << "/version";
    QTest::addRow("file hash differs") << "/selfie/frames/2/image/sha256" << QJsonValue(QString(64, QLatin1Char('0')))
                                       << false << "/selfie/frames/2/image/sha256";
    QTest::addRow("file not in bundle") << "/selfie/frames/2/image/file" << QJsonValue(QStringLiteral("nothere.jpg"))
                                        << false << "/selfie/frames/2/image/file";
}

void TestCaseBundleReader::rejectsBrokenManifest()
{
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, value);
    QFETCH(bool, remove);
    QFETCH(QString, expectedField);

    QJsonObject json = manifest();
    setAt(json, pointer.mid(1).split(QLatin1Char('/')), value, remove);
    QVERIFY(test::BundleFactory::writeManifest(m_bundleDir, json));
    auto read = CaseBundleReader::create().value().read(m_bundleDir);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode::BundleInvalid);
    QVERIFY2(read.error().message.startsWith(expectedField + QLatin1Char(':')), qPrintable(read.error().message));
}

void TestCaseBundleReader::rejectsBadImages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxPixels");
    QTest::addColumn<ErrorCode>("expected");
    QTest::addRow("not an image") << QByteArray("#!/bin/sh\necho hi\n") << 40'000'000 << ErrorCode::ImageUnsupported;
    QTest::addRow("png claiming 60000x60000") << test::pngHeaderClaiming(60000, 60000) << 40'000'000
                                              << ErrorCode::ImageTooLarge;
    // The sample photos are 150x150 (22,500 px): a 400x300 frame is the only one over 50,000.
    QTest::addRow("over a 50000-pixel limit") << test::faceFreeJpeg(400, 300) << 50'000 << ErrorCode::ImageTooLarge;
    const QByteArray jpeg = test::faceFreeJpeg();
    QTest::addRow("truncated jpeg") << jpeg.left(jpeg.size() / 2) << 40'000'000 << ErrorCode::ImageCorrupt;
}

void TestCaseBundleReader::rejectsBadImages()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxPixels);
    QFETCH(ErrorCode, expected);

    // Replace frame 2 with the bad bytes and declare their true hash, so only the image check fails.
    const QString file = QStringLiteral("frame2.jpg");
    QVERIFY(test::writeFile(QDir(m_bundleDir).filePath(file), bytes));
    QJsonObject json = manifest();
    setAt(json, {QStringLiteral("selfie"), QStringLiteral("frames"), QStringLiteral("2"), QStringLiteral("image"),
                 QStringLiteral("sha256")},
          QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()), false);
    QVERIFY(test::BundleFactory::writeManifest(m_bundleDir, json));

    ImageLimits limits;
    limits.maxPixels = maxPixels;
    auto read = CaseBundleReader::create(limits).value().read(m_bundleDir);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, expected);
    QVERIFY2(read.error().message.startsWith(QLatin1String("/selfie/frames/2/image")), qPrintable(read.error().message));
}

void TestCaseBundleReader::rejectsMissingOrMalformedManifest()
{
    const auto reader = CaseBundleReader::create().value();
    QVERIFY(test::writeFile(QDir(m_bundleDir).filePath(QStringLiteral("case.json")), "{\"format\": "));
    auto malformed = reader.read(m_bundleDir);
    QVERIFY(!malformed.ok());
    QVERIFY2(malformed.error().message.startsWith(QLatin1String("case.json: is not valid JSON")),
             qPrintable(malformed.error().message));

    QVERIFY(QFile::remove(QDir(m_bundleDir).filePath(QStringLiteral("case.json"))));
    auto missing = reader.read(m_bundleDir);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().message, QStringLiteral("case.json: is missing"));

    auto noDir = reader.read(m_dir.filePath(QStringLiteral("no-such-bundle")));
    QVERIFY(!noDir.ok());
    QCOMPARE(noDir.error().code, ErrorCode::Io);
}

void TestCaseBundleReader::schemaWithUnknownKeywordIsRefused()
{
    auto schema = JsonSchema::load(R"({"type": "object", "properties": {"a": {"type": "string", "oneOf": []}}})");
    QVERIFY(!schema.ok());
    QVERIFY(schema.error().message.contains(QLatin1String("oneOf")));
}

QTEST_GUILESS_MAIN(TestCaseBundleReader)
#include "TestCaseBundleReader.moc"
