#include "ui/dialogs/AboutDialog.h"

#include "core/face/ModelSet.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <opencv2/core/version.hpp>

namespace mado {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Madoguchi"));
    resize(760, 560);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("aboutTextBrowser"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);

    QString html = QStringLiteral("<h2>Madoguchi %1</h2><p>%2</p>")
                       .arg(QStringLiteral(MADO_VERSION).toHtmlEscaped(),
                            tr("Staff verification workstation for online ward counters.").toHtmlEscaped());
    html += QStringLiteral("<p>Qt %1 · OpenCV %2 · dlib %3</p>")
                .arg(QString::fromLatin1(qVersion()), QStringLiteral(CV_VERSION), QStringLiteral(MADO_DLIB_VERSION));
    html += QStringLiteral("<h3>%1</h3><table>").arg(tr("Face models").toHtmlEscaped());
    for (Model model :
         {Model::FaceRecognitionResNet, Model::ShapePredictor5, Model::ShapePredictor68, Model::MmodFaceDetector}) {
        const QString licence =
            model == Model::ShapePredictor68 ? tr("iBUG 300-W terms: no commercial use") : tr("CC0 (public domain)");
        html +=
            QStringLiteral("<tr><td><tt>%1</tt></td><td>%2</td></tr><tr><td colspan=2><tt>SHA-256 %3</tt></td></tr>")
                .arg(ModelSet::fileName(model).toHtmlEscaped(), licence.toHtmlEscaped(),
                     ModelSet::expectedSha256(model).toHtmlEscaped());
    }
    html += QStringLiteral("</table><h3>%1</h3><p>%2</p><p>%3</p>")
                .arg(tr("Licences").toHtmlEscaped(),
                     tr("dlib's face recognition model, 5-point shape predictor and MMOD face detector are released "
                        "under CC0.")
                         .toHtmlEscaped(),
                     tr("The 68-point shape predictor was trained on the iBUG 300-W data set, whose licence excludes "
                        "commercial use. Madoguchi uses it only to measure head pose; a ward that needs commercial "
                        "terms must replace this model.")
                         .toHtmlEscaped());
    m_browser->setHtml(html);
}

QString AboutDialog::text() const
{
    return m_browser->toPlainText();
}

} // namespace mado
