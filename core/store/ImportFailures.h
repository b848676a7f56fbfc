#pragma once

#include "core/domain/Result.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace mado {

class CaseStore;

// One application that failed to import (no personal data).
struct ImportFailure {
    QString applicationId;
    QString reference;
    int attempts = 0;
    QString errorCode; // errorCodeName() of the last failure
    QString message;   // its English message
    QDateTime firstAt;
    QDateTime lastAt;
    QDateTime abandonedAt; // invalid while attempts continue; set once the receiver was told
};

// The record of applications the importer could not take (table import_failures, revision 9):
// how often each failed and why, and which were given up and reported to the receiver, so that an
// application is never retried forever and IT can see what was refused. Only failures that are the
// application's own (isApplicationFault) are recorded: a network or disk error says nothing about
// the application. Any thread (calling thread's connection); failures are Error{Database}.
class ImportFailures {
public:
    explicit ImportFailures(CaseStore &store);

    // Bundle and image refusals: retrying the same bytes cannot succeed.
    static bool isApplicationFault(ErrorCode code);

    // Counts a failed attempt (error.message must hold no personal data); returns the attempts so far.
    Result<int> record(const QString &applicationId, const QString &reference, const Error &error);
    // The application was given up and the receiver told.
    Status markAbandoned(const QString &applicationId);
    // The application was imported after all: its failures are forgotten.
    Status clear(const QString &applicationId);
    // Every recorded failure, newest first; only the given-up ones when abandonedOnly.
    Result<std::vector<ImportFailure>> list(bool abandonedOnly = false);

private:
    CaseStore &m_store;
};

} // namespace mado
