#pragma once

#include <QPageLayout>
#include <QString>

namespace mado {
class PdfRenderer;
}

namespace mado::test {

class StoreFixture;

// Shared by the certificate renderer tests: an issued case of `procedure` in the fixture's store
// (for 住民票の写し the admin first lets the policy accept eKYC-face applications); 0 on failure.
qint64 issuedCertificateCase(StoreFixture &store, const QString &procedure);

// Renders `html` to `path` with `renderer` and waits for it (60 s at most): the written path, or
// empty. MADO_TEST_KEEP_PDF=DIR keeps a copy there under the file's name, to look at by eye.
QString renderPdf(PdfRenderer &renderer, const QString &html, const QString &path, const QPageLayout &layout);

} // namespace mado::test
