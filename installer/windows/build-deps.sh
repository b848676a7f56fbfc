#!/usr/bin/env bash
# Cross-builds Madoguchi's dependencies for Windows (x86_64-w64-mingw32, posix threads) from
# Debian's source packages, into
#   ${MADOGUCHI_MINGW_DIR:-${XDG_CACHE_HOME:-~/.cache}/madoguchi/mingw}
#     src/<package>/     the downloaded source package (.dsc, tarballs) and its unpacked tree
#     build/<step>/      the build trees
#     prefix/            the installed DLLs, import libraries, headers and CMake/pkg-config files
#     qt6/               Qt's qtbase, built in place (a "non-prefix" Qt build: its build tree is its prefix)
#     logs/<step>.log    each step's full output
#     MANIFEST           one line per finished step: step, Debian version, sha256 of the source
#                        tarballs, seconds it took, date
# A step that already finished (stamps/<step>) is reused; delete its stamp to rebuild it.
# Usage: build-deps.sh [--fetch-only] [step ...]   (default: every step, the CLI's dependencies first)
# Steps: sqlite3 bzip2 libsodium openssl poco openblas dlib zlib libjpeg-turbo libpng1.6 opencv qtcore qtgui
# (and qtconfigure: Qt's configure alone, which qtcore runs first when it has not been done)
# (everything before qtgui is what madoguchi-cli and the core tests need; qtgui adds Gui, Widgets, PrintSupport)
# (Debian's OpenCV source has no 3rdparty/ folder, so zlib, libjpeg and libpng are built first.)
# It stops at the first step that fails and names the command and the log.
# Needs: g++-mingw-w64-x86-64-posix, mingw-w64-tools, dpkg-dev, cmake, ninja, tclsh, autoconf, automake, libtool, Debian's own Qt 6
# (the host tools moc, rcc, uic: qt6-base-dev-tools).
# Does not touch the system's apt sources: a private source list and list directory are used.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache="${MADOGUCHI_MINGW_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/mingw}"
prefix="$cache/prefix"
qtdir="$cache/qt6"
host=x86_64-w64-mingw32
jobs="${JOBS:-2}"
# The build trees keep the toolchain file's path; a copy in the cache keeps them valid when the
# checkout that started them moves or is removed (refreshed only when its content changed).
toolchain="$cache/mingw-toolchain.cmake"
all_steps=(sqlite3 bzip2 libsodium openssl poco openblas dlib zlib libjpeg-turbo libpng1.6 opencv qtcore qtgui)
export MADO_MINGW_PREFIX="$prefix"
export CC="$host-gcc-posix" CXX="$host-g++-posix" AR="$host-ar" RANLIB="$host-ranlib"
export RC="$host-windres" WINDRES="$host-windres" STRIP="$host-strip"
export PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig" PKG_CONFIG_PATH=""

fetch_only=0
if [ "${1:-}" = "--fetch-only" ]; then fetch_only=1; shift; fi
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=("${all_steps[@]}")

for tool in "$CC" "$CXX" "$WINDRES" apt-get dpkg-source cmake ninja make tclsh autoreconf perl sha256sum; do
    command -v "$tool" >/dev/null || { echo "build-deps: '$tool' is missing" >&2; exit 1; }
done
mkdir -p "$cache"/{src,build,logs,stamps} "$prefix"/{bin,lib,include}
cmp -s "$here/mingw-toolchain.cmake" "$toolchain" || cp "$here/mingw-toolchain.cmake" "$toolchain"

# Mixed-case names of MinGW's lower-case system headers and libraries, for sources written on Windows
# (see mingw-toolchain.cmake, which adds case/ after every other include and library directory).
make_case_shims() {
    local sysroot=/usr/$host h l
    mkdir -p "$cache/case/include" "$cache/case/lib"
    for h in Winsock2.h Iphlpapi.h WinSock2.h Windows.h; do
        printf '#include <%s>\n' "${h,,}" > "$cache/case/include/$h"
    done
    # MinGW's iphlpapi.h reaches wincrypt.h (through iprtrmib.h and mprapi.h; the Windows SDK's does
    # not), whose TIMESTAMP_REQUEST macro breaks the ICMP type enum of Poco's ICMPv4PacketImpl.h.
    # Only Poco includes the mixed-case name (Poco/UnWindows.h), and nothing of Poco's uses the macro.
    printf '#undef TIMESTAMP_REQUEST\n' >> "$cache/case/include/Iphlpapi.h"
    for l in Crypt32 Iphlpapi Ws2_32; do
        ln -sf "$sysroot/lib/lib${l,,}.a" "$cache/case/lib/lib$l.a"
    done
}
make_case_shims

# --- sources -------------------------------------------------------------------------------------
apt_dir="$cache/apt"
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache")
apt_ready=0
apt_update() {
    [ $apt_ready = 1 ] && return
    local mirror
    mirror=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1 || true)
    [ -n "$mirror" ] || mirror=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | head -n1 || true)
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
    echo "deb-src ${mirror:-http://deb.debian.org/debian} bookworm main" > "$apt_dir/sources.list"
    apt-get "${apt_opts[@]}" update -qq
    apt_ready=1
}

# source_tree PACKAGE: downloads Debian's source package once, unpacks it (Debian's patches applied)
# and prints the tree's path.
source_tree() {
    local pkg=$1 dir="$cache/src/$1"
    if [ ! -f "$dir/.unpacked" ]; then
        apt_update >&2
        rm -rf "$dir"; mkdir -p "$dir"; chmod 755 "$dir"   # apt's sandbox user writes here
        (cd "$dir" && apt-get "${apt_opts[@]}" source --download-only -qq "$pkg") >&2
        (cd "$dir" && dpkg-source --no-check -x ./*.dsc tree) >&2
        touch "$dir/.unpacked"
    fi
    echo "$dir/tree"
}

# source_id PACKAGE: "version sha256-of-each-tarball" for the manifest.
source_id() {
    local dir="$cache/src/$1" version sums
    version=$(awk '/^Version:/ {print $2; exit}' "$dir"/*.dsc)
    sums=$(cd "$dir" && sha256sum ./*.tar.* | awk '{sub("^\\./", "", $2); printf "%s:%s ", $2, $1}')
    echo "$version ${sums% }"
}

# --- steps ---------------------------------------------------------------------------------------
cmake_cross() {   # cmake_cross SOURCE BUILD [args...]: configure a CMake project for MinGW
    local source=$1 build=$2; shift 2
    cmake -G Ninja -S "$source" -B "$build" -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_PREFIX_PATH="$prefix" "$@"
}

build_sqlite3() {
    local src b; src=$(source_tree sqlite3); b="$cache/build/sqlite3"
    rm -rf "$b"; mkdir -p "$b"
    # The amalgamation is generated on the build machine (tclsh, host cc), then compiled as one DLL.
    (cd "$b" && "$src/configure" --build=x86_64-linux-gnu CC=gcc >/dev/null && make sqlite3.c)
    "$CC" -O2 -shared -o "$prefix/bin/libsqlite3-0.dll" "$b/sqlite3.c" \
        -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_JSON1 -DSQLITE_THREADSAFE=1 \
        -DSQLITE_API='__declspec(dllexport)' -Wl,--out-implib,"$prefix/lib/libsqlite3.dll.a"
    cp "$b/sqlite3.h" "$src/src/sqlite3ext.h" "$prefix/include/"
}

build_bzip2() {   # the models' .bz2 archives (core/station/ModelFetcher): a static libbz2.a and bzlib.h
    local src b f; src=$(source_tree bzip2); b="$cache/build/bzip2"
    rm -rf "$b"; mkdir -p "$b"
    for f in blocksort huffman crctable randtable compress decompress bzlib; do
        "$CC" -O2 -D_FILE_OFFSET_BITS=64 -c "$src/$f.c" -o "$b/$f.o"
    done
    "$AR" rcs "$prefix/lib/libbz2.a" "$b"/*.o
    cp "$src/bzlib.h" "$prefix/include/"
}

build_libsodium() {
    local src b; src=$(source_tree libsodium); b="$cache/build/libsodium"
    rm -rf "$b"; mkdir -p "$b"
    # Debian's tarball is a git snapshot without the generated configure script.
    [ -x "$src/configure" ] || (cd "$src" && autoreconf -fi)
    (cd "$b" && "$src/configure" --host=$host --prefix="$prefix" --disable-static --enable-shared && make -j"$jobs" && make install)
}

build_openssl() {
    local src b; src=$(source_tree openssl); b="$cache/build/openssl"
    rm -rf "$b"; mkdir -p "$b"
    (cd "$b" && perl "$src/Configure" mingw64 shared no-tests no-legacy --prefix="$prefix" --libdir=lib \
         && make -j"$jobs" build_libs && make install_dev)
}

build_poco() {
    local src b; src=$(source_tree poco); b="$cache/build/poco"
    cmake_cross "$src" "$b" -DBUILD_SHARED_LIBS=ON -DPOCO_UNBUNDLED=OFF -DENABLE_TESTS=OFF \
        -DENABLE_FOUNDATION=ON -DENABLE_NET=ON -DENABLE_NETSSL=ON -DENABLE_CRYPTO=ON -DENABLE_UTIL=ON \
        -DENABLE_JSON=ON -DENABLE_XML=OFF -DENABLE_NETSSL_WIN=OFF -DFORCE_OPENSSL=ON -DENABLE_ENCODINGS=OFF -DENABLE_DATA=OFF \
        -DENABLE_DATA_SQLITE=OFF -DENABLE_DATA_MYSQL=OFF -DENABLE_DATA_POSTGRESQL=OFF -DENABLE_DATA_ODBC=OFF \
        -DENABLE_MONGODB=OFF -DENABLE_REDIS=OFF -DENABLE_PDF=OFF -DENABLE_ZIP=OFF -DENABLE_SEVENZIP=OFF \
        -DENABLE_APACHECONNECTOR=OFF -DENABLE_CPPPARSER=OFF -DENABLE_POCODOC=OFF -DENABLE_PAGECOMPILER=OFF \
        -DENABLE_PAGECOMPILER_FILE2PAGE=OFF -DENABLE_JWT=OFF -DENABLE_PROMETHEUS=OFF -DENABLE_ACTIVERECORD=OFF \
        -DENABLE_ACTIVERECORD_COMPILER=OFF -DOPENSSL_ROOT_DIR="$prefix"
    cmake --build "$b" -j"$jobs" && cmake --install "$b"
    # Poco 1.11's PocoUtilConfig.cmake asks for PocoXML whether or not Util was built with it; built
    # without (POCO_UTIL_NO_XMLCONFIGURATION), the dependency is not there and find_package(Poco) fails.
    sed -i '/find_dependency(PocoXML)/d' "$prefix/cmake/PocoUtilConfig.cmake"
}

# Qt's qtbase, built in place in $qtdir. qtcore builds what the CLI and the tests need; qtgui the rest.
qt_configure() {
    local src; src=$(source_tree qt6-base)
    # tabletevent off: the Windows platform plugin's tablet support needs src/3rdparty/wintab, which
    # Debian's source leaves out (its licence does not permit modification): wintab.h not found.
    if [ -f "$qtdir/build.ninja" ]; then   # a configure that stopped half-way is redone
        # An option added after this tree was configured is applied to it (CMake runs again).
        grep -q '^FEATURE_tabletevent:BOOL=OFF' "$qtdir/CMakeCache.txt" || cmake -DFEATURE_tabletevent=OFF "$qtdir"
        return
    fi
    # Debian's own Qt 6.4.2 provides the host tools (moc, rcc, uic, ...).
    cmake -G Ninja -S "$src" -B "$qtdir" -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
        -DCMAKE_FIND_ROOT_PATH_MODE_PACKAGE=BOTH -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$qtdir" \
        -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake \
        -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_BUILD_BENCHMARKS=OFF -DFEATURE_dbus=OFF \
        -DINPUT_openssl=no -DFEATURE_opengl=OFF -DINPUT_opengl=no -DFEATURE_system_zlib=OFF \
        -DFEATURE_system_pcre2=OFF -DFEATURE_system_png=OFF -DFEATURE_system_jpeg=OFF \
        -DFEATURE_system_freetype=OFF -DFEATURE_system_harfbuzz=OFF -DFEATURE_system_doubleconversion=OFF \
        -DFEATURE_sql_sqlite=ON -DFEATURE_system_sqlite=ON -DSQLite3_INCLUDE_DIR="$prefix/include" \
        -DSQLite3_LIBRARY="$prefix/lib/libsqlite3.dll.a" -DFEATURE_sql_odbc=OFF -DFEATURE_sql_psql=OFF \
        -DFEATURE_sql_mysql=OFF -DFEATURE_sql_ibase=OFF -DFEATURE_sql_oci=OFF -DFEATURE_sql_db2=OFF \
        -DFEATURE_sql_mimer=OFF -DFEATURE_tabletevent=OFF
}

build_qtconfigure() {   # configure only (50 s unloaded): run on its own, it finds a wall in Qt early
    qt_configure
}

build_qtcore() {
    qt_configure
    ninja -C "$qtdir" -j"$jobs" Core Concurrent Sql Network Test QSQLiteDriverPlugin
}

build_qtgui() {
    qt_configure
    ninja -C "$qtdir" -j"$jobs"
}

build_zlib() {
    local src; src=$(source_tree zlib)
    # Debian's zlib source leaves out win32/, but zlib's CMakeLists compiles win32/zlib1.rc (the DLL's
    # version resource) under MinGW: a small one of ours stands in for it (windres refuses an empty one).
    if [ ! -f "$src/win32/zlib1.rc" ]; then
        mkdir -p "$src/win32"
        cat > "$src/win32/zlib1.rc" <<'RC'
#include <winver.h>
#include "zlib.h"
1 VERSIONINFO
FILEVERSION ZLIB_VER_MAJOR, ZLIB_VER_MINOR, ZLIB_VER_REVISION, 0
PRODUCTVERSION ZLIB_VER_MAJOR, ZLIB_VER_MINOR, ZLIB_VER_REVISION, 0
FILEOS VOS__WINDOWS32
FILETYPE VFT_DLL
BEGIN
    BLOCK "StringFileInfo"
    BEGIN
        BLOCK "040904E4"
        BEGIN
            VALUE "FileDescription", "zlib (built from Debian's source for Madoguchi)"
            VALUE "FileVersion", ZLIB_VERSION
        END
    END
    BLOCK "VarFileInfo"
    BEGIN
        VALUE "Translation", 0x0409, 1252
    END
END
RC
    fi
    cmake_cross "$src" "$cache/build/zlib" && cmake --build "$cache/build/zlib" -j"$jobs" && cmake --install "$cache/build/zlib"
}

build_libjpeg-turbo() {
    local src b; src=$(source_tree libjpeg-turbo); b="$cache/build/libjpeg-turbo"
    cmake_cross "$src" "$b" -DWITH_SIMD=OFF -DENABLE_STATIC=OFF -DWITH_TURBOJPEG=OFF -DWITH_JPEG8=OFF
    cmake --build "$b" -j"$jobs" && cmake --install "$b"
}

build_libpng1.6() {
    local src b; src=$(source_tree libpng1.6); b="$cache/build/libpng"
    cmake_cross "$src" "$b" -DPNG_STATIC=OFF -DPNG_TESTS=OFF -DPNG_EXECUTABLES=OFF -DZLIB_ROOT="$prefix"
    cmake --build "$b" -j"$jobs" && cmake --install "$b"
}

build_openblas() {
    local src b; src=$(source_tree openblas); b="$cache/build/openblas"
    # OpenBLAS builds in its source tree: a copy, kept when a run stops half-way (make resumes it).
    [ -f "$b/.copied" ] || { rm -rf "$b"; cp -a "$src" "$b"; touch "$b/.copied"; }
    # One fixed kernel set, TARGET=HASWELL (AVX2 + FMA: Intel 2013 on, AMD Zen), instead of DYNAMIC_ARCH's
    # ~20 sets: a DYNAMIC_LIST would compile the whole kernel tree once more per listed CPU. dlib is built
    # with AVX (USE_AVX_INSTRUCTIONS) anyway, so a PC without AVX2 is out of reach either way.
    # Only the real precisions (BUILD_SINGLE/BUILD_DOUBLE: dlib calls cblas_s*/cblas_d* only), which
    # skips the complex kernels, about half of the tree. No Fortran, so no LAPACK (dlib does not need it).
    # NO_AVX2=0: c_check compares `gcc -dumpversion` with 4.6 as text, and Debian's MinGW gcc says
    # "12-posix", which sorts below "4.6": it would turn AVX2 off and build Sandy Bridge kernels.
    local opts=(CC="$CC" HOSTCC=gcc AR="$AR" RANLIB="$RANLIB" OSNAME=WINNT BINARY=64 TARGET=HASWELL
                DYNAMIC_ARCH=0 NO_AVX2=0 BUILD_SINGLE=1 BUILD_DOUBLE=1
                NOFORTRAN=1 NO_LAPACK=1 NO_LAPACKE=1 USE_THREAD=1 NUM_THREADS=16
                USE_OPENMP=0 NO_STATIC=1 CROSS=1)
    make -C "$b" -j"$jobs" "${opts[@]}" libs shared
    make -C "$b" "${opts[@]}" PREFIX="$prefix" install
}

build_dlib() {
    local src b; src=$(source_tree dlib); b="$cache/build/dlib"
    # SOVERSION: Debian's fix-soname.patch makes dlib's CMakeLists read it (debian/rules passes 19.1).
    cmake_cross "$src/dlib" "$b" -DBUILD_SHARED_LIBS=OFF -DDLIB_NO_GUI_SUPPORT=ON -DDLIB_USE_CUDA=OFF \
        -DDLIB_JPEG_SUPPORT=OFF -DDLIB_PNG_SUPPORT=OFF -DDLIB_GIF_SUPPORT=OFF -DDLIB_WEBP_SUPPORT=OFF \
        -DDLIB_LINK_WITH_SQLITE3=OFF -DDLIB_USE_FFMPEG=OFF -DDLIB_USE_LAPACK=OFF -DDLIB_USE_BLAS=ON \
        -DDLIB_USE_MKL_FFT=OFF -DBLAS_openblas_LIBRARY="$prefix/lib/libopenblas.dll.a" \
        -DUSE_AVX_INSTRUCTIONS=ON -DSOVERSION=19.1
    cmake --build "$b" -j"$jobs" && cmake --install "$b"
}

build_opencv() {
    local src b; src=$(source_tree opencv); b="$cache/build/opencv"
    # Only the modules the engine uses (core imgproc imgcodecs calib3d, and what calib3d needs:
    # features2d, flann). CPU_DISPATCH is empty: no extra AVX/AVX2/AVX-512 copies of the kernels
    # (they roughly double imgproc's compile); the SSE4.2 baseline is kept.
    cmake_cross "$src" "$b" -DBUILD_LIST=core,imgproc,imgcodecs,calib3d -DBUILD_SHARED_LIBS=ON \
        -DCPU_BASELINE=SSE4_2 -DCPU_DISPATCH= \
        -DBUILD_TESTS=OFF -DBUILD_PERF_TESTS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_opencv_apps=OFF \
        -DBUILD_opencv_python3=OFF -DBUILD_JAVA=OFF -DWITH_IPP=OFF -DWITH_ADE=OFF -DWITH_OPENCL=OFF \
        -DWITH_FFMPEG=OFF -DWITH_GSTREAMER=OFF -DWITH_MSMF=OFF -DWITH_DSHOW=OFF -DWITH_PROTOBUF=OFF \
        -DWITH_EIGEN=OFF -DWITH_LAPACK=OFF -DWITH_TIFF=OFF -DWITH_WEBP=OFF -DWITH_OPENJPEG=OFF \
        -DWITH_JASPER=OFF -DWITH_OPENEXR=OFF -DWITH_IMGCODEC_HDR=OFF -DWITH_IMGCODEC_SUNRASTER=OFF \
        -DWITH_IMGCODEC_PXM=OFF -DWITH_IMGCODEC_PFM=OFF -DWITH_QUIRC=OFF -DWITH_1394=OFF \
        -DBUILD_ZLIB=OFF -DBUILD_JPEG=OFF -DBUILD_PNG=OFF -DWITH_JPEG=ON -DWITH_PNG=ON \
        -DOPENCV_GENERATE_PKGCONFIG=OFF -DINSTALL_CREATE_DISTRIB=OFF -DOPENCV_ENABLE_ALLOCATOR_STATS=OFF
    cmake --build "$b" -j"$jobs" && cmake --install "$b"
}

# --- driver --------------------------------------------------------------------------------------
package_of() {
    case "$1" in
        qtconfigure|qtcore|qtgui) echo qt6-base ;;
        *) echo "$1" ;;
    esac
}

# The driver is one block, read whole before it runs: the script may be edited while a long build runs.
{
total_start=$(date +%s)
for step in "${steps[@]}"; do
    declare -F "build_$step" >/dev/null || { echo "build-deps: unknown step '$step'" >&2; exit 2; }
    pkg=$(package_of "$step")
    if [ $fetch_only = 1 ]; then
        source_tree "$pkg" >/dev/null && echo "build-deps: $pkg source ready ($(source_id "$pkg" | cut -d' ' -f1))"
        continue
    fi
    if [ -f "$cache/stamps/$step" ]; then
        echo "build-deps: $step: reused ($(cat "$cache/stamps/$step"))"
        continue
    fi
    log="$cache/logs/$step.log"
    echo "build-deps: $step: building (log: $log)"
    start=$(date +%s)
    if ! ( set -x; "build_$step" ) > "$log" 2>&1; then
        echo "build-deps: $step FAILED after $(( $(date +%s) - start )) s; the last lines of $log:" >&2
        tail -n 25 "$log" >&2
        exit 1
    fi
    took=$(( $(date +%s) - start ))
    printf '%s\t%s\t%ss\t%s\n' "$step" "$(source_id "$pkg")" "$took" "$(date -u +%FT%TZ)" >> "$cache/MANIFEST"
    echo "$(source_id "$pkg" | cut -d' ' -f1), ${took} s" > "$cache/stamps/$step"
    echo "build-deps: $step: done in ${took} s"
done
echo "build-deps: all requested steps done in $(( $(date +%s) - total_start )) s; prefix $prefix, Qt $qtdir"
exit 0
}
