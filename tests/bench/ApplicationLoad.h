#pragma once

#include <QByteArray>
#include <QString>

#include <mutex>
#include <vector>

namespace mado::test {
class LineSimulator;
}

namespace mado::bench {

class BenchSession;

// LIFF submissions for the load generator: submission `index` is one fictitious applicant (own
// LINE user, ID token minted by the LINE simulator) who asks for a challenge and then posts a
// complete multipart application (specimen form fields, a document image and four selfie frames,
// real 640x480 JPEG/PNG files). Remembers the references of the applications answered 201, for the
// durability check. send() may be called from several threads.
class ApplicationLoad {
public:
    ApplicationLoad(test::LineSimulator &line, QString channelId, QString tag);

    bool send(BenchSession &session, int index);
    std::vector<QString> references() const;
    // Bytes of one multipart application body.
    qint64 bodyBytes() const { return body(QStringLiteral("nonce")).size(); }

private:
    QByteArray body(const QString &nonce) const;

    test::LineSimulator &m_line;
    QString m_channelId;
    QString m_tag;
    QByteArray m_jpeg;
    QByteArray m_png;
    mutable std::mutex m_mutex;
    std::vector<QString> m_references;
};

} // namespace mado::bench
