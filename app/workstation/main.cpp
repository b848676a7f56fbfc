// madoguchi: the clerks' workstation. Wiring only.
#include "core/face/ModelSet.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("madoguchi"));
    QApplication::setOrganizationName(QStringLiteral("Madoguchi"));
    QApplication::setApplicationVersion(QStringLiteral(MADO_VERSION));

    // Japanese first; MADOGUCHI_LANG=en selects English.
    const QString language = qEnvironmentVariable("MADOGUCHI_LANG", QStringLiteral("ja"));
    QTranslator translator;
    if (translator.load(QStringLiteral(":/i18n/madoguchi_%1.qm").arg(language)))
        QApplication::installTranslator(&translator);

    mado::MainWindow window;
    window.show();
    window.checkModels(mado::ModelSet::defaultDirectory());
    return QApplication::exec();
}
