#pragma once

#include "app/cli/CliCommand.h"
#include "core/domain/SystemClock.h"
#include "core/security/Session.h"
#include "core/store/CaseStore.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace mado::cli {

// What the store commands share: where the store is (--store FILE, else $MADOGUCHI_STORE, else
// $XDG_DATA_HOME/madoguchi/store.sqlite), opening it, and logging in the acting user with the
// password read from the first line of standard input (commands never take passwords as arguments).
class CliStore {
public:
    // Removes "--store FILE" and "--as LOGIN" from `arguments`.
    explicit CliStore(QStringList &arguments);

    const QString &path() const { return m_path; }
    const QString &actingLogin() const { return m_as; }
    // Opens (and migrates) the store; prints the reason and returns nullptr on failure.
    CaseStore *open(CliStreams streams, bool create = false);
    // Logs in --as with the next stdin line; prints the reason on failure.
    std::optional<Session> login(CliStreams streams);
    void logout(const Session &session);
    // The next line of standard input (passwords).
    static QString readSecretLine();
    static int exitCodeFor(const Error &error);

private:
    QString m_path;
    QString m_as;
    SystemClock m_clock;
    std::unique_ptr<CaseStore> m_store;
};

} // namespace mado::cli
