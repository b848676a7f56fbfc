#!/usr/bin/env bash
# Builds the Debian 12 packages madoguchi-workstation and madoguchi-receiver with CPack
# (configuration: cmake/Packaging.cmake) and prints their paths.
#   installer/linux/build-deb.sh            -> build/deb/packages/*.deb
# Installs the missing build dependencies (installer/dev/install-deps.sh) and dpkg-dev
# (dpkg-shlibdeps computes the library dependencies). Safe to rerun: the build is incremental.
# Release build in its own directory ($MADO_DEB_BUILD_DIR, default build/deb), no tests.
# Does not fetch the face models: the packages do not contain them.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
build_dir=${MADO_DEB_BUILD_DIR:-build/deb}

"$repo/installer/dev/install-deps.sh"
missing=()
for p in dpkg-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    echo "build-deb: installing ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

jobs=${MADO_JOBS:-$(nproc)}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMADO_BUILD_TESTS=OFF >/dev/null
targets=(madoguchi madoguchi-cli madoguchi-cli-completion madoguchi-receiver)
# The residents' LIFF page goes into the receiver's package (share/madoguchi/liff) when node and
# npm are there (install-deps.sh installs them).
if command -v node >/dev/null && command -v npm >/dev/null; then targets+=(mado_liff); fi
cmake --build "$build_dir" -j"$jobs" --target "${targets[@]}"

rm -f "$build_dir"/packages/*.deb
(cd "$build_dir" && cpack -G DEB -B "$PWD/packages")
echo "build-deb: packages:"
for deb in "$build_dir"/packages/*.deb; do
    echo "  $(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
done
