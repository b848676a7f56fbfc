#!/usr/bin/env bash
# Compiles Madoguchi's own sources that go into madoguchi.exe and madoguchi-cli.exe for Windows
# (x86_64-w64-mingw32, posix threads) with -fsyntax-only, one translation unit at a time, before the
# cross-built dependencies are finished: only their headers are needed, from the cache that
# installer/windows/build-deps.sh fills (read only, never written):
#   Qt 6.4.2 qtbase   the configured tree (qt6/include forwards to the source; generated headers there)
#   OpenSSL, libsodium, SQLite   prefix/include
#   Poco              the source tree (src/poco/tree/*/include); the TUs that link Poco (their Linux
#                     flags carry Poco's definitions) get the cross build's instead
#   dlib              the source tree (its unconfigured config.h: DLIB_NOT_CONFIGURED)
#   OpenCV 4.6.0      the source tree's module headers, plus the two headers OpenCV generates at
#                     configure time (cv_cpu_config.h, opencv_modules.hpp) written into the output
#                     folder: the CPU baseline copied from Debian's OpenCV 4.6.0 (same version, x86-64)
#                     and the modules build-deps.sh builds
# A header that none of these has (a dependency not in the cache) makes its TU "not checked", named;
# a missing POSIX system header is a failure. Generated moc/rcc sources are not checked (the real
# build makes them with the same host moc/rcc).
#
# Which TUs: a Linux configure (preset dev with MADO_PDF_RENDERER=painter, as the `windows` preset
# selects, into BUILD, configure only) lists them in compile_commands.json; kept are core/ without
# core/receiver (Linux-only), ui/, app/cli and app/workstation, with their own -D/-I flags, plus the
# Windows-only sources there (named Windows*.cpp by convention) with their folder's flags.
#
# Usage: check-sources.sh [-j N] [-k] [PATTERN]   (PATTERN: only TUs whose path contains it)
#   -k keeps going quietly: prints only failures and the summary
# Environment: MADOGUCHI_MINGW_DIR (default ~/.cache/madoguchi/mingw), BUILD (default
# build/wincheck), OUT (default $BUILD/check-sources: logs, one per TU).
# Prints "ok", "warnings", "FAILED" or "not checked (...)" per TU and a summary; exits 1 when a TU failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
mingw="${MADOGUCHI_MINGW_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/mingw}"
build="${BUILD:-$repo/build/wincheck}"
out="${OUT:-$build/check-sources}"
jobs=1
quiet=0
while getopts "j:k" opt; do
    case "$opt" in
        j) jobs=$OPTARG ;;
        k) quiet=1 ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
pattern="${1:-}"

cxx=x86_64-w64-mingw32-g++-posix
command -v "$cxx" >/dev/null || { echo "check-sources: $cxx is missing (g++-mingw-w64-x86-64-posix)" >&2; exit 2; }
for need in "$mingw/qt6/include/QtCore/qconfig.h" "$mingw/prefix/include/sodium.h" \
            "$mingw/src/poco/tree/Foundation/include/Poco/Config.h"; do
    [ -e "$need" ] || { echo "check-sources: $need is missing (run installer/windows/build-deps.sh)" >&2; exit 2; }
done

# 1. The TU list and their flags, from a Linux configure with the Windows build's choices.
# (Configured again each time, quickly when it exists, so that new sources are listed.)
echo "check-sources: configuring $build (Linux, painter renderer, configure only)"
(cd "$repo" && cmake --preset dev -B "$build" -DMADO_PDF_RENDERER=painter -DMADO_BUILD_TESTS=OFF \
    >"$build.configure.log" 2>&1) || { echo "check-sources: configure failed, see $build.configure.log" >&2; exit 2; }
mkdir -p "$out/logs" "$out/opencv-generated/opencv2"

# 2. OpenCV's two configure-time headers (see the top).
cp /usr/include/opencv4/opencv2/cv_cpu_config.h "$out/opencv-generated/opencv2/cv_cpu_config.h" 2>/dev/null ||
    printf '// no CPU baseline (Debian OpenCV headers not installed)\n' >"$out/opencv-generated/opencv2/cv_cpu_config.h"
{
    echo "// Stand-in for OpenCV's generated opencv_modules.hpp: the modules installer/windows/build-deps.sh builds."
    for m in CORE IMGPROC IMGCODECS CALIB3D FEATURES2D FLANN; do echo "#define HAVE_OPENCV_$m"; done
} >"$out/opencv-generated/opencv2/opencv_modules.hpp"

# 3. The flags every TU gets on Windows: Qt's (Qt6::Platform on MinGW), the dependencies' headers.
qt="$mingw/qt6"
common=(-fsyntax-only -DWIN32 -D_ENABLE_EXTENDED_ALIGNED_STORAGE -DWIN64 -D_WIN64 -DMINGW_HAS_SECURE_API=1
        -DUNICODE -D_UNICODE -DDLIB_NO_GUI_SUPPORT
        -isystem "$qt/include" -isystem "$qt/mkspecs/win32-g++")
for module in "$qt"/include/Qt*; do common+=(-isystem "$module"); done
common+=(-isystem "$mingw/prefix/include")
for inc in "$mingw"/src/poco/tree/*/include; do common+=(-isystem "$inc"); done
common+=(-isystem "$mingw/src/dlib/tree" -isystem "$out/opencv-generated")
for m in core imgproc imgcodecs calib3d features2d flann; do
    common+=(-isystem "$mingw/src/opencv/tree/modules/$m/include")
done
common+=(-idirafter "$mingw/case/include")
# Poco Foundation's PUBLIC definitions in the cross build (build-deps.sh's build/poco compiles
# with these; its MinGW-only block does not apply there), for the TUs that link Poco.
poco=(-DPOCO_ENABLE_CPP11 -DPOCO_ENABLE_CPP14 -DPOCO_OS_FAMILY_WINDOWS)

# 4. One line per TU: path<TAB>its own flags (tab-separated), from compile_commands.json.
list="$out/tus.txt"
python3 - "$build/compile_commands.json" "$repo" "$build" "$pattern" >"$list" <<'EOF'
import json, os, shlex, sys
folder_flags = {}
commands, repo, build, pattern = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
seen = set()
for entry in json.load(open(commands)):
    path = entry["file"]
    if path in seen:
        continue
    seen.add(path)
    if path.startswith(build + "/"):
        rel = path[len(build) + 1:]
        generated = "_autogen/" in rel or "/.rcc/" in rel or "qrc_" in rel
        if generated or not rel.startswith(("core/", "ui/", "app/")):
            continue
        if rel.startswith("core/receiver/"):
            continue
    elif path.startswith(repo + "/"):
        rel = path[len(repo) + 1:]
        if not (rel.startswith(("core/", "ui/", "app/cli/", "app/workstation/"))) or rel.startswith("core/receiver/"):
            continue
    else:
        continue
    args = entry.get("arguments") or shlex.split(entry["command"])
    own = []
    uses_poco = False
    i = 1
    while i < len(args):
        a = args[i]
        if a in ("-o", "-c"):
            i += 2
            continue
        if a.startswith("-D"):
            # The project's and Qt's own; Linux Poco's interface definitions (POCO_OS_FAMILY_UNIX,
            # _FILE_OFFSET_BITS, ...) only say that the TU uses Poco: Windows Poco's are added below.
            if a.startswith("-DPOCO_"):
                uses_poco = True
            elif a.startswith(("-DMADO_", "-DQT_", "-DNDEBUG")) and \
                    not a.startswith(("-DMADO_HAVE_CV_FREETYPE", "-DMADO_HAVE_WEBENGINE")):
                own.append(a)
        elif a.startswith("-I"):
            d = a[2:]
            if d.startswith((repo, build)):
                own.append(a)
        elif a.startswith(("-W", "-std=")) or a == "-fPIC":
            if a != "-fPIC":
                own.append(a)
        i += 1
    own.insert(0, "poco" if uses_poco else "-")
    folder_flags.setdefault(os.path.dirname(path), own)
    if not pattern or pattern in rel:
        print(path + "\t" + rel + "\t" + "\t".join(own))
# Windows-only sources (Windows*.cpp, added by CMake only `if(WIN32)`), which the Linux configure
# does not list: with the flags of another TU of their folder.
for top in ("core", "ui", "app/cli", "app/workstation"):
    for root, _, files in os.walk(os.path.join(repo, top)):
        rel_root = os.path.relpath(root, repo)
        if rel_root.startswith("core/receiver") or root not in folder_flags:
            continue
        for name in sorted(files):
            path = os.path.join(root, name)
            rel = os.path.join(rel_root, name)
            if name.startswith("Windows") and name.endswith(".cpp") and path not in seen and pattern in rel:
                print(path + "\t" + rel + "\t" + "\t".join(folder_flags[root]))
EOF
total=$(wc -l <"$list")
[ "$total" -gt 0 ] || { echo "check-sources: no TU matches '$pattern'" >&2; exit 2; }

# 5. Compile each, nice, N at a time; classify.
check_one() {
    local line=$1 path rel log status
    IFS=$'\t' read -r -a fields <<<"$line"
    path=${fields[0]}; rel=${fields[1]}
    local own=("${fields[@]:3}") extra=()
    [ "${fields[2]}" = poco ] && extra=("${poco[@]}")
    log="$out/logs/${rel//\//_}.log"
    if nice -n 19 "$cxx" "${own[@]}" "${extra[@]}" "${common[@]}" "$path" >"$log" 2>&1; then
        if grep -q "warning:" "$log"; then status="warnings"; else status="ok"; fi
    else
        local missing
        missing=$(grep -m1 -o "fatal error: [^:]*: No such file" "$log" | sed 's/fatal error: //; s/: No such file//' || true)
        if [ -n "$missing" ] && ! [[ "$missing" =~ ^(sys/|unistd|fcntl|pwd|grp|termios|dlfcn|link\.h|elf\.h|poll|signal|syslog|spawn|netinet/|arpa/|netdb|net/|pthread) ]]; then
            status="not checked ($missing not available)"
        else
            status="FAILED"
        fi
    fi
    printf '%s\t%s\n' "$status" "$rel"
}
export -f check_one
export out cxx
results="$out/results.txt"
# Arrays cannot cross into xargs' children: pass them through files.
printf '%s\0' "${common[@]}" >"$out/common.args"
printf '%s\0' "${poco[@]}" >"$out/poco.args"
run_one() {
    local common=() poco=()
    mapfile -d '' common <"$out/common.args"
    mapfile -d '' poco <"$out/poco.args"
    check_one "$1"
}
export -f run_one
tr '\n' '\0' <"$list" | xargs -0 -P "$jobs" -I{} bash -c 'run_one "$1"' _ {} | sort -k2 | tee "$results" |
    { if [ "$quiet" = 1 ]; then grep -v "^ok" || true; else cat; fi; }

ok=$(grep -c "^ok" "$results" || true)
warn=$(grep -c "^warnings" "$results" || true)
failed=$(grep -c "^FAILED" "$results" || true)
unchecked=$(grep -c "^not checked" "$results" || true)
echo "check-sources: $total TUs: $ok ok, $warn with warnings, $failed failed, $unchecked not checked (logs: $out/logs)"
[ "$failed" -eq 0 ]
