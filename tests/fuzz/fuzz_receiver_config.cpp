// Fuzz target: ReceiverConfig, the receiver's INI configuration (read by Poco's IniFileConfiguration).
// Input: the INI file. The secret files it may name exist in a temporary directory; keys the input does
// not set fall back to a base configuration that names those files, so the checks after them are reached.
// Inputs naming /dev, /proc, /sys or /run are skipped: the configuration is the administrator's, and a
// secret file that is a device or a FIFO is out of scope (it would only make the fuzzer hang).
// Properties: load() either fails with InvalidArgument naming the problem, or gives values within the
// documented ranges; no exception escapes (Poco's syntax errors are the caller's to catch, as main does).

#include "core/receiver/ReceiverConfig.h"
#include "tests/fuzz/FuzzSupport.h"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/MapConfiguration.h>

#include <QFile>
#include <QTemporaryDir>

#include <sstream>
#include <string>

namespace {

struct Secrets {
    QTemporaryDir dir;

    Secrets()
    {
        MADO_FUZZ_CHECK(dir.isValid());
        write("channel-secret", "fuzz-channel-secret-0123456789ab\n");
        write("access-token", "fuzz-access-token\n");
        write("challenge-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n");
        write("spool-key", QByteArray(32, 'k'));
        write("workstation-tokens",
              "desk1:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n");
    }
    void write(const char *name, const QByteArray &content)
    {
        QFile file(dir.filePath(QLatin1String(name)));
        MADO_FUZZ_CHECK(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    std::string path(const char *name) const { return dir.filePath(QLatin1String(name)).toStdString(); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mado::fuzz::quietQt();
    static const Secrets secrets;
    const std::string input(reinterpret_cast<const char *>(data), size);
    for (const char *special : {"/dev", "/proc", "/sys", "/run"}) {
        if (input.find(special) != std::string::npos)
            return 0;
    }

    Poco::AutoPtr<Poco::Util::IniFileConfiguration> file(new Poco::Util::IniFileConfiguration);
    try {
        std::istringstream stream(input);
        file->load(stream);
    } catch (const Poco::Exception &) {
        return 0;
    }
    Poco::AutoPtr<Poco::Util::MapConfiguration> base(new Poco::Util::MapConfiguration);
    base->setString("line.channel_secret_file", secrets.path("channel-secret"));
    base->setString("line.channel_access_token_file", secrets.path("access-token"));
    base->setString("spool.path", secrets.path("spool.sqlite"));
    base->setString("spool.key_file", secrets.path("spool-key"));
    base->setString("challenge.key_file", secrets.path("challenge-key"));
    base->setString("workstation.tokens_file", secrets.path("workstation-tokens"));
    Poco::AutoPtr<Poco::Util::LayeredConfiguration> config(new Poco::Util::LayeredConfiguration);
    config->add(file, 0);
    config->add(base, 1);

    (void)mado::ReceiverConfig::checkKnownKeys(*file);
    const auto loaded = mado::ReceiverConfig::load(*config);
    if (!loaded) {
        MADO_FUZZ_CHECK(loaded.error().code == mado::ErrorCode::InvalidArgument);
        return 0;
    }
    const mado::ReceiverConfig &c = loaded.value();
    MADO_FUZZ_CHECK(c.maxThreads >= 1 && c.maxThreads <= 256);
    MADO_FUZZ_CHECK(!c.channelSecret.isEmpty() && !c.channelAccessToken.isEmpty() && !c.spoolPath.isEmpty());
    MADO_FUZZ_CHECK(c.maxBodyBytes >= 1024 && c.maxBodyBytes <= 64 * 1024 * 1024);
    MADO_FUZZ_CHECK(c.challengeDirections.size() >= 2 && c.challengeDirections.size() <= 4);
    MADO_FUZZ_CHECK(!c.workstationApiEnabled() || c.workstationTokens.size() > 0);
    (void)c.serverOptions();
    return 0;
}
