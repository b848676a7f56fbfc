#pragma once

#include "core/domain/CaseRecord.h"
#include "core/domain/RegisterEntry.h"
#include "core/domain/Verdict.h"
#include "core/jpki/SignerFacts.h"

#include <QImage>
#include <QString>

#include <optional>
#include <vector>

namespace mado {

// Everything the case view shows of one case, decoded and prepared off the GUI thread: the
// record with the applicant's form (read audited), the verdict, the register entries and the
// images in the coordinates of the verdict. A plain value.
struct CaseData {
    CaseRecord record;
    std::optional<Verdict> verdict;
    std::vector<RegisterEntry> registerEntries; // 0, 1 or (to resolve by hand) several
    // A signed application: the signer's facts from the certificate (unverified here; the verdict's
    // jpki_signature says whether they can be relied on) and their differences from the form and
    // the register (FactComparison). Empty when unsigned or unreadable.
    std::optional<SignerFacts> signerFacts;
    QStringList signerDifferences;
    QImage document;                // the document photo at the scale the engine analysed it (card corners fit it)
    QImage documentOverview;        // the whole document, small, with the found card outlined
    QImage card;                    // the card rectified with the verdict's corners; null without a card
    std::vector<QImage> frames;     // the selfie frames in bundle order, full size
    std::vector<QImage> thumbnails; // the frames scaled for the thumbnail strip
    std::vector<Direction> askedDirections; // per frame, from the verdict (Front for frame 0)
    double loadMs = 0.0;
};

} // namespace mado
