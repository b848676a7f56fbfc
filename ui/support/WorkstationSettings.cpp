#include "ui/support/WorkstationSettings.h"

#include "core/face/ModelSet.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace mado {

namespace {

struct Definition {
    const char *name;
    QVariant (*defaultValue)();
};

Definition definition(WorkstationSettings::Key key)
{
    switch (key) {
    case WorkstationSettings::Key::ReceiverUrl:
        return {"receiver/url", [] { return QVariant(QStringLiteral("https://127.0.0.1:8443")); }};
    case WorkstationSettings::Key::ReceiverCaFile:
        return {"receiver/caFile", [] { return QVariant(QString()); }};
    case WorkstationSettings::Key::ModelsDirectory:
        return {"face/modelsDirectory", [] { return QVariant(ModelSet::defaultDirectory()); }};
    case WorkstationSettings::Key::StoreLocation:
        return {"store/location", [] { return QVariant(QString()); }};
    }
    return {"", [] { return QVariant(); }};
}

constexpr const char *kTokenFile = "receiver-token";

} // namespace

WorkstationSettings::WorkstationSettings()
    : WorkstationSettings(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
{
}

WorkstationSettings::WorkstationSettings(const QString &directory) : m_directory(directory)
{
    QDir().mkpath(directory);
    m_settings =
        std::make_unique<QSettings>(QDir(directory).filePath(QStringLiteral("madoguchi.ini")), QSettings::IniFormat);
}

std::unique_ptr<WorkstationSettings> WorkstationSettings::createForTesting(const QString &directory)
{
    return std::unique_ptr<WorkstationSettings>(new WorkstationSettings(directory));
}

WorkstationSettings::~WorkstationSettings() = default;

QVariant WorkstationSettings::value(Key key) const
{
    const Definition d = definition(key);
    return m_settings->value(QString::fromLatin1(d.name), d.defaultValue());
}

void WorkstationSettings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(QString::fromLatin1(definition(key).name), value);
}

QString WorkstationSettings::receiverToken() const
{
    QFile file(QDir(m_directory).filePath(QString::fromLatin1(kTokenFile)));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool WorkstationSettings::setReceiverToken(const QString &token)
{
    QSaveFile file(QDir(m_directory).filePath(QString::fromLatin1(kTokenFile)));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(token.toUtf8());
    return file.commit();
}

void WorkstationSettings::sync()
{
    m_settings->sync();
}

} // namespace mado
