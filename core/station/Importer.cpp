#include "core/station/Importer.h"

#include "core/bundle/BundleTransfer.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/station/JpkiSignatureCheck.h"
#include "core/store/ImageSanitizer.h"
#include "core/store/ImportFailures.h"
#include "core/workflow/ProcedurePolicy.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

namespace mado {

Q_LOGGING_CATEGORY(lcSync, "mado.sync")

namespace {

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read a bundle image")};
    return file.readAll();
}

} // namespace

Importer::Importer(CaseStore &store, const ReceiverClient &client, Options options)
    : m_store(store), m_client(client), m_options(std::move(options))
{
}

Result<Importer::Fetched> Importer::fetch(const QString &applicationId) const
{
    auto transfer = m_client.downloadBundle(applicationId);
    if (!transfer)
        return transfer.error();

    // The unpacked bundle holds personal data: a directory only this user can enter, removed when
    // this function returns (QTemporaryDir's destructor), whatever the outcome.
    const QString root = m_options.tempRoot.isEmpty() ? QDir::tempPath() : m_options.tempRoot;
    QTemporaryDir dir(QDir(root).filePath(QStringLiteral("mado-import-XXXXXX")));
    if (!dir.isValid())
        return Error{ErrorCode::Io, QStringLiteral("cannot create a private temporary directory")};
    if (!QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return Error{ErrorCode::Io, QStringLiteral("cannot restrict the temporary directory")};

    if (auto unpacked = BundleTransfer::unpack(transfer.value(), dir.path()); !unpacked)
        return unpacked.error();
    auto fetched = readDirectory(dir.path(), m_options.limits);
    if (!fetched)
        return fetched.error();
    if (fetched.value().bundle.applicationId != applicationId)
        return Error{ErrorCode::BundleInvalid, QStringLiteral("/applicationId: differs from the leased application")};
    return fetched;
}

Result<Importer::Fetched> Importer::readDirectory(const QString &directory, const ImageLimits &limits)
{
    auto reader = CaseBundleReader::create(limits);
    if (!reader)
        return reader.error();
    auto bundle = reader.value().read(directory);
    if (!bundle)
        return bundle.error();

    Fetched fetched;
    fetched.bundle = std::move(bundle).value();
    std::vector<std::pair<QString, QString>> roles; // role, file
    roles.emplace_back(QStringLiteral("document_front"), fetched.bundle.documentFront.file);
    if (fetched.bundle.documentTilted)
        roles.emplace_back(QStringLiteral("document_tilted"), fetched.bundle.documentTilted->file);
    for (std::size_t i = 0; i < fetched.bundle.frames.size(); ++i)
        roles.emplace_back(QStringLiteral("frame%1").arg(i), fetched.bundle.frames[i].image.file);

    const ImageSanitizer sanitizer(limits);
    for (const auto &[role, file] : roles) {
        auto bytes = readFile(QDir(directory).filePath(file));
        if (!bytes)
            return bytes.error();
        auto clean = sanitizer.sanitize(bytes.value(), role);
        if (!clean)
            return Error{clean.error().code, QStringLiteral("%1: %2").arg(role, clean.error().message)};
        fetched.images.push_back(std::move(clean).value());
    }
    return fetched;
}

Result<CaseStore::ImportResult> Importer::store(const Fetched &fetched)
{
    // The importer, not the store, applies the procedure policy: the store only records the hold.
    const auto [method, signatureProblem] = identityMethod(fetched.bundle);
    auto hold = ProcedurePolicy::importHold(m_store, fetched.bundle, method);
    if (!hold)
        return hold.error();
    if (!hold.value().reason.isEmpty() && !signatureProblem.isEmpty())
        hold.value().reason += QStringLiteral("（公的個人認証の署名: %1）").arg(signatureProblem);
    return m_store.storeImportedCase(fetched.bundle, fetched.images, std::nullopt, hold.value());
}

std::pair<QString, QString> Importer::identityMethod(const CaseBundle &bundle)
{
    const QString face = QString::fromLatin1(identity_method::kEkycFace);
    if (!bundle.signature)
        return {face, QString()};
    auto check = JpkiSignatureCheck(m_store, m_options.jpki).verify(bundle);
    if (!check) {
        // Trust material that cannot be loaded holds the case as not configured (IT is told in the
        // log, naming the file); a failing register read holds it with the store's message.
        if (check.error().code != ErrorCode::InvalidArgument)
            return {face, check.error().message};
        qCWarning(lcSync) << "JPKI trust material cannot be loaded:" << check.error().message;
        return {face, JpkiSignatureResult::reasonJa(QStringLiteral("not_configured"))};
    }
    qCInfo(lcSync) << "JPKI signature of" << bundle.reference << ":" << jpkiStatusName(check.value().result.status)
                   << check.value().result.reason;
    if (check.value().result.ok())
        return {QString::fromLatin1(identity_method::kJpkiSignature), QString()};
    return {face, JpkiSignatureResult::reasonJa(check.value().result.reason)};
}

Status Importer::acknowledge(const QString &applicationId) const
{
    return m_client.acknowledge(applicationId);
}

Result<CaseStore::ImportResult> Importer::importOne(const QString &applicationId)
{
    auto fetched = fetch(applicationId);
    if (!fetched)
        return fetched.error();
    auto stored = store(fetched.value());
    if (!stored)
        return stored.error();
    // Only after the commit: should the ack fail, the receiver keeps the application and a later
    // round stores it again as a no-op.
    if (auto acked = acknowledge(applicationId); !acked)
        return acked.error();
    return stored;
}

Result<Importer::RoundResult> Importer::runOnce(const Progress &progress)
{
    auto leases = m_client.lease(m_options.leaseCount, m_options.leaseSeconds);
    if (!leases)
        return leases.error();
    RoundResult round;
    round.leased = int(leases.value().size());
    int done = 0;
    for (const ReceiverClient::Lease &lease : leases.value()) {
        auto imported = importOne(lease.applicationId);
        ++done;
        if (!imported) {
            ++round.failed;
            round.errors << QStringLiteral("%1: %2").arg(lease.reference, imported.error().message);
            qCWarning(lcSync) << "import of" << lease.reference << "failed:" << errorCodeName(imported.error().code)
                              << imported.error().message;
            if (countFailure(lease, imported.error())) {
                ++round.abandoned;
                round.abandonedReferences << lease.reference;
            }
            if (progress)
                progress(done, round.leased, 0, false);
            continue;
        }
        if (Status cleared = ImportFailures(m_store).clear(lease.applicationId); !cleared)
            qCWarning(lcSync) << "cannot clear the import failures of" << lease.reference << cleared.error().message;
        if (imported.value().created)
            ++round.imported;
        else
            ++round.duplicates;
        if (progress)
            progress(done, round.leased, imported.value().caseId, imported.value().created);
    }
    return round;
}

bool Importer::countFailure(const ReceiverClient::Lease &lease, const Error &error)
{
    if (!ImportFailures::isApplicationFault(error.code))
        return false;
    ImportFailures failures(m_store);
    const auto attempts = failures.record(lease.applicationId, lease.reference, error);
    if (!attempts) {
        qCWarning(lcSync) << "cannot record the import failure of" << lease.reference << attempts.error().message;
        return false;
    }
    if (attempts.value() < m_options.maxAttempts)
        return false;
    // Told before it is marked: should the call fail, the next lease tries again.
    if (Status told = m_client.reportFailed(lease.applicationId, errorCodeName(error.code), error.message); !told) {
        qCWarning(lcSync) << "cannot report" << lease.reference << "as failed to the receiver:" << told.error().message;
        return false;
    }
    if (Status marked = failures.markAbandoned(lease.applicationId); !marked)
        qCWarning(lcSync) << "cannot mark" << lease.reference << "as given up:" << marked.error().message;
    qCWarning(lcSync) << "gave up" << lease.reference << "after" << attempts.value() << "attempts:"
                      << errorCodeName(error.code);
    return true;
}

} // namespace mado
