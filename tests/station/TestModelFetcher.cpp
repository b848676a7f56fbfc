#include "core/face/ModelSet.h"
#include "core/station/ModelFetcher.h"
#include "tests/support/FileServer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace mado;

// ModelFetcher against a real HTTP server on loopback serving an archive built like Debian's dlib
// models source package from the real model files (ModelSet's default directory): the models are
// installed and verify; a changed model, a wrong archive hash, a 404 and a cancel install nothing.
class TestModelFetcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void installsTheModels();
    void changedModelIsNotInstalled();
    void wrongArchiveHashInstallsNothing();
    void missingArchiveIsNotFound();
    void notAnArchive();
    void cancelStops();

private:
    QStringList installedFiles(const QString &directory) const;

    QTemporaryDir m_dir;
    QByteArray m_archive;
    QByteArray m_corrupt;
};

void TestModelFetcher::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const ModelSet real;
    for (Model model : ModelFetcher::fetchedModels())
        QVERIFY2(real.verifiedPath(model).ok(), "the real models are needed (installer/dev/fetch-models.sh)");
    m_archive = test::buildModelArchive(real.directory(), m_dir.filePath(QStringLiteral("good")), false);
    QVERIFY(!m_archive.isEmpty());
    m_corrupt = test::buildModelArchive(real.directory(), m_dir.filePath(QStringLiteral("bad")), true);
    QVERIFY(!m_corrupt.isEmpty());
}

QStringList TestModelFetcher::installedFiles(const QString &directory) const
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

void TestModelFetcher::installsTheModels()
{
    test::FileServer server;
    server.serve(QStringLiteral("/pool/dlib-models.tar.bz2"), m_archive);
    const QString target = m_dir.filePath(QStringLiteral("installed"));
    ModelFetcher::Progress progress;
    const QString archiveSha = QString::fromLatin1(QCryptographicHash::hash(m_archive, QCryptographicHash::Sha256).toHex());
    const Status fetched = ModelFetcher::fetch({server.url(QStringLiteral("/pool/dlib-models.tar.bz2")), archiveSha},
                                               target, progress);
    QVERIFY2(fetched.ok(), qPrintable(fetched.ok() ? QString() : fetched.error().message));
    QCOMPARE(progress.stage.load(), int(ModelFetcher::Progress::Done));
    QCOMPARE(progress.done.load(), qint64(m_archive.size()));
    const ModelSet installed(target);
    for (Model model : ModelFetcher::fetchedModels())
        QVERIFY(installed.verifiedPath(model).ok());
    // Only the models: the archive is gone, and the 68-point predictor is not fetched.
    QCOMPARE(installedFiles(target), QStringList({QStringLiteral("dlib_face_recognition_resnet_model_v1.dat"),
                                                  QStringLiteral("mmod_human_face_detector.dat"),
                                                  QStringLiteral("shape_predictor_5_face_landmarks.dat")}));
}

void TestModelFetcher::changedModelIsNotInstalled()
{
    test::FileServer server;
    server.serve(QStringLiteral("/m.tar.bz2"), m_corrupt);
    const QString target = m_dir.filePath(QStringLiteral("corrupt"));
    ModelFetcher::Progress progress;
    const Status fetched = ModelFetcher::fetch({server.url(QStringLiteral("/m.tar.bz2")), QString()}, target, progress);
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error().code, ErrorCode::ModelCorrupt);
    QVERIFY2(fetched.error().message.contains(QStringLiteral("mmod_human_face_detector.dat")),
             qPrintable(fetched.error().message));
    QVERIFY(!installedFiles(target).contains(QStringLiteral("mmod_human_face_detector.dat")));
    QVERIFY(!installedFiles(target).join(QLatin1Char(' ')).contains(QStringLiteral(".download")));
}

void TestModelFetcher::wrongArchiveHashInstallsNothing()
{
    test::FileServer server;
    server.serve(QStringLiteral("/m.tar.bz2"), m_archive);
    const QString target = m_dir.filePath(QStringLiteral("wronghash"));
    ModelFetcher::Progress progress;
    const QString wrong = QString(64, QLatin1Char('0'));
    const Status fetched = ModelFetcher::fetch({server.url(QStringLiteral("/m.tar.bz2")), wrong}, target, progress);
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error().code, ErrorCode::ModelCorrupt);
    QVERIFY(installedFiles(target).isEmpty());
}

void TestModelFetcher::missingArchiveIsNotFound()
{
    test::FileServer server;
    ModelFetcher::Progress progress;
    const QString target = m_dir.filePath(QStringLiteral("none"));
    const Status fetched = ModelFetcher::fetch({server.url(QStringLiteral("/nothing.tar.bz2")), QString()}, target, progress);
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error().code, ErrorCode::NotFound);
    QCOMPARE(server.requests(), 1);
    QVERIFY(installedFiles(target).isEmpty());
}

void TestModelFetcher::notAnArchive()
{
    test::FileServer server;
    server.serve(QStringLiteral("/page.html"), QByteArray("<html>a captive portal</html>"));
    ModelFetcher::Progress progress;
    const Status fetched = ModelFetcher::fetch({server.url(QStringLiteral("/page.html")), QString()},
                                               m_dir.filePath(QStringLiteral("html")), progress);
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error().code, ErrorCode::BundleInvalid);
}

void TestModelFetcher::cancelStops()
{
    test::FileServer server(64 * 1024, 20); // about 3 MB/s: the download is still running when cancelled
    server.serve(QStringLiteral("/m.tar.bz2"), m_archive);
    const QString target = m_dir.filePath(QStringLiteral("cancelled"));
    ModelFetcher::Progress progress;
    std::thread canceller([&progress] {
        while (progress.done.load() < 256 * 1024)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        progress.cancel = true;
    });
    const Status fetched = ModelFetcher::fetch({server.url(QStringLiteral("/m.tar.bz2")), QString()}, target, progress);
    canceller.join();
    QVERIFY(!fetched.ok());
    QCOMPARE(fetched.error().code, ErrorCode::InvalidState);
    QVERIFY(progress.done.load() < m_archive.size());
    QVERIFY(installedFiles(target).isEmpty());
}

QTEST_GUILESS_MAIN(TestModelFetcher)
#include "TestModelFetcher.moc"
