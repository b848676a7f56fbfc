#pragma once

#include <QString>

#include <memory>

class QTranslator;

namespace mado {

// Installs the UI translation for a language ("ja", the default, or "en"). The translations
// are compiled into the binary (resources/translations). GUI thread only.
class Language {
public:
    static QString defaultLanguage() { return QStringLiteral("ja"); }
    // Replaces the installed translation; false when the language is unknown.
    static bool install(const QString &language);
    // The installed language ("ja", "en"), or the default when none is installed yet.
    static QString installed();

private:
    static std::unique_ptr<QTranslator> &current();
    static QString &installedName();
};

} // namespace mado
