// madoguchi-linesim: the LINE platform simulator on loopback, for the demo and manual tests.
// Wiring only; the simulator is tests/support/LineSimulator.
#include "tests/support/LineSimulator.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

namespace {

volatile std::sig_atomic_t g_stop = 0;

void onSignal(int)
{
    g_stop = 1;
}

int usage()
{
    std::cerr << "usage: madoguchi-linesim [--listen HOST:PORT] --access-token-file FILE\n"
                 "Serves POST /oauth2/v2.1/verify, POST /v2/bot/message/push|reply, GET /v2/bot/message/{id}/content\n"
                 "and the admin endpoints POST /admin/id-tokens, POST /admin/fail-pushes, GET /admin/messages.\n";
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8490;
    QString tokenFile;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--listen" && i + 1 < argc) {
            const QString value = QString::fromLocal8Bit(argv[++i]);
            const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
            if (colon <= 0)
                return usage();
            host = value.left(colon);
            port = quint16(value.mid(colon + 1).toUInt());
        } else if (arg == "--access-token-file" && i + 1 < argc) {
            tokenFile = QString::fromLocal8Bit(argv[++i]);
        } else {
            return usage();
        }
    }
    QFile file(tokenFile);
    if (tokenFile.isEmpty() || !file.open(QIODevice::ReadOnly))
        return usage();
    mado::test::LineSimulator simulator(file.readAll().trimmed());
    if (!simulator.start(host, port)) {
        std::cerr << "madoguchi-linesim: cannot listen on " << host.toStdString() << ':' << port << std::endl;
        return 1;
    }
    std::cout << "madoguchi-linesim: listening on " << host.toStdString() << ':' << simulator.port() << std::endl;
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    while (!g_stop)
        ::pause();
    simulator.stop();
    return 0;
}
