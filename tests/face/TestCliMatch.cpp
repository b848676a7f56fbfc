#include "tests/support/CliRun.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// Runs the real madoguchi-cli binary as a user would.
class TestCliMatch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void samePersonMatches();
    void differentPeopleMismatch();
    void textOutputNamesBandAndBoxes();
    void badImagesExitTwo_data();
    void badImagesExitTwo();
    void missingModelsAreNamed();
    void usageErrorExits64();

private:
    using Run = mado::test::CliRun;
    static mado::test::CliRun cli(const QStringList &arguments,
                                  const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        return mado::test::runCli(QStringLiteral(MADO_CLI_PATH), arguments, {env, {}, 120000});
    }
    QTemporaryDir m_dir;
    QString m_salley0;
    QString m_salley1;
    QString m_simm0;
};

void TestCliMatch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_salley0 = mado::test::johnPhoto(QStringLiteral("John_Salley"), 0);
    m_salley1 = mado::test::johnPhoto(QStringLiteral("John_Salley"), 1);
    m_simm0 = mado::test::johnPhoto(QStringLiteral("John_Simm"), 0);
    QVERIFY2(!m_salley0.isEmpty() && !m_simm0.isEmpty(), "samples missing: run installer/dev/fetch-models.sh");
}

void TestCliMatch::samePersonMatches()
{
    const Run run = cli({QStringLiteral("match"), QStringLiteral("--json"), m_salley0, m_salley1});
    QCOMPARE(run.exitCode, 0);
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8(), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QVERIFY(json.value(QStringLiteral("distance")).isDouble());
    QCOMPARE(json.value(QStringLiteral("band")).toString(), QStringLiteral("match"));
}

void TestCliMatch::differentPeopleMismatch()
{
    const Run run = cli({QStringLiteral("match"), QStringLiteral("--json"), m_salley0, m_simm0});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("band")).toString(), QStringLiteral("mismatch"));
    QVERIFY(json.value(QStringLiteral("distance")).toDouble() > 0.6);
}

void TestCliMatch::textOutputNamesBandAndBoxes()
{
    const Run run = cli({QStringLiteral("match"), m_salley0, m_salley1});
    QCOMPARE(run.exitCode, 0);
    const QString text = run.out;
    QVERIFY2(text.contains(QLatin1String("band:     match")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("distance: 0.")));
    QVERIFY(text.contains(QLatin1String("document: x=")));
    QVERIFY(text.contains(QLatin1String("selfie:   x=")));
}

void TestCliMatch::badImagesExitTwo_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("asDocument");
    QTest::addRow("zero-byte file") << QByteArray() << QStringLiteral("empty") << true;
    QTest::addRow("unreadable text") << QByteArray("not an image") << QStringLiteral("not a JPEG or PNG") << true;
    QTest::addRow("png claiming 60000x60000")
        << mado::test::pngHeaderClaiming(60000, 60000) << QStringLiteral("60000x60000") << false;
    QTest::addRow("document without a face")
        << mado::test::faceFreeJpeg() << QStringLiteral("no face found in the document") << true;
    QTest::addRow("selfie without a face")
        << mado::test::faceFreeJpeg() << QStringLiteral("no face found in the selfie") << false;
}

void TestCliMatch::badImagesExitTwo()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QFETCH(bool, asDocument);
    const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
    QVERIFY(mado::test::writeFile(path, bytes));
    const QStringList images = asDocument ? QStringList{path, m_salley0} : QStringList{m_salley0, path};

    const Run run = cli(QStringList{QStringLiteral("match")} + images);
    QCOMPARE(run.exitCode, 2);
    const QString err = run.err.trimmed();
    QVERIFY2(err.contains(reason), qPrintable(err));
    QVERIFY2(err.contains(path), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 0); // one line

    const Run jsonRun = cli(QStringList{QStringLiteral("match"), QStringLiteral("--json")} + images);
    QCOMPARE(jsonRun.exitCode, 2);
    const QJsonObject json = QJsonDocument::fromJson(jsonRun.out.toUtf8()).object();
    QVERIFY(json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(reason));
}

void TestCliMatch::missingModelsAreNamed()
{
    QTemporaryDir empty;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MADOGUCHI_MODELS_DIR"), empty.path());
    const Run run = cli({QStringLiteral("match"), m_salley0, m_salley1}, env);
    QCOMPARE(run.exitCode, 3);
    const QString err = run.err;
    QVERIFY2(err.contains(QLatin1String(".dat is missing")), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("installer/dev/fetch-models.sh")), qPrintable(err));
}

void TestCliMatch::usageErrorExits64()
{
    QCOMPARE(cli({QStringLiteral("match"), m_salley0}).exitCode, 64);
    QCOMPARE(cli({QStringLiteral("no-such-command")}).exitCode, 64);
}

QTEST_GUILESS_MAIN(TestCliMatch)
#include "TestCliMatch.moc"
