#include "tests/support/FileServer.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

namespace mado::test {

class FileServer::Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}

    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override
    {
        QByteArray bytes;
        bool found = false;
        {
            QMutexLocker lock(&m_shared->mutex);
            ++m_shared->requests;
            const QString path = QString::fromStdString(request.getURI());
            found = m_shared->files.contains(path);
            bytes = m_shared->files.value(path);
        }
        if (!found) {
            response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
            response.setContentLength(0);
            response.send();
            return;
        }
        response.setContentType("application/x-bzip2");
        response.setContentLength64(bytes.size());
        std::ostream &out = response.send();
        for (qsizetype at = 0; at < bytes.size() && out; at += m_shared->chunkBytes) {
            out.write(bytes.constData() + at, qMin<qsizetype>(m_shared->chunkBytes, bytes.size() - at));
            out.flush();
            if (m_shared->pauseMs > 0)
                QThread::msleep(m_shared->pauseMs);
        }
    }

private:
    std::shared_ptr<Shared> m_shared;
};

class FileServer::Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}
    Poco::Net::HTTPRequestHandler *createRequestHandler(const Poco::Net::HTTPServerRequest &) override
    {
        return new Handler(m_shared);
    }

private:
    std::shared_ptr<Shared> m_shared;
};

FileServer::FileServer(int chunkBytes, int pauseMs) : m_shared(std::make_shared<Shared>())
{
    m_shared->chunkBytes = chunkBytes;
    m_shared->pauseMs = pauseMs;
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    m_port = socket.address().port();
    auto *params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(4);
    m_server = std::make_unique<Poco::Net::HTTPServer>(new Factory(m_shared), socket, params);
    m_server->start();
}

FileServer::~FileServer()
{
    m_server->stopAll(true);
}

void FileServer::serve(const QString &path, const QByteArray &bytes)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->files.insert(path, bytes);
}

QString FileServer::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

int FileServer::requests() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->requests;
}

namespace {

bool runTool(const QString &program, const QStringList &arguments, const QString &directory)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(program, arguments);
    return process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

QByteArray buildModelArchive(const QString &modelsDirectory, const QString &workDirectory, bool corruptDetector)
{
    const QDir work(workDirectory);
    if (!work.mkpath(QStringLiteral("dlib-models")))
        return {};
    const QDir inside(work.filePath(QStringLiteral("dlib-models")));
    // As in dlib-models: the large models bzip2-compressed; the detector stored plain, so both kinds are read.
    const QStringList compressed = {QStringLiteral("dlib_face_recognition_resnet_model_v1.dat"),
                                    QStringLiteral("shape_predictor_5_face_landmarks.dat")};
    const QString detector = QStringLiteral("mmod_human_face_detector.dat");
    for (const QString &name : compressed + QStringList{detector}) {
        QFile::remove(inside.filePath(name));
        QFile::remove(inside.filePath(name + QStringLiteral(".bz2")));
        if (!QFile::copy(QDir(modelsDirectory).filePath(name), inside.filePath(name)))
            return {};
    }
    if (corruptDetector) {
        QFile file(inside.filePath(detector));
        if (!file.open(QIODevice::ReadWrite) || !file.seek(1000))
            return {};
        char byte = 0;
        file.getChar(&byte);
        file.seek(1000);
        file.putChar(char(byte ^ 0x5a));
    }
    QStringList members;
    for (const QString &name : compressed) {
        if (!runTool(QStringLiteral("bzip2"), {QStringLiteral("-1"), name}, inside.path()))
            return {};
        members << QStringLiteral("dlib-models/") + name + QStringLiteral(".bz2");
    }
    members << QStringLiteral("dlib-models/") + detector;
    const QString archive = work.filePath(QStringLiteral("models.tar.bz2"));
    QFile::remove(archive);
    if (!runTool(QStringLiteral("tar"), QStringList{QStringLiteral("-cjf"), archive} + members, work.path()))
        return {};
    QFile file(archive);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace mado::test
