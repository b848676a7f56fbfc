#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseBundle.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

struct sqlite3;

namespace mado {

class Spool;

// Issues the head-turn challenges of the applicant API and keeps them in the spool (table
// challenges). A challenge is a 256-bit random nonce (Base64url), three directions drawn with the
// system CSPRNG (QRandomGenerator::system) so that no direction follows itself, an issue time and
// an expiry. Each challenge belongs to one LINE user and is used by at most one application; an
// application names its challenge by nonce and gets the stored one, so the directions never come
// from the applicant (which is why a challenge needs no signature; docs/case-bundle.md).
// Thread-safe (the spool serialises access). Errors: Io from the spool; lookups fail with
// InvalidArgument (unknown nonce or another user's), Gone (expired), Conflict (used). issue()
// fails with RateLimited when the user already got maxPerHour challenges in the last hour.
class ChallengeStore {
public:
    // `directions`: the directions a challenge may ask for (at least two; default all four).
    ChallengeStore(Spool &spool, int lifetimeSeconds, int maxPerHour = 30,
                   std::vector<Direction> directions = {Direction::Left, Direction::Right, Direction::Up,
                                                        Direction::Down})
        : m_spool(spool), m_lifetimeSeconds(lifetimeSeconds), m_maxPerHour(maxPerHour),
          m_directions(std::move(directions))
    {
    }

    Result<Challenge> issue(const QString &userId, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The stored challenge if the user may use it now (exists, theirs, unexpired, unused).
    Result<Challenge> usable(const QString &nonce, const QString &userId,
                             const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // Deletes the challenges (LINE user ids) that expired before now and were issued more than an
    // hour ago (the rate limit counts the last hour). Returns how many were deleted. Under the
    // spool's lock (SpoolScrubber).
    static Result<int> prune(sqlite3 *db, const QDateTime &now);
    // Inside the caller's open transaction on db: checks as usable() and marks the challenge used.
    static Result<Challenge> consume(sqlite3 *db, const QString &nonce, const QString &userId, const QDateTime &now);

    // Three directions drawn uniformly from `allowed` (>= 2), never the same twice in a row.
    static std::array<Direction, 3> drawDirections(const std::vector<Direction> &allowed = {Direction::Left,
                                                                                             Direction::Right,
                                                                                             Direction::Up,
                                                                                             Direction::Down});

private:
    Spool &m_spool;
    int m_lifetimeSeconds;
    int m_maxPerHour;
    std::vector<Direction> m_directions;
};

} // namespace mado
