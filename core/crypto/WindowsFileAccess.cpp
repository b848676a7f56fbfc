#include "core/crypto/WindowsFileAccess.h"

#ifndef NOMINMAX
#define NOMINMAX // std::min, not windows.h's macro
#endif
#include <windows.h>

#include <aclapi.h>
#include <fcntl.h>
#include <io.h>
#include <sddl.h>

#include <cerrno>
#include <cstdint>
#include <vector>

namespace mado {

namespace {

const wchar_t *wide(const QString &text)
{
    return reinterpret_cast<const wchar_t *>(text.utf16());
}

// Memory the security functions allocate with LocalAlloc.
class LocalMemory {
public:
    LocalMemory() = default;
    ~LocalMemory()
    {
        if (m_memory)
            ::LocalFree(m_memory);
    }
    LocalMemory(const LocalMemory &) = delete;
    LocalMemory &operator=(const LocalMemory &) = delete;
    void **out() { return &m_memory; }

private:
    void *m_memory = nullptr;
};

// The SID of the user the process runs as (its token's user), in an aligned buffer; empty when
// the token cannot be read.
class CurrentUser {
public:
    CurrentUser()
    {
        HANDLE token = nullptr;
        if (!::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &token))
            return;
        DWORD size = 0;
        ::GetTokenInformation(token, TokenUser, nullptr, 0, &size);
        m_buffer.resize(size / sizeof(std::uint64_t) + 1);
        if (size == 0 || !::GetTokenInformation(token, TokenUser, m_buffer.data(), size, &size))
            m_buffer.clear();
        ::CloseHandle(token);
    }
    PSID sid() const
    {
        return m_buffer.empty() ? nullptr : reinterpret_cast<const TOKEN_USER *>(m_buffer.data())->User.Sid;
    }
    QString sidString() const
    {
        LocalMemory text;
        if (!sid() || !::ConvertSidToStringSidW(sid(), reinterpret_cast<LPWSTR *>(text.out())))
            return {};
        return QString::fromWCharArray(static_cast<const wchar_t *>(*text.out()));
    }

private:
    std::vector<std::uint64_t> m_buffer;
};

int errnoOf(DWORD error)
{
    switch (error) {
    case ERROR_FILE_EXISTS:
    case ERROR_ALREADY_EXISTS:
        return EEXIST;
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
        return ENOENT;
    case ERROR_ACCESS_DENIED:
        return EACCES;
    default:
        return EIO;
    }
}

QString accountName(PSID sid)
{
    wchar_t name[256];
    wchar_t domain[256];
    DWORD nameSize = 256;
    DWORD domainSize = 256;
    SID_NAME_USE use{};
    if (::LookupAccountSidW(nullptr, sid, name, &nameSize, domain, &domainSize, &use)) {
        const QString account = QString::fromWCharArray(name, int(nameSize));
        return domainSize > 0 ? QString::fromWCharArray(domain, int(domainSize)) + QLatin1Char('\\') + account
                              : account;
    }
    LocalMemory text;
    if (::ConvertSidToStringSidW(sid, reinterpret_cast<LPWSTR *>(text.out())))
        return QString::fromWCharArray(static_cast<const wchar_t *>(*text.out()));
    return QStringLiteral("an unknown account");
}

// Rights that let an account read the secret or change the file or who may access it.
constexpr ACCESS_MASK kRevealing = FILE_READ_DATA | FILE_WRITE_DATA | FILE_APPEND_DATA | WRITE_DAC | WRITE_OWNER |
                                   GENERIC_READ | GENERIC_WRITE | GENERIC_ALL;

} // namespace

QString WindowsFileAccess::currentUserSid()
{
    return CurrentUser().sidString();
}

int WindowsFileAccess::createOwnerOnly(const QString &path)
{
    const QString userSid = currentUserSid();
    if (userSid.isEmpty()) {
        errno = EACCES;
        return -1;
    }
    // D:P = a protected DACL (nothing inherited); one entry: full access (FA) for the user.
    const QString sddl = QStringLiteral("D:P(A;;FA;;;%1)").arg(userSid);
    LocalMemory descriptor;
    if (!::ConvertStringSecurityDescriptorToSecurityDescriptorW(wide(sddl), SDDL_REVISION_1, descriptor.out(),
                                                                nullptr)) {
        errno = EIO;
        return -1;
    }
    SECURITY_ATTRIBUTES attributes{};
    attributes.nLength = sizeof attributes;
    attributes.lpSecurityDescriptor = *descriptor.out();
    attributes.bInheritHandle = FALSE;
    const HANDLE file =
        ::CreateFileW(wide(path), GENERIC_WRITE, 0, &attributes, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE) {
        errno = errnoOf(::GetLastError());
        return -1;
    }
    const int fd = ::_open_osfhandle(reinterpret_cast<intptr_t>(file), _O_WRONLY | _O_BINARY);
    if (fd < 0) {
        ::CloseHandle(file);
        ::DeleteFileW(wide(path));
        errno = EIO;
    }
    return fd;
}

Result<QStringList> WindowsFileAccess::othersWithAccess(const QString &path)
{
    PACL dacl = nullptr;
    LocalMemory descriptor;
    const DWORD failed = ::GetNamedSecurityInfoW(wide(path), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr,
                                                 nullptr, &dacl, nullptr, descriptor.out());
    if (failed != ERROR_SUCCESS)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("cannot read who may access '%1' (Windows error %2)").arg(path).arg(failed)};
    if (!dacl) // no DACL: everyone has full access
        return QStringList{QStringLiteral("Everyone")};
    ACL_SIZE_INFORMATION size{};
    if (!::GetAclInformation(dacl, &size, sizeof size, AclSizeInformation))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("cannot read who may access '%1'").arg(path)};

    const CurrentUser user;
    QStringList others;
    for (DWORD i = 0; i < size.AceCount; ++i) {
        void *entry = nullptr;
        if (!::GetAce(dacl, i, &entry))
            continue;
        const auto *header = static_cast<const ACE_HEADER *>(entry);
        // Only allow entries grant anything; inherit-only ones apply to a folder's children.
        if (header->AceType != ACCESS_ALLOWED_ACE_TYPE || (header->AceFlags & INHERIT_ONLY_ACE))
            continue;
        const auto *allowed = static_cast<const ACCESS_ALLOWED_ACE *>(entry);
        if (!(allowed->Mask & kRevealing))
            continue;
        const PSID sid = const_cast<DWORD *>(&allowed->SidStart);
        if ((user.sid() && ::EqualSid(sid, user.sid())) || ::IsWellKnownSid(sid, WinLocalSystemSid) ||
            ::IsWellKnownSid(sid, WinBuiltinAdministratorsSid))
            continue;
        const QString name = accountName(sid);
        if (!others.contains(name))
            others << name;
    }
    return others;
}

QString WindowsFileAccess::fixCommand(const QString &path)
{
    return QStringLiteral("icacls \"%1\" /inheritance:r /grant:r \"%USERNAME%:F\"").arg(path);
}

} // namespace mado
