#!/usr/bin/env bash
# Installs the Debian 12 packages Madoguchi needs to build, test and run.
# Safe to rerun: only missing packages are installed.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git ca-certificates
    bzip2 libbz2-dev xz-utils
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql qt6-webengine-dev qt6-webengine-dev-tools
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev libvulkan-dev
    libopencv-dev
    libdlib-dev libdlib-data libopenblas-dev
    libpoco-dev libssl-dev openssl libsqlite3-dev sqlite3 libsodium-dev zlib1g-dev
    fonts-ipafont-gothic fonts-ipafont-mincho
    xvfb xauth poppler-utils curl jq
    postgresql
    nodejs npm chromium
    squashfs-tools libsquashfuse-dev libfuse3-dev fuse3 zlib1g-dev liblzma-dev libzstd-dev liblz4-dev liblzo2-dev patchelf qt6-wayland
)

missing=()
for p in "${packages[@]}"; do
    # A nodejs that bundles npm (NodeSource's) conflicts with Debian's npm package: the command is enough.
    if [ "$p" = npm ] && command -v npm >/dev/null; then
        continue
    fi
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
