#!/usr/bin/env bash
# Builds the packages madoguchi-workstation and madoguchi-receiver with CPack (configuration:
# cmake/Packaging.cmake) and prints their paths.
#   installer/linux/build-deb.sh                  -> build/deb/packages/*.deb (for this machine's Debian, 12)
#   installer/linux/build-deb.sh --suite trixie   -> build/deb-trixie/packages/*.deb (for Debian 13)
#   installer/linux/build-deb.sh --receiver-only  -> only madoguchi-receiver (a server's build: no GUI)
# On this machine: installs the missing build dependencies (installer/dev/install-deps.sh) and
# dpkg-dev (dpkg-shlibdeps computes the library dependencies). Safe to rerun: the build is
# incremental. Release build in its own directory ($MADO_DEB_BUILD_DIR, default build/deb), no tests.
# --suite SUITE (another Debian release than this machine's; needs root and debootstrap): the
# build runs in a build root of SUITE (installer/linux/roots.sh: debootstrap minbase plus SUITE's
# -dev packages below, cached in ~/.cache/madoguchi/roots/SUITE-build), with the source tree
# bind-mounted at /src, into build/deb-SUITE (ccache in build/deb-SUITE/ccache), so the libraries
# linked and the Depends dpkg-shlibdeps computes are SUITE's.
# Version: PROJECT_VERSION+git<commits>.<hash> (commits reachable from HEAD, so a later commit's
# package upgrades an earlier one's), Debian revision 1+deb<release> (1+deb12, 1+deb13). Without
# git: PROJECT_VERSION. MADO_DEB_VERSION / MADO_DEB_RELEASE override them.
# Does not fetch the face models: the packages do not contain them. MADO_JOBS: parallel jobs.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"

suite=""
in_root=0
only_receiver=""
while [ $# -gt 0 ]; do
    case "$1" in
    --suite) suite=$2; shift 2 ;;
    --receiver-only) only_receiver=--receiver-only; shift ;;
    --in-root) in_root=1; shift ;;  # internal: the build inside the SUITE root
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-deb: unknown argument $1" >&2; exit 64 ;;
    esac
done
host_suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ "$suite" = "$host_suite" ] && suite=""

project_version=$(sed -n 's/^project(Madoguchi VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
if [ -z "${MADO_DEB_VERSION:-}" ] && git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
    MADO_DEB_VERSION="$project_version+git$(git -C "$repo" rev-list --count HEAD).$(git -C "$repo" rev-parse --short=7 HEAD)"
fi
MADO_DEB_VERSION=${MADO_DEB_VERSION:-$project_version}

# -dev packages of the build root (--suite): what the package's targets need to build, with
# dpkg-dev for dpkg-shlibdeps and node/npm for the LIFF page.
build_packages="build-essential cmake ninja-build pkg-config git ca-certificates ccache file dpkg-dev libbz2-dev \
qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-webengine-dev qt6-webengine-dev-tools qt6-tools-dev \
qt6-tools-dev-tools qt6-l10n-tools libgl-dev libvulkan-dev libopencv-dev libdlib-dev libopenblas-dev libpoco-dev \
libssl-dev libsqlite3-dev libsodium-dev zlib1g-dev nodejs npm"

if [ -n "$suite" ]; then
    [ "$(id -u)" -eq 0 ] || { echo "build-deb: --suite needs root (debootstrap, chroot, mounts)" >&2; exit 1; }
    command -v debootstrap >/dev/null || { echo "build-deb: --suite needs debootstrap" >&2; exit 1; }
    # shellcheck source=SCRIPTDIR/roots.sh
    . "$here/roots.sh"
    mkdir -p "$repo/build/deb-$suite"
    log="$repo/build/deb-$suite/root.log"
    start=$(date +%s)
    rc=0
    # shellcheck disable=SC2086
    roots_derived "$suite" build "$log" $build_packages || rc=$?
    [ $rc -eq 1 ] && { echo "build-deb: the $suite build root failed (build/deb-$suite/root.log)" >&2; exit 1; }
    [ $rc -eq 10 ] && echo "build-deb: made the $suite build root in $(($(date +%s) - start)) s"
    root="$roots_cache/$suite-build"
    release=$(sed -n 's/^VERSION_ID="\(.*\)"/\1/p' "$root/etc/os-release")
    mounts=()
    trap 'roots_unmount_recorded' EXIT
    trap 'exit 130' INT TERM
    roots_mount_system "$root"
    mkdir -p "$root/src"
    mount --bind "$repo" "$root/src" && mounts+=("$root/src")
    cp /etc/resolv.conf "$root/etc/resolv.conf"  # npm ci fetches the LIFF page's packages
    # A CA this machine's node trusts (NODE_EXTRA_CA_CERTS, e.g. a proxy's) is trusted in the root too.
    node_ca=()
    if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
        cp "$NODE_EXTRA_CA_CERTS" "$root/etc/madoguchi-build-extra-ca.crt"
        node_ca=(NODE_EXTRA_CA_CERTS=/etc/madoguchi-build-extra-ca.crt)
    fi
    chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        MADO_DEB_VERSION="$MADO_DEB_VERSION" MADO_DEB_RELEASE="${MADO_DEB_RELEASE:-1+deb$release}" \
        MADO_DEB_BUILD_DIR="build/deb-$suite" MADO_JOBS="${MADO_JOBS:-$(nproc)}" \
        CCACHE_DIR="/src/build/deb-$suite/ccache" CCACHE_BASEDIR=/src "${node_ca[@]}" \
        /src/installer/linux/build-deb.sh --in-root $only_receiver
    roots_unmount_recorded
    echo "build-deb: packages for Debian $release ($suite):"
    for deb in "$repo/build/deb-$suite"/packages/*.deb; do echo "  $deb"; done
    exit 0
fi

build_dir=${MADO_DEB_BUILD_DIR:-build/deb}
if [ $in_root -eq 0 ]; then
    "$repo/installer/dev/install-deps.sh"
    missing=()
    dpkg-query -W -f='${Status}' dpkg-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(dpkg-dev)
    if [ ${#missing[@]} -gt 0 ]; then
        sudo_cmd=()
        [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
        echo "build-deb: installing ${missing[*]}"
        "${sudo_cmd[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
fi
release=$(. /etc/os-release && echo "${VERSION_ID:-}")
MADO_DEB_RELEASE=${MADO_DEB_RELEASE:-1${release:++deb$release}}

jobs=${MADO_JOBS:-$(nproc)}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMADO_BUILD_TESTS=OFF \
    -DMADO_DEB_VERSION="$MADO_DEB_VERSION" -DMADO_DEB_RELEASE="$MADO_DEB_RELEASE" >/dev/null
targets=(madoguchi madoguchi-cli madoguchi-cli-completion madoguchi-receiver)
components=()
if [ -n "$only_receiver" ]; then
    targets=(madoguchi-receiver)
    components=(-D CPACK_COMPONENTS_ALL=receiver)
fi
# The residents' LIFF page goes into the receiver's package (share/madoguchi/liff) when node and
# npm are there (install-deps.sh installs them).
if command -v node >/dev/null && command -v npm >/dev/null; then targets+=(mado_liff); fi
# The receiver first: on a slow (cold) build its failures and its package's libraries show first.
cmake --build "$build_dir" -j"$jobs" --target madoguchi-receiver
cmake --build "$build_dir" -j"$jobs" --target "${targets[@]}"

rm -f "$build_dir"/packages/*.deb
(cd "$build_dir" && cpack -G DEB "${components[@]}" -B "$PWD/packages")
echo "build-deb: packages (version $MADO_DEB_VERSION-$MADO_DEB_RELEASE):"
for deb in "$build_dir"/packages/*.deb; do
    echo "  $(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
done
