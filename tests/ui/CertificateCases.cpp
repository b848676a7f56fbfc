#include "tests/ui/CertificateCases.h"

#include "core/store/CaseStore.h"
#include "core/workflow/ProcedurePolicy.h"
#include "tests/support/StoreFixture.h"
#include "ui/issuance/PdfRenderer.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>

namespace mado::test {

qint64 issuedCertificateCase(StoreFixture &store, const QString &procedure)
{
    if (procedure == QLatin1String("juminhyo_copy")) {
        // The shipped policy holds eKYC-face applications for 住民票; this ward's admin accepts them.
        auto db = store.store().connections().database();
        auto current = ProcedurePolicy::current(db.value(), procedure);
        if (!current.ok())
            return 0;
        Procedure changed = current.value();
        changed.acceptedMethods << QStringLiteral("ekyc_face");
        changed.validFrom = QDate(2026, 1, 1);
        if (!ProcedurePolicy::change(store.store(), store.user(QStringLiteral("admin")), changed).ok())
            return 0;
    }
    return store.caseIn(CaseState::Issued, procedure);
}

QString renderPdf(PdfRenderer &renderer, const QString &html, const QString &path, const QPageLayout &layout)
{
    QSignalSpy finished(&renderer, &PdfRenderer::finished);
    QSignalSpy failed(&renderer, &PdfRenderer::failed);
    if (!renderer.render(html, path, layout))
        return QString();
    if (!finished.wait(60000) && finished.isEmpty()) {
        qWarning() << "no PDF; failures:" << failed.count();
        return QString();
    }
    const QString written = finished.at(0).at(0).toString();
    if (const QString keep = qEnvironmentVariable("MADO_TEST_KEEP_PDF"); !keep.isEmpty()) {
        const QString copy = QDir(keep).filePath(QFileInfo(written).fileName());
        QFile::remove(copy);
        QFile::copy(written, copy);
    }
    return written;
}

} // namespace mado::test
