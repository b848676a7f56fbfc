#!/usr/bin/env bash
# Checks the dependencies build-deps.sh has finished so far, before Madoguchi itself can be built:
# compiles installer/windows/smoke/sodium-sqlite.c against the cross-built libsodium and SQLite and
# runs it under Wine (a fresh prefix, removed afterwards) with the DLLs and the MinGW runtime beside it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache="${MADOGUCHI_MINGW_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/mingw}"
prefix="$cache/prefix"
host=x86_64-w64-mingw32
for step in sqlite3 libsodium; do
    [ -f "$cache/stamps/$step" ] || { echo "check-deps: $step is not built yet (build-deps.sh $step)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-deps.XXXXXX")
export WINEPREFIX="$work/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
trap 'wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT

"$host-gcc-posix" -O1 "$here/smoke/sodium-sqlite.c" -I"$prefix/include" -L"$prefix/lib" -lsodium -lsqlite3 \
    -o "$work/sodium-sqlite.exe"
cp "$prefix"/bin/*.dll "$work/"
for dll in libgcc_s_seh-1.dll libwinpthread-1.dll; do
    found=$("$host-gcc-posix" -print-file-name=$dll)
    [ -f "$found" ] || found=/usr/$host/lib/$dll
    cp "$found" "$work/"
done
(cd "$work" && wine ./sodium-sqlite.exe)
