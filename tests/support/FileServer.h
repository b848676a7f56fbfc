#pragma once

#include <QByteArray>
#include <QMap>
#include <QMutex>
#include <QString>

#include <memory>

namespace Poco::Net {
class HTTPServer;
}

namespace mado::test {

// A real HTTP server on 127.0.0.1 (a free port) for download tests: GET of a path added with
// serve() answers its bytes with a Content-Length, in chunks of `chunkBytes` with `pauseMs`
// between them (so a client's progress can be watched); any other path answers 404.
class FileServer {
public:
    explicit FileServer(int chunkBytes = 1 << 20, int pauseMs = 0);
    ~FileServer();
    FileServer(const FileServer &) = delete;
    FileServer &operator=(const FileServer &) = delete;

    void serve(const QString &path, const QByteArray &bytes);
    QString url(const QString &path) const;
    int requests() const;

private:
    struct Shared {
        QMutex mutex;
        QMap<QString, QByteArray> files;
        int chunkBytes;
        int pauseMs;
        int requests = 0;
    };
    class Handler;
    class Factory;

    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<Poco::Net::HTTPServer> m_server;
    unsigned short m_port = 0;
};

// A models archive like Debian's dlib models source package (dlib-models/<name>.bz2 in a
// .tar.bz2), built with tar and bzip2 from the real model files in `modelsDirectory`. With
// `corruptDetector`, one byte of mmod_human_face_detector.dat is changed first. Empty on failure.
QByteArray buildModelArchive(const QString &modelsDirectory, const QString &workDirectory, bool corruptDetector);

} // namespace mado::test
