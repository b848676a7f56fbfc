#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "tests/support/StoreFixture.h"
#include "ui/Language.h"
#include "ui/models/QueueModel.h"
#include "ui/support/ErrorTexts.h"
#include "ui/views/QueueView.h"
#include "ui/views/UsersView.h"

#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace mado;
using namespace mado::test;

constexpr int kWait = 30000;

// Every error code core returns has words in Japanese and English (the error-code → text mapping of
// issue 12); unknown codes get a generic text with the code; pages show the words, core's English
// only as details.
class TestErrorTexts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase() { Language::install(Language::defaultLanguage()); }
    void everyCodeHasItsOwnWords_data();
    void everyCodeHasItsOwnWords();
    void theTableCoversTheWholeEnumeration();
    void anUnknownCodeGetsAGenericTextWithTheCode();
    void detailsKeepCoresMessageForIt();
    void pagesShowTheWordsAndKeepTheMessageAsDetails();

private:
    static bool hasJapanese(const QString &text);
};

bool TestErrorTexts::hasJapanese(const QString &text)
{
    static const QRegularExpression japanese(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
    return text.contains(japanese);
}

void TestErrorTexts::everyCodeHasItsOwnWords_data()
{
    QTest::addColumn<ErrorCode>("code");
    // Written out here on purpose (not taken from ErrorTexts::knownCodes()): every code of
    // core/domain/Result.h that store, workflow, security, issuance, face and receiver client return.
    const QList<ErrorCode> codes{ErrorCode::InvalidArgument,
                                 ErrorCode::Io,
                                 ErrorCode::ImageEmpty,
                                 ErrorCode::ImageUnsupported,
                                 ErrorCode::ImageTooLarge,
                                 ErrorCode::ImageCorrupt,
                                 ErrorCode::NoFace,
                                 ErrorCode::BundleInvalid,
                                 ErrorCode::ModelMissing,
                                 ErrorCode::ModelCorrupt,
                                 ErrorCode::Network,
                                 ErrorCode::Database,
                                 ErrorCode::SchemaTooNew,
                                 ErrorCode::NotFound,
                                 ErrorCode::AlreadyExists,
                                 ErrorCode::PermissionDenied,
                                 ErrorCode::InvalidState,
                                 ErrorCode::Conflict,
                                 ErrorCode::FourEyesViolation,
                                 ErrorCode::PolicyRefused,
                                 ErrorCode::LimitReached,
                                 ErrorCode::AuthenticationFailed,
                                 ErrorCode::AccountLocked,
                                 ErrorCode::StoreConnectionLost,
                                 ErrorCode::Unauthorized,
                                 ErrorCode::Gone,
                                 ErrorCode::RateLimited,
                                 ErrorCode::Internal};
    for (ErrorCode code : codes)
        QTest::addRow("%s", qPrintable(errorCodeName(code))) << code;
}

void TestErrorTexts::everyCodeHasItsOwnWords()
{
    QFETCH(ErrorCode, code);
    const QString generic = QStringLiteral("(code %1)").arg(static_cast<int>(code));
    QVERIFY(Language::install(QStringLiteral("en")));
    const QString english = ErrorTexts::text(code);
    QVERIFY(!english.isEmpty());
    QVERIFY2(!english.contains(generic), qPrintable(english));
    QVERIFY(Language::install(QStringLiteral("ja")));
    const QString japanese = ErrorTexts::text(code);
    QVERIFY2(hasJapanese(japanese), qPrintable(japanese));
    QVERIFY2(japanese != english, qPrintable(japanese));
    QVERIFY2(!japanese.contains(QString::number(static_cast<int>(code))), qPrintable(japanese));
}

void TestErrorTexts::theTableCoversTheWholeEnumeration()
{
    const QList<ErrorCode> codes = ErrorTexts::knownCodes();
    QCOMPARE(codes.size(), 28); // InvalidArgument .. Internal in core/domain/Result.h
    QCOMPARE(codes.first(), ErrorCode::InvalidArgument);
    QCOMPARE(codes.last(), ErrorCode::Internal);
    // Each code its own words: a clerk can tell a locked account from a database failure.
    for (const QString &language : {QStringLiteral("ja"), QStringLiteral("en")}) {
        QVERIFY(Language::install(language));
        QSet<QString> texts;
        for (ErrorCode code : codes)
            texts.insert(ErrorTexts::text(code));
        QCOMPARE(texts.size(), codes.size());
    }
}

void TestErrorTexts::anUnknownCodeGetsAGenericTextWithTheCode()
{
    const auto unknown = static_cast<ErrorCode>(999);
    QVERIFY(Language::install(QStringLiteral("en")));
    QCOMPARE(ErrorTexts::text(unknown),
             QStringLiteral("An unexpected error occurred (code 999). Call the administrator."));
    QVERIFY(Language::install(QStringLiteral("ja")));
    const QString japanese = ErrorTexts::text(unknown);
    QVERIFY2(hasJapanese(japanese) && japanese.contains(QStringLiteral("999")), qPrintable(japanese));
}

void TestErrorTexts::detailsKeepCoresMessageForIt()
{
    QVERIFY(Language::install(QStringLiteral("ja")));
    const Error error{ErrorCode::Database, QStringLiteral("reading the queue failed: no such table: verdicts")};
    const QString details = ErrorTexts::details(error);
    QVERIFY2(details.contains(QStringLiteral("database")), qPrintable(details));
    QVERIFY2(details.contains(error.message), qPrintable(details));
    QCOMPARE(ErrorTexts::details(Error{ErrorCode::Database, QString()}), QString());
    const QString failure = ErrorTexts::failure(QStringLiteral("X"), error);
    QVERIFY2(failure.startsWith(QStringLiteral("X")) && failure.contains(ErrorTexts::text(error)), qPrintable(failure));
    QVERIFY(!failure.contains(error.message));
}

void TestErrorTexts::pagesShowTheWordsAndKeepTheMessageAsDetails()
{
    QVERIFY(Language::install(QStringLiteral("ja")));
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(fixture.caseIn(CaseState::Verified));
    auto db = fixture.store().connections().database();
    QVERIFY(db.ok());
    // A damaged store (tables gone): the pages fail with Error{Database}.
    QVERIFY(Sql::run(db.value(), QStringLiteral("ALTER TABLE verdicts RENAME TO verdicts_gone")).ok());
    QVERIFY(Sql::run(db.value(), QStringLiteral("ALTER TABLE users RENAME TO users_gone")).ok());
    const QString words = ErrorTexts::text(ErrorCode::Database);

    QueueView queue(fixture.store(), fixture.user(QStringLiteral("clerk1")), false);
    auto *queueMessage = queue.findChild<QLabel *>(QStringLiteral("queueMessageLabel"));
    QVERIFY(queueMessage);
    QTRY_VERIFY_WITH_TIMEOUT(!queueMessage->isHidden(), kWait);
    QVERIFY2(queueMessage->text().contains(words), qPrintable(queueMessage->text()));
    QVERIFY2(hasJapanese(queueMessage->text()), qPrintable(queueMessage->text()));
    QVERIFY2(!queueMessage->text().contains(QStringLiteral("no such table")), qPrintable(queueMessage->text()));
    QVERIFY2(queueMessage->toolTip().contains(QStringLiteral("database")), qPrintable(queueMessage->toolTip()));
    QVERIFY2(queueMessage->toolTip().contains(QStringLiteral("no such table")), qPrintable(queueMessage->toolTip()));

    UsersView users(fixture.store());
    auto *note = users.findChild<QLabel *>(QStringLiteral("usersNoteLabel"));
    QVERIFY(note);
    QTRY_VERIFY2_WITH_TIMEOUT(note->text().contains(words), qPrintable(note->text()), kWait);
    QVERIFY2(!note->text().contains(QStringLiteral("no such table")), qPrintable(note->text()));
    QVERIFY2(note->toolTip().contains(QStringLiteral("no such table: users")), qPrintable(note->toolTip()));
}

QTEST_MAIN(TestErrorTexts)
#include "TestErrorTexts.moc"
