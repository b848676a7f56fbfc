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

} // namespace

QString FileDialog::saveFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                 const QString &filter)
{
    if (std::optional<QString> &next = nextFileName(); next) {
        const QString path = *next;
        next.reset();
        return path;
    }
    return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
}

QString FileDialog::openFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                 const QString &filter)
{
    if (std::optional<QString> &next = nextFileName(); next) {
        const QString path = *next;
        next.reset();
        return path;
    }
    return QFileDialog::getOpenFileName(parent, caption, suggestedPath, filter);
}

void FileDialog::setNextFileName(const QString &path)
{
    nextFileName() = path;
}

} // namespace mado
