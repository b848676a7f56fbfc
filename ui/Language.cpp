#include "ui/Language.h"

#include <QCoreApplication>
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
