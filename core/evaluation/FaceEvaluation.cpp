#include "core/evaluation/FaceEvaluation.h"

#include "core/face/FaceTypes.h"
#include "core/face/PerceptualHash.h"

#include <QDir>

#include <cmath>

namespace mado {

double FaceEvaluation::roundDown(double threshold)
{
    return std::floor(threshold * 100.0) / 100.0;
}

Result<FaceEvaluation::Report> FaceEvaluation::run(const QString &directory, const Describe &describe,
                                                   const Describe &describeDocument)
{
    const QDir root(directory);
    if (!root.exists())
        return Error{ErrorCode::Io, QStringLiteral("directory %1 does not exist").arg(directory)};
    struct Sample {
        int person;
        FaceDescriptor descriptor;
        FaceDescriptor document;
    };
    std::vector<Sample> samples;
    Report report;
    const QStringList people = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &person : people) {
        const QDir dir(root.filePath(person));
        const QStringList images =
            dir.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        if (images.isEmpty())
            continue;
        ++report.people;
        for (const QString &image : images) {
            ++report.images;
            auto descriptor = describe(dir.filePath(image));
            auto document = describeDocument ? describeDocument(dir.filePath(image)) : descriptor;
            if (!descriptor || !document) {
                const Error &error = !descriptor ? descriptor.error() : document.error();
                report.skipped << person + QLatin1Char('/') + image + QStringLiteral(" (") + error.message + QLatin1Char(')');
                continue;
            }
            samples.push_back(Sample{report.people - 1, descriptor.value(), document.value()});
        }
    }
    if (report.people < 2)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("%1 needs at least two people (one folder each) with images").arg(directory)};

    std::vector<double> genuine;
    std::vector<double> impostor;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        for (std::size_t j = describeDocument ? 0 : i + 1; j < samples.size(); ++j) {
            if (i == j)
                continue;
            const FaceDescriptor &first = describeDocument ? samples[i].document : samples[i].descriptor;
            const double d = descriptorDistance(first, samples[j].descriptor);
            (samples[i].person == samples[j].person ? genuine : impostor).push_back(d);
        }
    }
    report.roc.emplace(std::move(genuine), std::move(impostor));
    report.proposedMatchMax = roundDown(report.roc->atFmr(0.001).threshold);
    report.proposedReviewMax = roundDown(report.roc->atFmr(0.01).threshold);
    return report;
}

Result<FaceEvaluation::CopyReport> FaceEvaluation::runCopies(const QString &directory, const Sample &document,
                                                             const Sample &selfie, const SampleVariant &copy,
                                                             int copyVariants)
{
    const QDir root(directory);
    if (!root.exists())
        return Error{ErrorCode::Io, QStringLiteral("directory %1 does not exist").arg(directory)};
    struct Item {
        int person;
        QString name;
        QString path;
        FaceSample document;
        FaceSample selfie;
    };
    std::vector<Item> items;
    CopyReport report;
    int person = 0;
    for (const QString &folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(root.filePath(folder));
        const QStringList images =
            dir.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        for (const QString &image : images) {
            ++report.images;
            const QString name = folder + QLatin1Char('/') + image;
            auto doc = document(dir.filePath(image));
            auto self = selfie(dir.filePath(image));
            if (!doc || !self) {
                report.skipped << name + QStringLiteral(" (") + (!doc ? doc.error() : self.error()).message + QLatin1Char(')');
                continue;
            }
            items.push_back(Item{person, name, dir.filePath(image), doc.value(), self.value()});
        }
        ++person;
    }
    for (const Item &a : items) {
        for (const Item &b : items) {
            if (&a == &b || a.person != b.person)
                continue;
            report.genuine.push_back(CopyPair{a.name, b.name, -1,
                                              PerceptualHash::hexDistance(a.document.faceHash, b.selfie.faceHash),
                                              descriptorDistance(a.document.descriptor, b.selfie.descriptor)});
        }
        for (int variant = 0; variant < copyVariants; ++variant) {
            auto c = copy(a.path, variant);
            if (!c) {
                report.skipped << a.name + QStringLiteral("#%1 (").arg(variant) + c.error().message + QLatin1Char(')');
                continue;
            }
            report.copies.push_back(CopyPair{a.name, a.name + QStringLiteral("#%1").arg(variant), variant,
                                             PerceptualHash::hexDistance(a.document.faceHash, c.value().faceHash),
                                             descriptorDistance(a.document.descriptor, c.value().descriptor)});
        }
    }
    return report;
}

} // namespace mado
