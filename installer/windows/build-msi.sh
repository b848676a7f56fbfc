#!/usr/bin/env bash
# Builds Madoguchi-<version>-x64.msi (wixl, from msitools) from the Windows build:
#   installer/windows/build-msi.sh [BUILD_DIR]
# BUILD_DIR is build/windows (madoguchi.exe and madoguchi-cli.exe) by default, else build/windows-cli
# (madoguchi-cli.exe only: that MSI has no Start-menu shortcut). The programs' DLLs are found by
# walking `objdump -p` imports (and the Qt plugins' imports) through the dependency cache of
# build-deps.sh, Qt's bin folder and the MinGW runtime; what is found nowhere must be a Windows
# system DLL and is listed. The licences are the Debian copyright files of every source package
# the DLLs came from. The version is the project's (CMakeLists.txt; MADO_MSI_VERSION overrides it). Writes BUILD_DIR/Madoguchi-<version>-x64.msi.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache="${MADOGUCHI_MINGW_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/mingw}"
host=x86_64-w64-mingw32

build="${1:-}"
if [ -z "$build" ]; then
    build="$repo/build/windows"
    [ -f "$build/app/madoguchi.exe" ] || build="$repo/build/windows-cli"
fi
build=$(cd "$build" && pwd)
[ -f "$build/app/madoguchi-cli.exe" ] || { echo "build-msi: no $build/app/madoguchi-cli.exe (cmake --preset windows)" >&2; exit 1; }
for tool in wixl wixl-heat msibuild $host-objdump; do
    command -v "$tool" >/dev/null || { echo "build-msi: '$tool' is missing (apt-get install wixl msitools binutils-mingw-w64-x86-64)" >&2; exit 1; }
done
version=$(sed -n 's/^project(Madoguchi VERSION \([0-9.]*\).*/\1/p' "$repo/CMakeLists.txt")
# MADO_MSI_VERSION packs the same programs as another version: a second MSI to try an upgrade with.
version=${MADO_MSI_VERSION:-$version}
gui=0
[ -f "$build/app/madoguchi.exe" ] && gui=1

stage="$build/msi/stage"
rm -rf "$build/msi"; mkdir -p "$stage/licences"
cp "$build/app/madoguchi-cli.exe" "$stage/"
[ $gui = 1 ] && cp "$build/app/madoguchi.exe" "$stage/"

# Qt plugins, in the folders beside the programs where Qt looks for them.
qtplugins="$cache/qt6/plugins"
plugins=(sqldrivers/qsqlite.dll)
[ $gui = 1 ] && plugins+=(platforms/qwindows.dll styles/qwindowsvistastyle.dll imageformats/qjpeg.dll
                          imageformats/qico.dll imageformats/qgif.dll)
queue=("$stage/madoguchi-cli.exe")
[ $gui = 1 ] && queue+=("$stage/madoguchi.exe")
for plugin in "${plugins[@]}"; do
    [ -f "$qtplugins/$plugin" ] || { echo "build-msi: Qt plugin $plugin is missing in $qtplugins" >&2; exit 1; }
    mkdir -p "$stage/$(dirname "$plugin")"
    cp "$qtplugins/$plugin" "$stage/$plugin"
    queue+=("$stage/$plugin")
done

# Walk the imports.
runtime_dir=$(dirname "$($host-g++-posix -print-file-name=libstdc++-6.dll)")
search=("$cache/prefix/bin" "$cache/qt6/bin" "$runtime_dir" "/usr/$host/lib")
declare -A seen=()
system_dlls=()
while [ ${#queue[@]} -gt 0 ]; do
    binary=${queue[0]}; queue=("${queue[@]:1}")
    for dll in $($host-objdump -p "$binary" | awk '/DLL Name:/ {print $3}'); do
        key=${dll,,}
        [ -n "${seen[$key]:-}" ] && continue
        seen[$key]=1
        found=""
        for dir in "${search[@]}"; do
            found=$(find "$dir" -maxdepth 1 -iname "$dll" -print -quit 2>/dev/null || true)
            [ -n "$found" ] && break
        done
        if [ -n "$found" ]; then
            cp "$found" "$stage/"
            queue+=("$stage/$(basename "$found")")
        else
            system_dlls+=("$dll")
        fi
    done
done
echo "build-msi: left to Windows: ${system_dlls[*]}"

# Licences: each source package's Debian copyright file, the MinGW runtime's.
if [ -f "$cache/MANIFEST" ]; then
    for pkg in $(ls "$cache/src"); do
        [ -f "$cache/src/$pkg/tree/debian/copyright" ] && cp "$cache/src/$pkg/tree/debian/copyright" "$stage/licences/$pkg.txt"
    done
fi
cp /usr/share/doc/gcc-mingw-w64-base/copyright "$stage/licences/gcc-runtime.txt"
cp /usr/share/doc/mingw-w64-common/copyright "$stage/licences/mingw-w64-winpthreads.txt"

# Everything but the two programs is listed by wixl-heat; madoguchi.wxs holds the programs and the shortcut.
(cd "$stage" && find . -type f ! -name madoguchi.exe ! -name madoguchi-cli.exe | sort) |
    wixl-heat --prefix ./ --directory-ref INSTALLDIR --component-group StagedFiles --var var.SourceDir --win64 \
    > "$build/msi/files.wxs"
msi="$build/Madoguchi-$version-x64.msi"
# wixl takes the sources relative to the working folder.
(cd "$build/msi" && wixl -a x64 -D Win64=yes -D Version="$version" -D SourceDir=stage -D Gui=$gui -o "$msi" \
    "$here/madoguchi.wxs" files.wxs)
# wixl writes table strings as ASCII only: set the database's code page to Japanese (932) and give
# the Start-menu shortcut its name with SQL, which libmsi stores in that code page.
if [ $gui = 1 ]; then
    printf '\r\n\r\n932\t_ForceCodepage\r\n' > "$build/msi/_ForceCodepage.idt"
    msibuild "$msi" -i "$build/msi/_ForceCodepage.idt"
    msibuild "$msi" -q "UPDATE \`Shortcut\` SET \`Name\` = 'MADOGU~1|窓口 本人確認' WHERE \`Shortcut\` = 'WorkstationShortcut'"
fi
echo "build-msi: $msi ($(du -h "$msi" | cut -f1), $(find "$stage" -type f | wc -l) files, GUI: $gui)"
