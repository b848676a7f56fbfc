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
    for (const auto *r : {&anchors, &crls, &policies})
        if (!*r)
            return r->error();
    config.trustAnchors = anchors.value();
    config.crls = crls.value();
    if (!policies.value().isEmpty())
        config.policies = policies.value().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &policy : config.policies)
        policy = policy.trimmed();
    return config;
}

Status JpkiSettings::write(CaseStore &store, qint64 adminId, const JpkiConfig &config)
{
    WardSettings settings(store);
    if (Status s = settings.setJpkiSetting(adminId, WardSettings::kJpkiTrustAnchorsKey, config.trustAnchors); !s)
        return s;
    if (Status s = settings.setJpkiSetting(adminId, WardSettings::kJpkiCrlsKey, config.crls); !s)
        return s;
    return settings.setJpkiSetting(adminId, WardSettings::kJpkiPoliciesKey, config.policies.join(QLatin1Char(',')));
}

Result<std::shared_ptr<const JpkiTrustStore>> JpkiSettings::trust(CaseStore &store)
{
    auto config = read(store);
    if (!config)
        return config.error();
    if (!config.value().configured())
        return std::shared_ptr<const JpkiTrustStore>();
    return JpkiTrustStore::load(config.value());
}

} // namespace mado
