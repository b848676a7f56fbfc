// mado-seal-bench [MEGABYTES] [ROUNDS]: the cost of sealing at rest, measured in one run. For an
// image-sized buffer (default 4 MB of random bytes, like a JPEG, which does not compress), times
// a plain copy, Keyring::seal, Keyring::open, and the same through files in a temporary directory
// (write+fsync plain vs SealedFile::write; read plain vs SealedFile::read), best of ROUNDS.
#include "core/crypto/Keyring.h"
#include "core/crypto/SealedFile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>
#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

using namespace mado;

namespace {

// The baseline's fsync (what SealedFile::write does after writing: OwnerOnlyFile).
bool syncToDisk(int fd)
{
#ifdef Q_OS_WIN
    return ::_commit(fd) == 0;
#else
    return ::fsync(fd) == 0;
#endif
}

double bestSeconds(int rounds, const std::function<void()> &work)
{
    double best = 1e9;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, double(timer.nsecsElapsed()) / 1e9);
    }
    return best;
}

void report(const char *what, qint64 bytes, double seconds)
{
    std::printf("%-34s %9.3f ms %9.1f MB/s\n", what, seconds * 1e3, double(bytes) / 1e6 / seconds);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 bytes = qint64(argc > 1 ? std::atof(argv[1]) : 4.0) * 1000 * 1000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 20;
    QByteArray plain(bytes, Qt::Uninitialized);
    QRandomGenerator random(1);
    random.fillRange(reinterpret_cast<quint32 *>(plain.data()), plain.size() / 4);
    const Keyring keyring(DataKey::generate());
    QTemporaryDir dir;
    std::printf("%lld bytes, best of %d rounds\n", static_cast<long long>(bytes), rounds);

    QByteArray copy;
    report("memory: plain copy", bytes, bestSeconds(rounds, [&] {
               copy = QByteArray(plain.constData(), plain.size());
           }));
    QByteArray sealed;
    report("memory: seal", bytes, bestSeconds(rounds, [&] { sealed = keyring.seal(plain); }));
    QByteArray opened;
    report("memory: open", bytes, bestSeconds(rounds, [&] { opened = keyring.open(sealed).value(); }));
    if (opened != plain)
        return 1;

    int n = 0;
    report("file: plain write+fsync", bytes, bestSeconds(rounds, [&] {
               QFile file(dir.filePath(QStringLiteral("p%1").arg(n++)));
               if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(plain) != plain.size() ||
                   !file.flush() || !syncToDisk(file.handle()))
                   std::abort();
           }));
    report("file: SealedFile::write (+fsync)", bytes, bestSeconds(rounds, [&] {
               if (!SealedFile::write(dir.filePath(QStringLiteral("s%1").arg(n++)), plain, keyring))
                   std::abort();
           }));
    const QString plainPath = dir.filePath(QStringLiteral("p0"));
    const QString sealedPath = dir.filePath(QStringLiteral("s%1").arg(n - 1));
    report("file: plain read", bytes, bestSeconds(rounds, [&] {
               QFile file(plainPath);
               if (!file.open(QIODevice::ReadOnly))
                   std::abort();
               copy = file.readAll();
           }));
    report("file: SealedFile::read", bytes, bestSeconds(rounds, [&] {
               opened = SealedFile::read(sealedPath, &keyring).value();
           }));
    return opened == plain ? 0 : 1;
}
