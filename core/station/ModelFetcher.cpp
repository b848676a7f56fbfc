#include "core/station/ModelFetcher.h"

#include "core/net/HttpCall.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QTemporaryFile>

#include <bzlib.h>

#include <functional>

namespace mado {

namespace {

const char *const kDebianModelsUrl =
    "https://deb.debian.org/debian/pool/main/d/dlib/dlib_19.24+dfsg.orig-dlib-models.tar.bz2";

using Output = std::function<Status(const char *data, qint64 size)>;

// bzip2 decompression of a stream fed in pieces; concatenated bzip2 streams are read one after the other.
class Bunzip {
public:
    Bunzip() { m_ok = BZ2_bzDecompressInit(&m_stream, 0, 0) == BZ_OK; }
    ~Bunzip() { BZ2_bzDecompressEnd(&m_stream); }
    Bunzip(const Bunzip &) = delete;
    Bunzip &operator=(const Bunzip &) = delete;

    Status feed(const char *data, qint64 size, const Output &out)
    {
        m_stream.next_in = const_cast<char *>(data);
        m_stream.avail_in = unsigned(size);
        while (m_stream.avail_in > 0) {
            if (!m_ok)
                return invalid();
            if (m_ended) { // another stream follows the one that ended
                BZ2_bzDecompressEnd(&m_stream);
                char *next = m_stream.next_in;
                const unsigned left = m_stream.avail_in;
                m_stream = bz_stream{};
                m_ok = BZ2_bzDecompressInit(&m_stream, 0, 0) == BZ_OK;
                m_stream.next_in = next;
                m_stream.avail_in = left;
                m_ended = false;
                continue;
            }
            m_stream.next_out = m_buffer;
            m_stream.avail_out = sizeof m_buffer;
            const int code = BZ2_bzDecompress(&m_stream);
            if (code != BZ_OK && code != BZ_STREAM_END)
                return invalid();
            m_ended = code == BZ_STREAM_END;
            const qint64 produced = qint64(sizeof m_buffer - m_stream.avail_out);
            if (produced > 0)
                if (Status written = out(m_buffer, produced); !written)
                    return written;
        }
        return {};
    }
    // BundleInvalid unless the data ended with a complete stream.
    Status finish() const { return m_ended ? Status() : invalid(); }

private:
    static Status invalid() { return Error{ErrorCode::BundleInvalid, QStringLiteral("not bzip2 data")}; }

    bz_stream m_stream{};
    char m_buffer[1 << 16];
    bool m_ok = false;
    bool m_ended = false;
};

// Reads a tar stream fed in pieces (ustar, GNU long names; pax headers skipped) and keeps the
// contents of the entries whose file name `wanted` accepts.
class TarReader {
public:
    explicit TarReader(std::function<bool(const QString &baseName)> wanted) : m_wanted(std::move(wanted)) {}

    Status feed(const char *data, qint64 size)
    {
        while (size > 0 && !m_end) {
            if (m_remaining == 0 && m_padding == 0) {
                const qint64 take = qMin<qint64>(512 - m_header.size(), size);
                m_header.append(data, take);
                data += take;
                size -= take;
                if (m_header.size() == 512) {
                    if (Status parsed = parseHeader(); !parsed)
                        return parsed;
                    m_header.clear();
                }
                continue;
            }
            if (m_remaining > 0) {
                const qint64 take = qMin(m_remaining, size);
                if (m_keep)
                    m_current.append(data, take);
                data += take;
                size -= take;
                m_remaining -= take;
                if (m_remaining == 0)
                    entryDone();
                continue;
            }
            const qint64 skip = qMin(m_padding, size);
            data += skip;
            size -= skip;
            m_padding -= skip;
        }
        return {};
    }
    const QHash<QString, QByteArray> &entries() const { return m_entries; }

private:
    Status parseHeader()
    {
        const char *h = m_header.constData();
        if (m_header.count('\0') == 512) {
            m_end = true; // the end-of-archive block
            return {};
        }
        qint64 sum = 0;
        for (int i = 0; i < 512; ++i)
            sum += (i >= 148 && i < 156) ? ' ' : quint8(h[i]);
        bool ok = false;
        const qint64 stored = QByteArray(h + 148, 8).trimmed().replace('\0', "").toLongLong(&ok, 8);
        if (!ok || stored != sum)
            return Error{ErrorCode::BundleInvalid, QStringLiteral("not a tar archive")};
        const qint64 size = QByteArray(h + 124, 12).replace('\0', "").trimmed().toLongLong(&ok, 8);
        if (!ok || size < 0)
            return Error{ErrorCode::BundleInvalid, QStringLiteral("a tar entry has no valid size")};
        const char type = h[156];
        QString name = QString::fromUtf8(QByteArray(h, 100).constData());
        if (QByteArray(h + 257, 5) == "ustar" && h[345] != '\0')
            name = QString::fromUtf8(QByteArray(h + 345, 155).constData()) + QLatin1Char('/') + name;
        if (!m_longName.isEmpty()) {
            name = m_longName;
            m_longName.clear();
        }
        m_remaining = size;
        m_padding = (512 - size % 512) % 512;
        m_currentName = name.section(QLatin1Char('/'), -1);
        m_isLongName = type == 'L';
        m_keep = m_isLongName || ((type == '0' || type == '\0') && m_wanted(m_currentName));
        m_current.clear();
        if (size == 0)
            entryDone();
        return {};
    }
    void entryDone()
    {
        if (m_isLongName)
            m_longName = QString::fromUtf8(m_current.constData());
        else if (m_keep)
            m_entries.insert(m_currentName, m_current);
        m_current.clear();
        m_keep = false;
        m_isLongName = false;
    }

    std::function<bool(const QString &)> m_wanted;
    QByteArray m_header;
    qint64 m_remaining = 0;
    qint64 m_padding = 0;
    bool m_keep = false;
    bool m_isLongName = false;
    bool m_end = false;
    QString m_currentName;
    QString m_longName;
    QByteArray m_current;
    QHash<QString, QByteArray> m_entries;
};

// Writes one model into `directory` if its SHA-256 is the expected one; nothing is left otherwise.
Status install(Model model, const QByteArray &stored, bool compressed, const QString &directory)
{
    const QString target = QDir(directory).filePath(ModelSet::fileName(model));
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::Io, QStringLiteral("%1 cannot be written: %2").arg(target, file.errorString())};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const Output write = [&](const char *data, qint64 size) -> Status {
        hash.addData(QByteArrayView(data, size));
        if (file.write(data, size) != size)
            return Error{ErrorCode::Io, QStringLiteral("%1 cannot be written: %2").arg(target, file.errorString())};
        return {};
    };
    if (compressed) {
        Bunzip bunzip;
        if (Status done = bunzip.feed(stored.constData(), stored.size(), write); !done)
            return done;
        if (Status done = bunzip.finish(); !done)
            return done;
    } else if (Status done = write(stored.constData(), stored.size()); !done) {
        return done;
    }
    const QString actual = QString::fromLatin1(hash.result().toHex());
    if (actual != ModelSet::expectedSha256(model)) {
        file.cancelWriting();
        return Error{ErrorCode::ModelCorrupt, QStringLiteral("%1 in the archive has SHA-256 %2, expected %3")
                                                  .arg(ModelSet::fileName(model), actual, ModelSet::expectedSha256(model))};
    }
    if (!file.commit())
        return Error{ErrorCode::Io, QStringLiteral("%1 cannot be written: %2").arg(target, file.errorString())};
    return {};
}

Status download(const ModelFetcher::Source &source, QFile &archive, ModelFetcher::Progress &progress)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    progress.stage = ModelFetcher::Progress::Downloading;
    Status got = HttpCall::get(source.url, [&](const char *data, qint64 size, qint64 length) {
        if (progress.cancel)
            return false;
        if (archive.write(data, size) != size)
            return false;
        hash.addData(QByteArrayView(data, size));
        progress.total = length;
        progress.done += size;
        return true;
    });
    if (!got) {
        if (progress.cancel)
            return Error{ErrorCode::InvalidState, QStringLiteral("cancelled")};
        if (archive.error() != QFileDevice::NoError)
            return Error{ErrorCode::Io, QStringLiteral("the download cannot be stored: %1").arg(archive.errorString())};
        return got;
    }
    const QString actual = QString::fromLatin1(hash.result().toHex());
    if (!source.archiveSha256.isEmpty() && actual != source.archiveSha256.toLower())
        return Error{ErrorCode::ModelCorrupt,
                     QStringLiteral("the archive has SHA-256 %1, expected %2").arg(actual, source.archiveSha256)};
    return {};
}

} // namespace

ModelFetcher::Source ModelFetcher::defaultSource()
{
    const QString fromEnv = qEnvironmentVariable("MADOGUCHI_MODELS_URL");
    return Source{fromEnv.isEmpty() ? QString::fromLatin1(kDebianModelsUrl) : fromEnv, QString()};
}

QList<Model> ModelFetcher::fetchedModels()
{
    return {Model::ShapePredictor5, Model::FaceRecognitionResNet, Model::MmodFaceDetector};
}

Status ModelFetcher::fetch(const Source &source, const QString &directory, Progress &progress)
{
    if (!QDir().mkpath(directory))
        return Error{ErrorCode::Io, QStringLiteral("the models directory %1 cannot be created").arg(directory)};
    QTemporaryFile archive(QDir(directory).filePath(QStringLiteral(".download-XXXXXX.tar.bz2")));
    if (!archive.open())
        return Error{ErrorCode::Io, QStringLiteral("%1 is not writable: %2").arg(directory, archive.errorString())};
    if (Status got = download(source, archive, progress); !got)
        return got;

    // Unpack: the wanted models, stored plain or bzip2-compressed (as in dlib-models).
    QHash<QString, Model> byName;
    for (Model model : fetchedModels()) {
        byName.insert(ModelSet::fileName(model), model);
        byName.insert(ModelSet::fileName(model) + QStringLiteral(".bz2"), model);
    }
    TarReader tar([&byName](const QString &name) { return byName.contains(name); });
    Bunzip bunzip;
    progress.stage = Progress::Unpacking;
    progress.total = archive.size();
    progress.done = 0;
    if (!archive.seek(0))
        return Error{ErrorCode::Io, QStringLiteral("the download cannot be read back")};
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (;;) {
        if (progress.cancel)
            return Error{ErrorCode::InvalidState, QStringLiteral("cancelled")};
        const qint64 got = archive.read(chunk.data(), chunk.size());
        if (got < 0)
            return Error{ErrorCode::Io, QStringLiteral("the download cannot be read back")};
        if (got == 0)
            break;
        if (Status fed = bunzip.feed(chunk.constData(), got,
                                     [&tar](const char *data, qint64 size) { return tar.feed(data, size); });
            !fed)
            return fed;
        progress.done += got;
    }
    if (Status ended = bunzip.finish(); !ended)
        return ended;

    for (Model model : fetchedModels()) {
        const QString name = ModelSet::fileName(model);
        const bool plain = tar.entries().contains(name);
        if (!plain && !tar.entries().contains(name + QStringLiteral(".bz2")))
            return Error{ErrorCode::ModelMissing, QStringLiteral("%1 is not in the archive").arg(name)};
        const QByteArray &stored = tar.entries().value(plain ? name : name + QStringLiteral(".bz2"));
        if (Status installed = install(model, stored, !plain, directory); !installed)
            return installed;
    }
    progress.stage = Progress::Done;
    return {};
}

} // namespace mado
