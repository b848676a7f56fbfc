#include "ui/support/FileDialog.h"

#include <QFileDialog>

#include <optional>

namespace mado {

namespace {

std::optional<QString> &nextFileName()
{
    static std::optional<QString> name;
    return name;
}

// The path set by setNextFileName(), once; nullopt when none is set (then a real dialog is shown).
std::optional<QString> takeNextFileName()
{
    std::optional<QString> next = nextFileName();
    nextFileName().reset();
    return next;
}

} // namespace

QString FileDialog::saveFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                 const QString &filter)
{
    if (std::optional<QString> next = takeNextFileName())
        return *next;
    return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
}

QString FileDialog::openFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                 const QString &filter)
{
    if (std::optional<QString> next = takeNextFileName())
        return *next;
    return QFileDialog::getOpenFileName(parent, caption, suggestedPath, filter);
}

void FileDialog::setNextFileName(const QString &path)
{
    nextFileName() = path;
}

} // namespace mado
