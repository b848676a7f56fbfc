#pragma once

#include "core/domain/Result.h"
#include "core/face/FaceThresholds.h"
#include "core/face/ModelSet.h"

#include <QString>

#include <vector>

namespace mado {

// The demo's applications, made from dlib's example photos (johns/ and bald_guys.jpg, cut out with
// the shipped labels). Each is a case bundle directory with a pool/ folder holding the pictures
// for front, left, right (and up/down when a photo shows it): the LINE simulator picks the frames
// for the directions the receiver's challenge asks for, like an applicant following it. Photos
// are chosen by their measured head pose; a missing side is the mirror image of the other.
// Scenarios: good matches, a 住民票 request held by policy, a different person on the document,
// a tilted print (flat photo), a blurred document, turns the wrong way, one frame sent twice, the
// ID photo sent as the selfie (flagged by selfie_copies_document), a selfie too dark to judge, an address that differs from the
// register, and applicants whose photos do not turn (20 with dlib's photos). dlib's examples hold
// six people who turn both ways, so their photos serve several scenarios: the workstation's
// cross-case replay check marks the later ones "seen in case ...", as it would in a ward.
// Last, a 住民票 request to be signed with the My Number card's JPKI certificate ("juminhyo_signed":
// demo.sh submits it with signing=jpki and signs its manifest with a TEST PKI made for the facts
// in jpki-facts.txt, `madoguchi-cli demo sign-remote`).
// Also writes register.csv (the fictitious residents), scenarios.txt and jpki-facts.txt (氏名,
// 生年月日 EYYYYMMDD, 性別, 住所 as J-LIS writes them, one a line). Calling thread.
class DemoCases {
public:
    struct Case {
        QString scenario;  // stable id, e.g. "good", "mismatch", "flat_photo"
        QString directory; // the bundle
    };
    static Result<std::vector<Case>> prepare(const ModelSet &models, const FaceThresholds &thresholds,
                                             const QString &samplesDirectory, const QString &outputDirectory);
};

} // namespace mado
