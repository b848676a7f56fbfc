#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>

namespace mado {

// The workstation's token for the receiver's workstation API, read from a file the admin wrote
// (madoguchi-cli import --token-file FILE, the workstation's $MADOGUCHI_RECEIVER_TOKEN_FILE).
// The token is the file's content without surrounding white space (a trailing newline is fine),
// 1 to kMaxBytes bytes. Refused: a file that cannot be read (Io), an empty or larger file
// (InvalidArgument). A file other users can read (Windows: by its access list, WindowsFileAccess)
// is accepted with a warning (chmod 600; icacls on Windows), so an older set-up keeps working
// while the admin is told. Messages name the path, never the token.
// Stateless; any thread.
class ReceiverTokenFile {
public:
    static constexpr qsizetype kMaxBytes = 4096;

    struct Token {
        QByteArray value;
        QString warning; // empty, or why the file's permissions should be tightened
    };

    static Result<Token> read(const QString &path);
};

} // namespace mado
