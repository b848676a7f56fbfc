#pragma once

#include <QString>
#include <QStringList>

namespace mado {

// What the receiver needs to serve the residents' LIFF page (/liff/) and the page's settings
// (GET /api/v1/liff): where the built page lies, the LIFF app's id, and the ward's policy for the
// procedures the page offers. Part of ReceiverOptions; filled from the [liff] keys.
struct LiffOptions {
    // Directory of the built page (index.html and its hashed assets); empty: /liff/ answers 404.
    QString staticDir;
    // The LIFF app's id for liff.init() (e.g. 1657000000-AbCdEfGh); empty outside LINE (the demo).
    QString liffId;
    // The page may run outside LINE with a mock of the LIFF SDK and an ID token given in its URL
    // (the demo and the browser tests, against madoguchi-linesim). Never set in a ward.
    bool mock = false;
    // Procedure keys the page offers (ProcedureCatalogue names them), in this order.
    QStringList procedures{QStringLiteral("tax_certificate"), QStringLiteral("juminhyo_copy")};
    // Of those, the ones the ward's policy does not accept with a face check (ekyc_face): the page
    // says so, with the reason, before the resident starts.
    QStringList faceCheckHeld{QStringLiteral("juminhyo_copy")};
};

} // namespace mado
