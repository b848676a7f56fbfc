#pragma once

#include "MultipartBody.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace mado {

// A valid LIFF application for the applicant API tests: specimen (fictitious) form fields and
// small real images; tests change single fields or parts to break it.
struct ApplicantTestKit {
    static QMap<QString, QString> fields(const QString &nonce);
    static QMap<QString, QByteArray> images();
    // Fields and parts in a multipart body; a null value leaves the field or part out.
    static MultipartBody body(const QMap<QString, QString> &fields, const QMap<QString, QByteArray> &images);
    static QByteArray smallJpeg();
    static QByteArray smallPng();
};

} // namespace mado
