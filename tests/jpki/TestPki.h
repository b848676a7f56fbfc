#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mado::test {

// The test PKI of make-test-pki.sh, generated into a directory at test time (keys never leave it),
// and detached CMS signatures made with `openssl cms -sign` (signingTime = now, SHA-256).
class TestPki {
public:
    // Runs the script; facts default to BundleFactory::specimen's applicant (見本 太郎, 1980-04-01,
    // 東京都見本区見本町１丁目２番３号 with full-width digits).
    static bool generate(const QString &directory, const QStringList &facts = {});
    // Signs `content` with <signer>.pem/.key from `directory`; the CMS also carries `extraCerts`
    // (e.g. signca.pem). `attached` makes a non-detached CMS (a refusal case). Empty on failure.
    static QByteArray sign(const QString &directory, const QString &signer, const QByteArray &content,
                           const QStringList &extraCerts = {QStringLiteral("signca.pem")}, bool attached = false);
    static QString scriptPath();
};

} // namespace mado::test
