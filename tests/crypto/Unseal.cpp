// mado-unseal KEYFILE IN OUT: opens one sealed blob (core/crypto's format) with the key in KEYFILE
// and writes the plain bytes to OUT. A test tool: the browser test reads what the receiver sealed
// in its spool (manifest envelopes and image files) to verify the bundle as stored. Exit 1 with
// the reason when the key file is refused or the blob does not open.
#include "core/crypto/DataKey.h"
#include "core/crypto/Keyring.h"

#include <QFile>
#include <QString>

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: mado-unseal KEYFILE IN OUT\n");
        return 64;
    }
    auto key = mado::DataKey::loadFile(QString::fromLocal8Bit(argv[1]), QStringLiteral("key"));
    if (!key) {
        std::fprintf(stderr, "mado-unseal: %s\n", qPrintable(key.error().message));
        return 1;
    }
    QFile in(QString::fromLocal8Bit(argv[2]));
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "mado-unseal: cannot read %s\n", argv[2]);
        return 1;
    }
    const mado::Keyring keyring(key.value());
    auto plain = keyring.open(in.readAll());
    if (!plain) {
        std::fprintf(stderr, "mado-unseal: %s\n", qPrintable(plain.error().message));
        return 1;
    }
    QFile out(QString::fromLocal8Bit(argv[3]));
    if (!out.open(QIODevice::WriteOnly) || out.write(plain.value()) != plain.value().size()) {
        std::fprintf(stderr, "mado-unseal: cannot write %s\n", argv[3]);
        return 1;
    }
    return 0;
}
