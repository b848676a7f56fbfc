#include "ui/Language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace mado {

std::unique_ptr<QTranslator> &Language::current()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

bool Language::install(const QString &language)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/madoguchi_%1.qm").arg(language)))
        return false;
    if (current())
        QCoreApplication::removeTranslator(current().get());
    QCoreApplication::installTranslator(translator.get());
    current() = std::move(translator);
    installedName() = language;
    // Dates and numbers follow the UI language (2026/11/27 13:05 in Japanese), not the machine's locale.
    QLocale::setDefault(language == QLatin1String("ja") ? QLocale(QLocale::Japanese, QLocale::Japan)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
    return true;
}

QString &Language::installedName()
{
    static QString name;
    return name;
}

QString Language::installed()
{
    return installedName().isEmpty() ? defaultLanguage() : installedName();
}

} // namespace mado
