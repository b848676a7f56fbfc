#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace mado {

// The workstations allowed to use the workstation API, read from workstation.tokens_file: one
// "name:sha256hex" line per workstation (the SHA-256 of its bearer token, lower or upper case hex;
// '#' starts a comment). Only hashes are stored; authenticate() hashes the presented token and
// compares it with every entry in constant time. Immutable after load; any thread.
class WorkstationTokens {
public:
    static Result<WorkstationTokens> load(const QString &path);
    static Result<WorkstationTokens> parse(const QByteArray &text);
    // The workstation's name, or nothing for an unknown token.
    std::optional<QString> authenticate(const QByteArray &token) const;
    std::size_t size() const { return m_entries.size(); }
    // "name:sha256hex" for a token, as an administrator writes it into the file.
    static QByteArray line(const QString &name, const QByteArray &token);

private:
    struct Entry {
        QString name;
        QByteArray hash; // 32 raw bytes
    };
    std::vector<Entry> m_entries;
};

} // namespace mado
