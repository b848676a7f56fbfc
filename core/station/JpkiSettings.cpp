#include "core/station/JpkiSettings.h"

#include "core/store/WardSettings.h"

namespace mado {

Result<JpkiConfig> JpkiSettings::read(CaseStore &store)
{
    WardSettings settings(store);
    JpkiConfig config;
    auto anchors = settings.jpkiSetting(WardSettings::kJpkiTrustAnchorsKey);
    auto crls = settings.jpkiSetting(WardSettings::kJpkiCrlsKey);
    auto policies = settings.jpkiSetting(WardSettings::kJpkiPoliciesKey);
    auto ocspUrl = settings.jpkiSetting(WardSettings::kJpkiOcspUrlKey);
    auto ocspTimeout = settings.jpkiSetting(WardSettings::kJpkiOcspTimeoutKey);
    for (const auto *r : {&anchors, &crls, &policies, &ocspUrl, &ocspTimeout})
        if (!*r)
            return r->error();
    config.trustAnchors = anchors.value();
    config.crls = crls.value();
    if (!policies.value().isEmpty())
        config.policies = policies.value().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &policy : config.policies)
        policy = policy.trimmed();
    config.ocspUrl = ocspUrl.value();
    if (!ocspTimeout.value().isEmpty()) {
        bool number = false;
        const int seconds = ocspTimeout.value().toInt(&number);
        if (!number || seconds < 1 || seconds > 120)
            return Error{ErrorCode::Internal, QStringLiteral("jpki.ocsp_timeout_seconds is not 1..120")};
        config.ocspTimeoutSeconds = seconds;
    }
    return config;
}

Status JpkiSettings::write(CaseStore &store, qint64 adminId, const JpkiConfig &config)
{
    WardSettings settings(store);
    if (Status s = settings.setJpkiSetting(adminId, WardSettings::kJpkiTrustAnchorsKey, config.trustAnchors); !s)
        return s;
    if (Status s = settings.setJpkiSetting(adminId, WardSettings::kJpkiCrlsKey, config.crls); !s)
        return s;
    if (Status s = settings.setJpkiSetting(adminId, WardSettings::kJpkiPoliciesKey, config.policies.join(QLatin1Char(',')));
        !s)
        return s;
    if (config.ocspTimeoutSeconds < 1 || config.ocspTimeoutSeconds > 120)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the OCSP timeout is 1 to 120 seconds")};
    if (Status s = settings.setJpkiSetting(adminId, WardSettings::kJpkiOcspUrlKey, config.ocspUrl); !s)
        return s;
    return settings.setJpkiSetting(adminId, WardSettings::kJpkiOcspTimeoutKey, QString::number(config.ocspTimeoutSeconds));
}

} // namespace mado
