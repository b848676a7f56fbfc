#include "core/evaluation/JpegFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace mado;

// JpegFile writes through QFile: a Japanese folder name (a clerk's Windows profile) works like any
// other, the bytes returned are the file's, and a place that cannot be written is a clear error.
class TestJpegFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesUnderAJapaneseFolderName();
    void unwritablePlaceIsAnError();
    void emptyImageIsAnError();
};

namespace {

cv::Mat testPattern()
{
    cv::Mat bgr(120, 160, CV_8UC3, cv::Scalar(40, 90, 200));
    cv::circle(bgr, {80, 60}, 30, cv::Scalar(250, 250, 250), cv::FILLED);
    return bgr;
}

} // namespace

void TestJpegFile::writesUnderAJapaneseFolderName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("窓口 太郎/見本"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(QStringLiteral("顔写真.jpg"));
    const auto written = JpegFile::write(path, testPattern(), 90);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QCOMPARE(onDisk, written.value());
    QVERIFY(onDisk.startsWith("\xFF\xD8\xFF")); // a JPEG's SOI marker
    const cv::Mat decoded = cv::imdecode(std::vector<uchar>(onDisk.begin(), onDisk.end()), cv::IMREAD_COLOR);
    QCOMPARE(decoded.cols, 160);
    QCOMPARE(decoded.rows, 120);
    // The centre is the white disc, the corner the blue background (JPEG is lossy: a margin).
    const cv::Vec3b centre = decoded.at<cv::Vec3b>(60, 80);
    const cv::Vec3b corner = decoded.at<cv::Vec3b>(5, 5);
    QVERIFY(centre[0] > 230 && centre[1] > 230 && centre[2] > 230);
    QVERIFY(corner[2] > 180 && corner[0] < 70);
}

void TestJpegFile::unwritablePlaceIsAnError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A file where the folder should be: nothing can be written below it, for root too.
    const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = blocker + QStringLiteral("/photo.jpg");
    const auto written = JpegFile::write(path, testPattern(), 90);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::Io);
    QVERIFY2(written.error().message.contains(path), qPrintable(written.error().message));
}

void TestJpegFile::emptyImageIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.jpg"));
    const auto written = JpegFile::write(path, cv::Mat(), 90);
    QVERIFY(!written.ok());
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestJpegFile)
#include "TestJpegFile.moc"
