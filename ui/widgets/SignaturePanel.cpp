#include "ui/widgets/SignaturePanel.h"

#include "core/jpki/FactComparison.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mado {

namespace {

QString timeText(const QDateTime &time)
{
    // The ward's clock: local time, as everywhere else the clerk reads a time.
    return time.isValid() ? QLocale::c().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("—");
}

} // namespace

SignaturePanel::SignaturePanel(QWidget *parent) : QWidget(parent)
{
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("signatureResultLabel"));
    m_resultLabel->setMargin(4);
    m_resultLabel->setAutoFillBackground(true);
    QFont bold = m_resultLabel->font();
    bold.setBold(true);
    m_resultLabel->setFont(bold);
    // No word wrap anywhere: the panel's minimum height then is its real height, and the scroll
    // area around it scrolls instead of squeezing lines into each other.
    m_reasonLabel = new QLabel(this);
    m_reasonLabel->setObjectName(QStringLiteral("signatureReasonLabel"));
    m_reasonEnLabel = new QLabel(this);
    m_reasonEnLabel->setObjectName(QStringLiteral("signatureReasonEnLabel"));

    m_facts = new QTableWidget(4, 4, this);
    m_facts->setObjectName(QStringLiteral("signatureFactsTableWidget"));
    m_facts->setHorizontalHeaderLabels({tr("Field"), tr("Certificate"), tr("Application form"), tr("Resident register")});
    m_facts->verticalHeader()->hide();
    m_facts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_facts->setFocusPolicy(Qt::NoFocus);
    m_facts->setWordWrap(false);
    m_facts->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_facts->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_facts->horizontalHeader()->setSectionResizeMode(FieldColumn, QHeaderView::ResizeToContents);
    m_facts->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_facts->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto label = [this](const char *name) {
        auto *l = new QLabel(this);
        l->setObjectName(QString::fromLatin1(name));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return l;
    };
    m_serialLabel = label("signatureSerialLabel");
    m_issuerLabel = label("signatureIssuerLabel");
    m_validityLabel = label("signatureValidityLabel");
    m_signedAtLabel = label("signatureSignedAtLabel");
    m_revocationLabel = label("signatureRevocationLabel");
    auto *details = new QFormLayout;
    details->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    details->addRow(tr("Serial"), m_serialLabel);
    details->addRow(tr("Issuer"), m_issuerLabel);
    details->addRow(tr("Valid"), m_validityLabel);
    details->addRow(tr("Signed at"), m_signedAtLabel);
    details->addRow(tr("Revocation"), m_revocationLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // never squeezed: the scroll area scrolls
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_reasonLabel);
    layout->addWidget(m_reasonEnLabel);
    layout->addWidget(m_facts);
    layout->addLayout(details);
    clear();
}

void SignaturePanel::clear()
{
    m_resultLabel->clear();
    m_resultLabel->setPalette(QPalette());
    m_reasonLabel->clear();
    m_reasonEnLabel->clear();
    for (int row = 0; row < m_facts->rowCount(); ++row)
        for (int column = 0; column < m_facts->columnCount(); ++column)
            delete m_facts->takeItem(row, column);
    for (QLabel *l : {m_serialLabel, m_issuerLabel, m_validityLabel, m_signedAtLabel, m_revocationLabel})
        l->clear();
}

void SignaturePanel::setContent(const Content &content)
{
    clear();
    if (!content.result) {
        m_resultLabel->setText(tr("? The signature has not been verified yet"));
    } else {
        const JpkiSignatureResult &r = *content.result;
        // The mark and the words say it; the colour only repeats them.
        QString text;
        QString colour;
        if (r.ok()) {
            text = tr("✓ Valid signature: the identity method is the JPKI signature");
            colour = QStringLiteral("#d4edda");
        } else if (r.status == JpkiStatus::RevocationUnknown || r.status == JpkiStatus::SubjectDiffers) {
            text = tr("⚠ Held (%1): a person must decide").arg(jpkiStatusName(r.status));
            colour = QStringLiteral("#fff3cd");
        } else {
            text = tr("✗ Refused (%1): the signature cannot be relied on").arg(jpkiStatusName(r.status));
            colour = QStringLiteral("#f8d7da");
        }
        m_resultLabel->setText(text);
        // A palette, not a style sheet: the label's size stays known to the layout.
        QPalette palette = m_resultLabel->palette();
        palette.setColor(QPalette::Window, QColor(colour));
        m_resultLabel->setPalette(palette);
        // Japanese and English whatever the interface language: the reason is quoted to residents.
        m_reasonLabel->setText(JpkiSignatureResult::reasonJa(r.reason));
        m_reasonEnLabel->setText(JpkiSignatureResult::reasonEn(r.reason));
        showCertificate(r);
    }
    showFacts(content);
}

void SignaturePanel::showCertificate(const JpkiSignatureResult &r)
{
    m_serialLabel->setText(r.serial.isEmpty() ? QStringLiteral("—") : r.serial);
    m_issuerLabel->setText(r.issuer.isEmpty() ? QStringLiteral("—") : r.issuer);
    m_validityLabel->setText(r.notBefore.isValid() ? tr("%1 to %2").arg(timeText(r.notBefore), timeText(r.notAfter))
                                                   : QStringLiteral("—"));
    m_signedAtLabel->setText(timeText(r.signingTime));
    if (r.revocationSource == QLatin1String("ocsp"))
        m_revocationLabel->setText(tr("OCSP %1, asked %2").arg(r.revocationLocation, timeText(r.revocationCheckedAt)));
    else if (r.revocationSource == QLatin1String("crl"))
        m_revocationLabel->setText(tr("CRL %1 (issued %2, next update %3), checked %4")
                                       .arg(r.revocationLocation.isEmpty() ? tr("(file not recorded)") : r.revocationLocation,
                                            timeText(r.revocationCheckedAt), timeText(r.crlNextUpdate),
                                            timeText(r.verifiedAt)));
    else
        m_revocationLabel->setText(tr("Not checked (the verification stopped before it)"));
}

void SignaturePanel::showFacts(const Content &content)
{
    const SignerFacts facts = content.facts.value_or(SignerFacts{});
    const bool inRegister = !content.registerEntries.empty();
    const RegisterEntry entry = inRegister ? content.registerEntries.front() : RegisterEntry{};
    auto gender = [](const QString &code) {
        return code == QLatin1String("1")   ? tr("Male (1)")
               : code == QLatin1String("2") ? tr("Female (2)")
               : code == QLatin1String("3") ? tr("Unknown (3)")
                                            : QStringLiteral("—");
    };
    auto date = [](const QDate &d) { return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("—"); };
    const QString notCarried = tr("(not asked)");
    const QString notFound = tr("(not in the register)");
    const QString certificateDate =
        facts.dateOfBirth.isValid() ? facts.dateOfBirth.toString(Qt::ISODate)
                                    : (facts.dateOfBirthCode.isEmpty() ? QStringLiteral("—") : facts.dateOfBirthCode);
    struct RowText {
        QString field, certificate, form, register_, code;
    };
    const RowText rows[] = {
        {tr("Name"), facts.name, content.form.name, inRegister ? entry.name : notFound, QStringLiteral("name")},
        {tr("Date of birth"), certificateDate, date(content.form.dateOfBirth),
         inRegister ? date(entry.dateOfBirth) : notFound, QStringLiteral("date_of_birth")},
        {tr("Gender"), gender(facts.gender), notCarried, notCarried, QString()},
        {tr("Address"), facts.address, FactComparison::joinAddress(content.form.address),
         inRegister ? FactComparison::joinAddress(entry.address) : notFound, QStringLiteral("address")},
    };
    const bool registerMissing = content.differences.contains(QStringLiteral("register:not_found"));
    for (int row = 0; row < 4; ++row) {
        const RowText &r = rows[row];
        auto differs = [&](const QString &source) {
            if (r.code.isEmpty())
                return false;
            if (source == QLatin1String("register") && registerMissing)
                return true;
            const QString prefix = r.code + QLatin1Char(':') + source;
            for (const QString &d : content.differences)
                if (d == prefix || d.startsWith(prefix + QLatin1Char(':')))
                    return true;
            return false;
        };
        const bool substitute = !r.code.isEmpty() && content.differences.filter(r.code + QLatin1Char(':')).filter(
                                                         QStringLiteral("substitute_character")).size() > 0;
        const bool formDiffers = differs(QStringLiteral("form"));
        const bool registerDiffers = differs(QStringLiteral("register"));
        const QString texts[4] = {r.field, r.certificate, r.form, r.register_};
        const bool marked[4] = {formDiffers || registerDiffers, formDiffers || registerDiffers, formDiffers,
                                registerDiffers};
        for (int column = 0; column < 4; ++column) {
            QString text = texts[column];
            if (marked[column] && column != FieldColumn)
                text = QStringLiteral("≠ ") + text;
            if (column == CertificateColumn && substitute)
                text += tr(" (substitute character)");
            auto *item = new QTableWidgetItem(text);
            item->setData(Qt::UserRole, marked[column]);
            item->setToolTip(text); // a long address may be elided in the cell
            if (marked[column]) {
                item->setBackground(QColor(255, 205, 210));
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setToolTip(text + QLatin1Char('\n') +
                                 (column == FormColumn       ? tr("The form differs from the certificate")
                                  : column == RegisterColumn ? tr("The register differs from the certificate")
                                                             : tr("The certificate differs from the form or the register")));
            }
            m_facts->setItem(row, column, item);
        }
    }
    if (!content.facts) {
        m_facts->item(NameRow, CertificateColumn)->setText(tr("(the certificate cannot be read)"));
    }
    // The whole table, never a scrolled part of it.
    m_facts->resizeRowsToContents();
    int height = m_facts->horizontalHeader()->height() + 2 * m_facts->frameWidth();
    for (int row = 0; row < m_facts->rowCount(); ++row)
        height += m_facts->rowHeight(row);
    m_facts->setFixedHeight(height);
    layout()->activate(); // the details below the table move now, not at the next event
}

} // namespace mado
