// madoguchi-linesim: the LINE platform simulator for the demo and manual tests. Wiring only; the
// simulator and its client side are tests/support/LineSimulator and tests/support/LineClient.
#include "tests/support/LineClient.h"
#include "tests/support/LineSimulator.h"

#include <QByteArray>
#include <QFile>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>
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
    std::cerr << "usage:\n"
                 "  madoguchi-linesim serve --access-token-file FILE [--listen HOST:PORT]\n"
                 "      LINE endpoints: POST /oauth2/v2.1/verify, POST /v2/bot/message/push|reply,\n"
                 "      GET /v2/bot/message/{id}/content; admin: POST /admin/id-tokens, POST /admin/fail-pushes,\n"
                 "      GET /admin/messages; faults: POST /admin/faults {\"endpoint\": verify|push|reply|content|all,\n"
                 "      \"count\": N, \"status\": 429|5xx} (count 0 ends it), GET /admin/counts,\n"
                 "      POST /admin/content/{id} (raw bytes)\n"
                 "  madoguchi-linesim webhook --receiver URL --channel-secret-file FILE --user ID --type TYPE\n"
                 "      [--text TEXT] [--image-id ID] [--event-id ID] [--redelivery]\n"
                 "      sends one signed webhook event (follow, unfollow, message) to URL/line/webhook\n"
                 "  madoguchi-linesim apply --receiver URL --id-token TOKEN --bundle DIR [--idempotency-key KEY]\n"
                 "                         [--signing jpki]\n"
                 "      submits a case bundle directory as a LIFF application (challenge, then multipart);\n"
                 "      --signing jpki: to be signed with the My Number card (madoguchi-cli demo sign-remote)\n";
    return 2;
}

QByteArray readSecret(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

int serve(std::map<std::string, std::string> &args)
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8490;
    if (args.count("--listen")) {
        const QString value = QString::fromStdString(args["--listen"]);
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0)
            return usage();
        host = value.left(colon);
        port = quint16(value.mid(colon + 1).toUInt());
    }
    const QByteArray token = readSecret(QString::fromStdString(args["--access-token-file"]));
    if (token.isEmpty())
        return usage();
    mado::test::LineSimulator simulator(token);
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

int printAnswer(const mado::test::LineClient::Answer &answer)
{
    std::cout << answer.status << ' ' << answer.body.toStdString() << std::endl;
    return answer.status >= 200 && answer.status < 300 ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const std::string command = argv[1];
    std::map<std::string, std::string> args;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--redelivery")
            args[arg] = "1";
        else if (arg.rfind("--", 0) == 0 && i + 1 < argc)
            args[arg] = argv[++i];
        else
            return usage();
    }
    const auto get = [&args](const char *key) { return QString::fromStdString(args[key]); };
    if (command == "serve")
        return serve(args);
    if (command == "webhook") {
        const QByteArray secret = readSecret(get("--channel-secret-file"));
        if (secret.isEmpty() || get("--receiver").isEmpty() || get("--user").isEmpty() || get("--type").isEmpty())
            return usage();
        QJsonObject message;
        if (args.count("--text"))
            message = QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                  {QStringLiteral("id"), QStringLiteral("100001")},
                                  {QStringLiteral("text"), get("--text")}};
        else if (args.count("--image-id"))
            message = QJsonObject{{QStringLiteral("type"), QStringLiteral("image")},
                                  {QStringLiteral("id"), get("--image-id")}};
        const QString eventId =
            args.count("--event-id") ? get("--event-id") : QUuid::createUuid().toString(QUuid::WithoutBraces);
        return printAnswer(mado::test::LineClient::sendWebhook(
            get("--receiver"), secret,
            {mado::test::LineClient::event(eventId, get("--type"), get("--user"), message,
                                           args.count("--redelivery") > 0)}));
    }
    if (command == "apply") {
        if (get("--receiver").isEmpty() || get("--id-token").isEmpty() || get("--bundle").isEmpty())
            return usage();
        const QString key = args.count("--idempotency-key") ? get("--idempotency-key")
                                                            : QUuid::createUuid().toString(QUuid::WithoutBraces);
        QMap<QString, QString> extra;
        if (args.count("--signing"))
            extra.insert(QStringLiteral("signing"), get("--signing"));
        return printAnswer(
            mado::test::LineClient::submitBundle(get("--receiver"), get("--id-token"), get("--bundle"), key, extra));
    }
    return usage();
}
