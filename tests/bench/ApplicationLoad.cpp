#include "tests/bench/ApplicationLoad.h"

#include "tests/bench/BenchSession.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/LineSimulator.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace mado::bench {

namespace {

const QByteArray kBoundary = "----MadoLoadgenBoundary5Kx2Qw";

} // namespace

ApplicationLoad::ApplicationLoad(test::LineSimulator &line, QString channelId, QString tag)
    : m_line(line), m_channelId(std::move(channelId)), m_tag(std::move(tag)), m_jpeg(test::faceFreeJpeg(640, 480)),
      m_png(test::faceFreePng(640, 480))
{
}

QByteArray ApplicationLoad::body(const QString &nonce) const
{
    // Specimen (fictitious) applicant data, as in the applicant API tests.
    const std::pair<const char *, QString> fields[] = {{"procedure", QStringLiteral("juminhyo_copy")},
                                                       {"name", QStringLiteral("見本 花子")},
                                                       {"kana", QStringLiteral("ミホン ハナコ")},
                                                       {"dateOfBirth", QStringLiteral("1985-07-15")},
                                                       {"postalCode", QStringLiteral("100-0001")},
                                                       {"prefecture", QStringLiteral("東京都")},
                                                       {"city", QStringLiteral("見本区")},
                                                       {"line", QStringLiteral("見本町1-2-3")},
                                                       {"phone", QStringLiteral("03-0000-0000")},
                                                       {"copies", QStringLiteral("2")},
                                                       {"documentType", QStringLiteral("my_number_card")},
                                                       {"challenge", nonce}};
    QByteArray out;
    for (const auto &[name, value] : fields)
        out += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value.toUtf8() +
               "\r\n";
    const std::pair<const char *, const QByteArray *> files[] = {
        {"document_front", &m_jpeg}, {"frame0", &m_jpeg}, {"frame1", &m_png}, {"frame2", &m_jpeg}, {"frame3", &m_jpeg}};
    for (const auto &[name, bytes] : files)
        out += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name +
               "\"; filename=\"blob\"\r\nContent-Type: application/octet-stream\r\n\r\n" + *bytes + "\r\n";
    return out + "--" + kBoundary + "--\r\n";
}

bool ApplicationLoad::send(BenchSession &session, int index)
{
    const QString user = QStringLiteral("U%1").arg(qHash(m_tag + QString::number(index)), 32, 16, QLatin1Char('0'));
    const std::string auth = "Bearer " + m_line.mintIdToken(user, m_channelId).toStdString();
    const auto challenge = session.post("/api/v1/challenges", {}, {{"Authorization", auth}});
    if (challenge.status != 201)
        return false;
    const QString nonce = QJsonDocument::fromJson(challenge.body).object().value(QStringLiteral("nonce")).toString();
    const auto answer =
        session.post("/api/v1/applications", body(nonce),
                     {{"Content-Type", "multipart/form-data; boundary=" + kBoundary.toStdString()},
                      {"Authorization", auth},
                      {"Idempotency-Key", QStringLiteral("%1-%2").arg(m_tag).arg(index).toStdString()}});
    if (answer.status != 201)
        return false;
    const QString reference =
        QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("reference")).toString();
    std::lock_guard<std::mutex> lock(m_mutex);
    m_references.push_back(reference);
    return true;
}

std::vector<QString> ApplicationLoad::references() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_references;
}

} // namespace mado::bench
