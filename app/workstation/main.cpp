// madoguchi: the clerks' workstation. Wiring only.
#include "core/face/ModelSet.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("madoguchi"));
    QApplication::setOrganizationName(QStringLiteral("Madoguchi"));
    QApplication::setApplicationVersion(QStringLiteral(MADO_VERSION));

    // Japanese first; MADOGUCHI_LANG=en selects English.
    const QString language = qEnvironmentVariable("MADOGUCHI_LANG", mado::Language::defaultLanguage());
    if (!mado::Language::install(language)) {
        std::fprintf(stderr, "madoguchi: unknown language '%s', using Japanese\n", qPrintable(language));
        mado::Language::install(mado::Language::defaultLanguage());
    }

    mado::MainWindow window;
    window.show();
    window.checkModels(mado::ModelSet::defaultDirectory());
    return QApplication::exec();
}
