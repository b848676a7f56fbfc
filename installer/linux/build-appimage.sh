#!/usr/bin/env bash
# Builds Madoguchi-<version>-x86_64.AppImage: the workstation and madoguchi-cli with the libraries
# they need, on our own runtime (installer/linux/appimage-runtime). One command:
#   installer/linux/build-appimage.sh        -> build/appimage/Madoguchi-<version>-x86_64.AppImage
# Steps: Release build ($MADO_APPIMAGE_BUILD_DIR, default build/appimage, no tests); install the
# workstation component into an AppDir; add Qt's plugins (platforms incl. xcb, wayland, offscreen;
# sqldrivers; imageformats; input contexts; TLS), QtWebEngineProcess with its resources and
# locales, NSS's loadable modules and the IPA Gothic font with its licence; walk `ldd` over every
# ELF file and copy each library not in appimage/excludelist (the reasons are there); set RPATHs
# with patchelf; AppRun, qt.conf, fonts.conf, .desktop, icon, AppStream metainfo; mksquashfs
# (zstd, level $MADO_APPIMAGE_ZSTD_LEVEL, default 9: level 19 ran for minutes per 10 MB on this
# shared 2-core machine) appended to the runtime. The face models are not bundled (size, licences).
# Installs what is missing (installer/dev/install-deps.sh). Prints the size and the time taken.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
start=$(date +%s)
build_dir=$(realpath -m "${MADO_APPIMAGE_BUILD_DIR:-build/appimage}")
"$repo/installer/dev/install-deps.sh"

jobs=${MADO_JOBS:-$(nproc)}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMADO_BUILD_TESTS=OFF >/dev/null
cmake --build "$build_dir" -j"$jobs" --target madoguchi madoguchi-cli madoguchi-cli-completion appimage-runtime
build_end=$(date +%s)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")
appdir="$build_dir/AppDir"
rm -rf "$appdir"
cmake --install "$build_dir" --component workstation --prefix "$appdir/usr" >/dev/null
strip --strip-unneeded "$appdir/usr/bin/madoguchi" "$appdir/usr/bin/madoguchi-cli"
usr="$appdir/usr"
mkdir -p "$usr/lib" "$usr/plugins" "$usr/libexec" "$usr/share/qt6/translations" "$usr/etc/fonts"

qt_plugins=$(qmake6 -query QT_INSTALL_PLUGINS)
qt_libexec=$(qmake6 -query QT_INSTALL_LIBEXECS)
qt_data=$(qmake6 -query QT_INSTALL_DATA)
qt_translations=$(qmake6 -query QT_INSTALL_TRANSLATIONS)
multiarch=$(gcc -print-multiarch)

# --- Qt plugins (loaded at run time, so ldd of the programs does not see them) -----------------
copy_plugin_dir() {  # DIR [GLOB]: plugins of one kind
    local dir=$1 glob=${2:-*.so}
    [ -d "$qt_plugins/$dir" ] || { echo "build-appimage: no Qt plugins $dir (skipped)"; return 0; }
    mkdir -p "$usr/plugins/$dir"
    # shellcheck disable=SC2086
    (cd "$qt_plugins/$dir" && cp -L $glob "$usr/plugins/$dir/" 2>/dev/null) || true
}
copy_plugin_dir platforms 'libqxcb.so libqwayland-*.so libqoffscreen.so libqminimal.so'
for d in xcbglintegrations wayland-decoration-client wayland-graphics-integration-client \
         wayland-shell-integration sqldrivers imageformats iconengines platforminputcontexts \
         platformthemes tls networkinformation; do
    copy_plugin_dir "$d"
done
ls "$usr/plugins/platforms/"libqwayland-*.so >/dev/null 2>&1 || echo "build-appimage: warning: no Wayland platform plugin (qt6-wayland)"

# --- Qt WebEngine: the helper process, its resources and locales ------------------------------
cp -L "$qt_libexec/QtWebEngineProcess" "$usr/libexec/"
mkdir -p "$usr/share/qt6/resources"
cp -L "$qt_data"/resources/*.pak "$usr/share/qt6/resources/"
cp -L "$qt_data"/resources/icudtl.dat "$usr/share/qt6/resources/" 2>/dev/null || true
cp -rL "$qt_translations/qtwebengine_locales" "$usr/share/qt6/translations/"
# Qt's own Japanese and English strings (dialog buttons), where installed.
cp -L "$qt_translations"/qtbase_{ja,en}.qm "$usr/share/qt6/translations/" 2>/dev/null || true

# --- NSS's modules (dlopen'ed by QtWebEngine's NSS, invisible to ldd) ---------------------------
for lib in libsoftokn3 libfreebl3 libfreeblpriv3 libnssckbi; do
    for f in /usr/lib/"$multiarch"/$lib.so /usr/lib/"$multiarch"/$lib.chk; do
        [ -e "$f" ] && cp -L "$f" "$usr/lib/"
    done
done

# --- The Japanese font and its licence -------------------------------------------------------
font_dir="$usr/share/fonts/ipafont-gothic"
mkdir -p "$font_dir"
cp -L /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf /usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf "$font_dir/"
cp -L /usr/share/doc/fonts-ipafont-gothic/copyright "$font_dir/LICENSE"
cp "$here/appimage/fonts.conf" "$usr/etc/fonts/fonts.conf"

# --- Libraries: ldd over every ELF file until nothing new turns up -----------------------------
mapfile -t excludes < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' "$here/appimage/excludelist" | grep -v '^$')
excluded() {
    local name=$1 pattern
    for pattern in "${excludes[@]}"; do
        # shellcheck disable=SC2053
        [[ $name == $pattern ]] && return 0
    done
    return 1
}
elf_files() { find "$usr" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c 'head -c4 "$1" | grep -q ELF' sh {} \; -print; }
declare -A seen=() scanned=()
missing=()
while :; do
    added=0
    while read -r f; do
        [ -n "${scanned[$f]:-}" ] && continue
        scanned[$f]=1
        while read -r name path; do
            if [ "$path" = "not" ]; then missing+=("$name (for ${f#"$appdir"/})"); continue; fi
            [ -n "${seen[$name]:-}" ] && continue
            seen[$name]=1
            excluded "$name" && continue
            [ -e "$usr/lib/$name" ] && continue
            cp -L "$path" "$usr/lib/$name"
            added=$((added + 1))
        done < <(LD_LIBRARY_PATH="$usr/lib" ldd "$f" 2>/dev/null | awk '$2 == "=>" {print $1, $3}')
    done < <(elf_files)
    [ "$added" -eq 0 ] && break
done
if [ ${#missing[@]} -gt 0 ]; then
    printf 'build-appimage: not found by ldd: %s\n' "${missing[@]}" >&2
    exit 1
fi

# --- RPATHs: every ELF finds the bundled libraries relative to itself --------------------------
while read -r f; do
    rel=$(realpath --relative-to="$(dirname "$f")" "$usr/lib")
    patchelf --set-rpath "\$ORIGIN/$rel" "$f"
done < <(elf_files)
cp "$here/appimage/qt.conf" "$usr/bin/qt.conf"
cp "$here/appimage/qt.conf" "$usr/libexec/qt.conf"

# --- AppRun with the glibc and libstdc++ versions the bundle needs -----------------------------
max_version() { sort -V | tail -n1; }
need_glibc=$(elf_files | xargs objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | max_version)
need_glibcxx=$(elf_files | xargs objdump -T 2>/dev/null | grep -o 'GLIBCXX_[0-9.]*' | sed 's/GLIBCXX_//' | max_version)
sed -e "s/@GLIBC@/$need_glibc/" -e "s/@GLIBCXX@/$need_glibcxx/" "$here/appimage/AppRun" > "$appdir/AppRun"
chmod 0755 "$appdir/AppRun"

# --- Desktop integration: .desktop, icon, AppStream ------------------------------------------
cp "$here/madoguchi.desktop" "$appdir/madoguchi.desktop"
mkdir -p "$usr/share/icons/hicolor/256x256/apps" "$usr/share/icons/hicolor/scalable/apps" "$usr/share/metainfo"
cp "$here/appimage/madoguchi.png" "$usr/share/icons/hicolor/256x256/apps/madoguchi.png"
cp "$here/appimage/madoguchi.svg" "$usr/share/icons/hicolor/scalable/apps/madoguchi.svg"
cp "$here/appimage/madoguchi.png" "$appdir/madoguchi.png"
cp "$here/appimage/madoguchi.png" "$appdir/.DirIcon"
cp "$here/appimage/org.madoguchi.Workstation.metainfo.xml" "$usr/share/metainfo/"

# --- The image, appended to the runtime ------------------------------------------------------
out="$build_dir/Madoguchi-$version-x86_64.AppImage"
rm -f "$out" "$build_dir/image.squashfs"
mksquashfs "$appdir" "$build_dir/image.squashfs" -root-owned -noappend -comp zstd -Xcompression-level "${MADO_APPIMAGE_ZSTD_LEVEL:-9}" \
    -b 1M -quiet -processors "$jobs" >/dev/null
cat "$build_dir/installer/linux/appimage-runtime/appimage-runtime" "$build_dir/image.squashfs" > "$out"
rm -f "$build_dir/image.squashfs"
chmod 0755 "$out"
end=$(date +%s)
echo "build-appimage: $(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
echo "build-appimage: $(du -m "$out" | cut -f1) MB ($(du -sm "$appdir" | cut -f1) MB unpacked, $(ls "$usr/lib" | wc -l) libraries);" \
     "needs glibc >= $need_glibc, GLIBCXX_$need_glibcxx;" \
     "build $((build_end - start)) s, packaging $((end - build_end)) s"
