// Fuzz target: CaseBundleReader (and with it JsonSchema and CaseBundle::fromJson), the workstation's
// reader of the case bundles it imports from the receiver.
// Input: the bytes of case.json. They are written into a bundle directory that also holds the images
// of tests/fuzz/data/bundle/ (the seeds name them with their real SHA-256, so the image checks are
// reached too), and the directory is read.
// Properties: a bundle read successfully conforms to the rules the reader promises: its manifest,
// written back by toJson(), validates against the schema, reads back to the same manifest, and passes
// checkConsistency().

#include "core/bundle/CaseBundleReader.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace {

struct Bundle {
    QTemporaryDir dir;
    mado::CaseBundleReader reader = mado::CaseBundleReader::create().value();
    mado::JsonSchema schema = mado::JsonSchema::loadResource(mado::CaseBundleReader::schemaResource()).value();

    Bundle()
    {
        MADO_FUZZ_CHECK(dir.isValid());
        const QDir images(QStringLiteral(MADO_FUZZ_DATA_DIR "/bundle"));
        for (const QString &name : images.entryList(QDir::Files))
            MADO_FUZZ_CHECK(QFile::copy(images.filePath(name), dir.filePath(name)));
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mado::fuzz::quietQt();
    static Bundle bundle;
    {
        QFile manifest(bundle.dir.filePath(QStringLiteral("case.json")));
        MADO_FUZZ_CHECK(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        MADO_FUZZ_CHECK(manifest.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size));
    }
    const auto read = bundle.reader.read(bundle.dir.path());
    if (!read)
        return 0;
    const QJsonObject written = read.value().toJson();
    MADO_FUZZ_CHECK(!bundle.schema.validate(written));
    MADO_FUZZ_CHECK(mado::CaseBundle::fromJson(written).toJson() == written);
    MADO_FUZZ_CHECK(bool(mado::CaseBundleReader::checkConsistency(read.value())));
    return 0;
}
