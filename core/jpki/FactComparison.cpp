#include "core/jpki/FactComparison.h"

#include <QRegularExpression>

namespace mado {

namespace {

QString withoutSpaces(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

// 漢数字 up to 9999 (as block numbers are written: 二, 十二, 二十三, 百五 ...) to digits.
QString kanjiNumber(const QString &text)
{
    static const QString digits = QStringLiteral("〇一二三四五六七八九");
    int total = 0, current = 0;
    for (const QChar c : text) {
        const int d = int(digits.indexOf(c));
        if (d >= 0) {
            current = current * 10 + d;
            continue;
        }
        const int unit = c == u'十' ? 10 : c == u'百' ? 100 : c == u'千' ? 1000 : 0;
        total += (current == 0 ? 1 : current) * unit;
        current = 0;
    }
    return QString::number(total + current);
}

bool hasSubstitute(const QString &flags)
{
    return flags.contains(QLatin1Char('1'));
}

} // namespace

QString FactComparison::foldName(const QString &name)
{
    return withoutSpaces(name.normalized(QString::NormalizationForm_KC));
}

QString FactComparison::foldAddress(const QString &address)
{
    QString text = withoutSpaces(address.normalized(QString::NormalizationForm_KC));
    static const QRegularExpression kanji(QStringLiteral("[〇一二三四五六七八九十百千]+(?=(丁目|番地|番|号|の|-|$))"));
    QString converted;
    qsizetype last = 0;
    for (auto it = kanji.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        converted += text.mid(last, match.capturedStart() - last) + kanjiNumber(match.captured());
        last = match.capturedEnd();
    }
    text = converted + text.mid(last);
    static const QRegularExpression dashes(QStringLiteral("[‐‑‒–—―−ー－](?=[0-9])"));
    text.replace(dashes, QStringLiteral("-"));
    static const QRegularExpression blocks(QStringLiteral("(?<=[0-9])(丁目|番地|番|の)(?=[0-9])"));
    text.replace(blocks, QStringLiteral("-"));
    static const QRegularExpression lastBlock(QStringLiteral("(?<=[0-9])(号|番地|番)$"));
    text.remove(lastBlock);
    return text;
}

QString FactComparison::joinAddress(const PostalAddress &address)
{
    return address.prefecture + address.city + address.line;
}

QStringList FactComparison::differences(const SignerFacts &facts, const ApplicantForm &form,
                                        const std::optional<std::vector<RegisterEntry>> &register_)
{
    QStringList out;
    auto compare = [&](const QString &source, const QString &name, const QDate &dateOfBirth, const QString &address) {
        if (foldName(facts.name) != foldName(name))
            out << QStringLiteral("name:%1%2").arg(source, hasSubstitute(facts.nameSubstitutes)
                                                               ? QStringLiteral(":substitute_character")
                                                               : QString());
        if (!facts.dateOfBirth.isValid() || facts.dateOfBirth != dateOfBirth)
            out << QStringLiteral("date_of_birth:") + source;
        if (foldAddress(facts.address) != foldAddress(address))
            out << QStringLiteral("address:%1%2").arg(source, hasSubstitute(facts.addressSubstitutes)
                                                                  ? QStringLiteral(":substitute_character")
                                                                  : QString());
    };
    compare(QStringLiteral("form"), form.name, form.dateOfBirth, joinAddress(form.address));
    if (!register_)
        return out;
    if (register_->empty())
        out << QStringLiteral("register:not_found");
    else if (register_->size() > 1)
        out << QStringLiteral("register:ambiguous");
    else
        compare(QStringLiteral("register"), register_->front().name, register_->front().dateOfBirth,
                joinAddress(register_->front().address));
    return out;
}

} // namespace mado
