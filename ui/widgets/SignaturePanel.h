#pragma once

#include "core/domain/JpkiSignatureResult.h"
#include "core/domain/RegisterEntry.h"
#include "core/jpki/SignerFacts.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QTableWidget;

namespace mado {

// The JPKI signature of a signed application, for the clerk: the verdict's jpki_signature result
// (a mark, the status, its reason in Japanese and in English), the signer's basic four facts from
// the certificate beside the form and the register entry, and the certificate's serial, issuer,
// validity, signing time and revocation source (CRL file or OCSP URL) with the time it was checked.
// A difference (FactComparison's codes) is marked in its cells by "≠", bold and a colour, and named
// in the cell's tooltip, so it does not rely on colour alone. GUI thread only.
class SignaturePanel : public QWidget {
    Q_OBJECT

public:
    // Fact rows: column 0 the field, 1 the certificate, 2 the form, 3 the register. A differing
    // cell has true in Qt::UserRole.
    enum Column { FieldColumn, CertificateColumn, FormColumn, RegisterColumn };
    enum Row { NameRow, DateOfBirthRow, GenderRow, AddressRow };

    struct Content {
        std::optional<JpkiSignatureResult> result; // none: not verified yet
        std::optional<SignerFacts> facts;          // none: the certificate could not be read
        ApplicantForm form;
        std::vector<RegisterEntry> registerEntries;
        QStringList differences; // FactComparison::differences of facts, form and register
    };

    explicit SignaturePanel(QWidget *parent = nullptr);

    void setContent(const Content &content);
    void clear();

    QTableWidget *factsTable() const { return m_facts; }

private:
    void showFacts(const Content &content);
    void showCertificate(const JpkiSignatureResult &result);

    QLabel *m_resultLabel = nullptr;
    QLabel *m_reasonLabel = nullptr;   // Japanese
    QLabel *m_reasonEnLabel = nullptr; // English
    QTableWidget *m_facts = nullptr;
    QLabel *m_serialLabel = nullptr;
    QLabel *m_issuerLabel = nullptr;
    QLabel *m_validityLabel = nullptr;
    QLabel *m_signedAtLabel = nullptr;
    QLabel *m_revocationLabel = nullptr;
};

} // namespace mado
