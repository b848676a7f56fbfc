#include "core/face/VerdictChecks.h"

#include "core/face/PerceptualHash.h"

#include <algorithm>

namespace mado {

Check VerdictChecks::documentFace(const Verdict &v)
{
    const DocumentEvidence &d = v.document;
    if (!d.face.found)
        return Check{QStringLiteral("document_face"), Outcome::Fail, QStringLiteral("no_face"), 0.0};
    if (d.portraitSource != QLatin1String("card"))
        return Check{QStringLiteral("document_face"), Outcome::Warn,
                     d.cardFound ? QStringLiteral("portrait_not_on_card") : QStringLiteral("card_not_found"),
                     double(d.face.facesFound)};
    return Check{QStringLiteral("document_face"), Outcome::Pass, QStringLiteral("ok"), double(d.face.facesFound)};
}

Check VerdictChecks::imageQuality(const Verdict &v)
{
    // The worst gate over the document portrait and every frame; the reason names where.
    Check check{QStringLiteral("image_quality"), Outcome::Pass, QStringLiteral("ok"), 0.0};
    auto consider = [&check](const FaceEvidence &face, const QString &where) {
        if (!face.found) {
            if (check.outcome != Outcome::Fail)
                check = Check{QStringLiteral("image_quality"), Outcome::Fail, where + QStringLiteral(":no_face"), 0.0};
            return;
        }
        for (const GateOutcome &gate : face.quality) {
            if (int(gate.outcome) > int(check.outcome))
                check = Check{QStringLiteral("image_quality"), gate.outcome, where + QLatin1Char(':') + gate.reason,
                              gate.value};
        }
    };
    consider(v.document.face, QStringLiteral("document"));
    for (std::size_t i = 0; i < v.frames.size(); ++i)
        consider(v.frames[i].face, QStringLiteral("frame%1").arg(i));
    return check;
}

Check VerdictChecks::challenge(const Verdict &v)
{
    for (std::size_t i = 0; i < v.frames.size(); ++i) {
        const FrameEvidence &f = v.frames[i];
        if (!f.face.found)
            return Check{QStringLiteral("challenge"), Outcome::Fail, QStringLiteral("frame%1:no_face").arg(i), double(i)};
        if (!f.stepPassed)
            return Check{QStringLiteral("challenge"), Outcome::Fail, QStringLiteral("frame%1:%2").arg(i).arg(f.stepReason),
                         double(i)};
    }
    return Check{QStringLiteral("challenge"), Outcome::Pass, QStringLiteral("ok"), double(v.frames.size())};
}

Check VerdictChecks::samePerson(const Verdict &v, const SamePersonThresholds &t)
{
    double worstDistance = 0.0;
    for (std::size_t i = 1; i < v.frames.size(); ++i) {
        if (!v.frames[i].face.found || !v.frames[0].face.found)
            return Check{QStringLiteral("same_person"), Outcome::Warn, QStringLiteral("not_measured"), 0.0};
        worstDistance = std::max(worstDistance, v.frames[i].distanceToFrontal);
    }
    if (worstDistance > t.turnedWarnMax)
        return Check{QStringLiteral("same_person"), Outcome::Fail, QStringLiteral("different_person"), worstDistance};
    if (worstDistance > t.turnedMax)
        return Check{QStringLiteral("same_person"), Outcome::Warn, QStringLiteral("uncertain"), worstDistance};
    return Check{QStringLiteral("same_person"), Outcome::Pass, QStringLiteral("ok"), worstDistance};
}

Check VerdictChecks::flatPhoto(const Verdict &, const std::optional<FlatPhotoDecision> &decision)
{
    if (!decision)
        return Check{QStringLiteral("flat_photo"), Outcome::Warn, QStringLiteral("not_measured"), -1.0};
    return Check{QStringLiteral("flat_photo"), decision->flatSuspected ? Outcome::Fail : Outcome::Pass,
                 decision->flatSuspected ? QStringLiteral("flat_photo_suspected") : QStringLiteral("ok"),
                 decision->residual};
}

Check VerdictChecks::replay(const Verdict &v, int sameFaceMaxBits)
{
    // The same face picture twice in one case (a frame sent again, or the document portrait sent
    // as a selfie) is a replay. Face hashes, not whole images: frames of one session share their
    // background.
    std::vector<std::pair<QString, QString>> hashes;
    if (!v.document.face.faceHash.isEmpty())
        hashes.emplace_back(QStringLiteral("document"), v.document.face.faceHash);
    for (std::size_t i = 0; i < v.frames.size(); ++i) {
        if (!v.frames[i].face.faceHash.isEmpty())
            hashes.emplace_back(QStringLiteral("frame%1").arg(i), v.frames[i].face.faceHash);
    }
    int closest = 256;
    QString pair;
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        for (std::size_t j = i + 1; j < hashes.size(); ++j) {
            const int bits = PerceptualHash::hexDistance(hashes[i].second, hashes[j].second);
            if (bits >= 0 && bits < closest) {
                closest = bits;
                pair = hashes[i].first + QLatin1Char('=') + hashes[j].first;
            }
        }
    }
    if (closest <= sameFaceMaxBits)
        return Check{QStringLiteral("replay"), Outcome::Fail, QStringLiteral("duplicate_image:") + pair, double(closest)};
    return Check{QStringLiteral("replay"), Outcome::Pass, QStringLiteral("ok"), double(closest)};
}

Check VerdictChecks::selfieCopiesDocument(const Verdict &v, const SelfieCopyThresholds &t)
{
    const QString id = QStringLiteral("selfie_copies_document");
    if (v.document.face.faceHash.isEmpty())
        return Check{id, Outcome::Pass, QStringLiteral("not_measured"), -1.0};
    double closest = -1.0;
    int closestFrame = -1;
    int hashFrame = -1;
    for (std::size_t i = 0; i < v.frames.size(); ++i) {
        const FrameEvidence &f = v.frames[i];
        if (f.distanceToDocument >= 0.0 && (closest < 0.0 || f.distanceToDocument < closest)) {
            closest = f.distanceToDocument;
            closestFrame = int(i);
        }
        const int bits = PerceptualHash::hexDistance(v.document.face.faceHash, f.face.faceHash);
        if (hashFrame < 0 && bits >= 0 && bits <= t.maxBits)
            hashFrame = int(i);
    }
    if (hashFrame >= 0)
        return Check{id, Outcome::Warn, QStringLiteral("frame%1:copy_of_document").arg(hashFrame),
                     closest};
    if (closestFrame >= 0 && closest <= t.maxDistance)
        return Check{id, Outcome::Warn, QStringLiteral("frame%1:copy_of_document").arg(closestFrame), closest};
    return Check{id, Outcome::Pass, QStringLiteral("ok"), closest};
}

Check VerdictChecks::captureWindow(const CaseBundle &bundle)
{
    for (std::size_t i = 0; i < bundle.frames.size(); ++i) {
        const QDateTime &t = bundle.frames[i].capturedAt;
        if (t < bundle.challenge.issuedAt || t > bundle.challenge.expiresAt)
            return Check{QStringLiteral("capture_window"), Outcome::Fail,
                         QStringLiteral("frame%1:outside_challenge_window").arg(i), double(i)};
    }
    return Check{QStringLiteral("capture_window"), Outcome::Pass, QStringLiteral("ok"), 0.0};
}

Check VerdictChecks::faceMatch(const Verdict &v, const MatchThresholds &t)
{
    if (v.matchDistance < 0.0)
        return Check{QStringLiteral("face_match"), Outcome::Fail, QStringLiteral("not_measured"), -1.0};
    switch (t.classify(v.matchDistance)) {
    case MatchBand::Match:
        return Check{QStringLiteral("face_match"), Outcome::Pass, QStringLiteral("match"), v.matchDistance};
    case MatchBand::Review:
        return Check{QStringLiteral("face_match"), Outcome::Warn, QStringLiteral("review"), v.matchDistance};
    case MatchBand::Mismatch:
        break;
    }
    return Check{QStringLiteral("face_match"), Outcome::Fail, QStringLiteral("mismatch"), v.matchDistance};
}

} // namespace mado
