#include "core/face/FaceEngine.h"
#include "core/face/ModelSet.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

class TestModelSet : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knowsEveryModelHash();
    void realModelsVerify();
    void missingModelNamesFileAndCommand();
    void corruptModelIsDetected();
    void engineRefusesMissingModels();
    void environmentOverridesDirectory();
};

void TestModelSet::knowsEveryModelHash()
{
    for (Model model : {Model::FaceRecognitionResNet, Model::ShapePredictor5, Model::ShapePredictor68,
                        Model::MmodFaceDetector}) {
        const QString sum = ModelSet::expectedSha256(model);
        QCOMPARE(sum.size(), 64);
    }
}

void TestModelSet::realModelsVerify()
{
    const ModelSet models;
    for (Model model : {Model::FaceRecognitionResNet, Model::ShapePredictor5}) {
        auto path = models.verifiedPath(model);
        QVERIFY2(path.ok(), qPrintable(path.ok() ? QString() : path.error().message));
    }
}

void TestModelSet::missingModelNamesFileAndCommand()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const auto path = ModelSet(empty.path()).verifiedPath(Model::FaceRecognitionResNet);
    QVERIFY(!path.ok());
    QCOMPARE(path.error().code, ErrorCode::ModelMissing);
    QVERIFY(path.error().message.contains(QLatin1String("dlib_face_recognition_resnet_model_v1.dat")));
    QVERIFY(path.error().message.contains(ModelSet::fetchCommand()));
}

void TestModelSet::corruptModelIsDetected()
{
    // A copy of the real 5-point model with one byte flipped.
    const ModelSet real;
    QFile source(real.path(Model::ShapePredictor5));
    QVERIFY2(source.open(QIODevice::ReadOnly), "models missing: run installer/dev/fetch-models.sh");
    QByteArray bytes = source.readAll();
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x55);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ModelSet broken(dir.path());
    QFile target(broken.path(Model::ShapePredictor5));
    QVERIFY(target.open(QIODevice::WriteOnly));
    QCOMPARE(target.write(bytes), qint64(bytes.size()));
    target.close();

    const auto path = broken.verifiedPath(Model::ShapePredictor5);
    QVERIFY(!path.ok());
    QCOMPARE(path.error().code, ErrorCode::ModelCorrupt);
    QVERIFY(path.error().message.contains(QLatin1String("shape_predictor_5_face_landmarks.dat")));

    const auto engine = FaceEngine::load(broken);
    QVERIFY(!engine.ok());
    QCOMPARE(engine.error().code, ErrorCode::ModelCorrupt);
}

void TestModelSet::engineRefusesMissingModels()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const auto engine = FaceEngine::load(ModelSet(empty.path()));
    QVERIFY(!engine.ok());
    QCOMPARE(engine.error().code, ErrorCode::ModelMissing);
    QVERIFY(engine.error().message.contains(ModelSet::fetchCommand()));
}

void TestModelSet::environmentOverridesDirectory()
{
    const QByteArray previous = qgetenv("MADOGUCHI_MODELS_DIR");
    qputenv("MADOGUCHI_MODELS_DIR", "/srv/madoguchi/models");
    QCOMPARE(ModelSet::defaultDirectory(), QStringLiteral("/srv/madoguchi/models"));
    if (previous.isEmpty())
        qunsetenv("MADOGUCHI_MODELS_DIR");
    else
        qputenv("MADOGUCHI_MODELS_DIR", previous);
    QVERIFY(ModelSet::defaultDirectory().endsWith(QLatin1String("models")));
}

QTEST_GUILESS_MAIN(TestModelSet)
#include "TestModelSet.moc"
