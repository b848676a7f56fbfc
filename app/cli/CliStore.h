#pragma once

#include "app/cli/Command.h"
#include "core/domain/SystemClock.h"
#include "core/security/Session.h"
#include "core/store/CaseStore.h"

#include <QCommandLineOption>
#include <QString>

#include <memory>
#include <optional>

namespace mado::cli {

// What the store commands share: the --store (a path or URL: StoreAddress), --store-password-file
// and --as options, opening the store found by
// StoreLocation, and logging in the acting user with the password read from the next line of
// standard input (commands never take passwords as arguments). Messages go to the command's
// standard error.
class CliStore {
public:
    static QCommandLineOption storeOption();
    // --store-password-file; Command adds it to every command with --store and passes it on as
    // $MADOGUCHI_STORE_PASSWORD_FILE (StoreAddress::passwordFile).
    static QCommandLineOption passwordFileOption();
    static QCommandLineOption asOption(const QString &who);

    CliStore(const QString &storeOptionValue, const QString &actingLogin);

    const QString &path() const { return m_path; }
    const QString &actingLogin() const { return m_as; }
    // Opens (and migrates) the store; prints the reason and returns nullptr on failure.
    CaseStore *open(CliStreams streams, bool create = false);
    // Logs in --as with the next stdin line; prints the reason on failure. Commands check that
    // --as is given first (Command::requireAs, Command::logIn).
    std::optional<Session> login(CliStreams streams);
    void logout(const Session &session);
    // open() and login() together, for the commands an acting user runs; on failure nullopt, and
    // failure() is the exit code (kExitSetup: no store; kExitFailed: the login was refused).
    std::optional<Session> openAndLogin(CliStreams streams);
    int failure() const { return m_failure; }
    // The store opened by open() or openAndLogin().
    CaseStore &store() { return *m_store; }
    // The next line of standard input (passwords).
    static QString readSecretLine();
    static int exitCodeFor(const Error &error);

private:
    QString m_path;
    QString m_as;
    SystemClock m_clock;
    std::unique_ptr<CaseStore> m_store;
    int m_failure = kExitOk;
};

} // namespace mado::cli
