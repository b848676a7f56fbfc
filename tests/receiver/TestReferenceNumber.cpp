#include "core/receiver/api/ReferenceNumber.h"

#include <QTest>

using namespace mado;

// Reference numbers: shape, the documented Luhn check digit, and the typing errors it catches.
class TestReferenceNumber : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void make_data();
    void make();
    void everySingleDigitErrorIsCaught();
    void adjacentSwapsAreCaught();
    void malformedIsInvalid_data();
    void malformedIsInvalid();
};

void TestReferenceNumber::make_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<qint64>("sequence");
    QTest::addColumn<QString>("expected");
    // Check digits worked by hand (Luhn over YYMM and the sequence): 261100042 -> 9, 261100001 -> 5.
    QTest::addRow("example of the docs") << QDate(2026, 11, 27) << qint64(42) << "MDG-2611-00042-9";
    QTest::addRow("first of a month") << QDate(2026, 11, 1) << qint64(1) << "MDG-2611-00001-5";
    QTest::addRow("six-digit sequence") << QDate(2027, 1, 5) << qint64(123456) << "MDG-2701-123456-7";
}

void TestReferenceNumber::make()
{
    QFETCH(QDate, date);
    QFETCH(qint64, sequence);
    QFETCH(QString, expected);
    QCOMPARE(ReferenceNumber::make(date, sequence), expected);
    QVERIFY(ReferenceNumber::isValid(expected));
}

void TestReferenceNumber::everySingleDigitErrorIsCaught()
{
    const QString good = ReferenceNumber::make(QDate(2026, 11, 27), 4711);
    for (qsizetype i = 0; i < good.size(); ++i) {
        if (!good.at(i).isDigit())
            continue;
        for (char d = '0'; d <= '9'; ++d) {
            QString wrong = good;
            wrong[i] = QLatin1Char(d);
            if (wrong != good)
                QVERIFY2(!ReferenceNumber::isValid(wrong), qPrintable(wrong));
        }
    }
}

void TestReferenceNumber::adjacentSwapsAreCaught()
{
    // Luhn misses only the swap 09 <-> 90; every other swap of neighbouring digits is caught.
    for (qint64 sequence : {12345, 10203, 98761, 55501}) {
        const QString good = ReferenceNumber::make(QDate(2026, 11, 27), sequence);
        for (qsizetype i = 0; i + 1 < good.size(); ++i) {
            const QChar a = good.at(i), b = good.at(i + 1);
            if (!a.isDigit() || !b.isDigit() || a == b)
                continue;
            if ((a == QLatin1Char('0') && b == QLatin1Char('9')) || (a == QLatin1Char('9') && b == QLatin1Char('0')))
                continue;
            QString swapped = good;
            swapped[i] = b;
            swapped[i + 1] = a;
            QVERIFY2(!ReferenceNumber::isValid(swapped), qPrintable(swapped));
        }
    }
}

void TestReferenceNumber::malformedIsInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("empty") << "";
    QTest::addRow("lower case prefix") << "mdg-2611-00042-7";
    QTest::addRow("no check digit") << "MDG-2611-00042";
    QTest::addRow("short sequence") << "MDG-2611-0042-7";
    QTest::addRow("letters") << "MDG-26A1-00042-7";
    QTest::addRow("trailing space") << "MDG-2611-00042-7 ";
}

void TestReferenceNumber::malformedIsInvalid()
{
    QFETCH(QString, text);
    QVERIFY(!ReferenceNumber::isValid(text));
}

QTEST_GUILESS_MAIN(TestReferenceNumber)
#include "TestReferenceNumber.moc"
