#pragma once

#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace mado {

// The workstation's settings, keyed by an enum with a table of defaults (KeePassXC's Config).
// Stored in an INI file in the user's config directory; the receiver token is a secret and lives
// in a separate owner-only file next to it, never in the INI file. GUI thread only.
class WorkstationSettings {
public:
    // ReceiverCaFile: PEM file of the CA certificates trusted for the receiver (a ward's own CA);
    // empty: the system's CA certificates.
    // StoreLocation: the store file or server URL the first-start dialog opened or created, used
    // when neither --store nor MADOGUCHI_STORE names one; empty: StoreLocation's default.
    enum class Key { ReceiverUrl, ReceiverCaFile, ModelsDirectory, StoreLocation };

    // The user's settings (QStandardPaths::AppConfigLocation).
    WorkstationSettings();
    // Settings in `directory`, for tests.
    static std::unique_ptr<WorkstationSettings> createForTesting(const QString &directory);
    ~WorkstationSettings();

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    QString receiverToken() const;
    // False when the token file could not be written.
    bool setReceiverToken(const QString &token);
    void sync();

private:
    explicit WorkstationSettings(const QString &directory);

    QString m_directory;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace mado
