# shellcheck shell=bash
# Debian roots for try-clean.sh (trials) and build-deb.sh --suite (builds), sourced by both.
# Roots are made with `debootstrap --variant=minbase` and cached under $roots_cache
# (default ~/.cache/madoguchi/roots): SUITE is the bare root, SUITE-KIND one made from it with
# packages added (its .packages file says which). Needs root and debootstrap.
#
# Safety: a root gets a private /dev (a tmpfs with the few nodes a program needs), never a bind
# of the host's /dev, /proc or /sys; anything mounted into a root is recorded in the caller's
# `mounts` array so the caller unmounts it, and roots_unmount_below runs before any deletion.

roots_cache=${MADO_ROOTS_CACHE:-$HOME/.cache/madoguchi/roots}
roots_mirror=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)
roots_mirror=${roots_mirror:-http://deb.debian.org/debian}

roots_unmount_below() {  # DIR: lazily unmounts everything mounted below DIR, deepest first
    grep -o " $1/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -R -l "$m" 2>/dev/null; done
}

roots_base() {  # SUITE LOG: the cached minbase root of SUITE (made when missing)
    local suite=$1 log=$2
    [ -e "$roots_cache/$suite/.complete" ] && return 0
    mkdir -p "$roots_cache"
    rm -rf --one-file-system "$roots_cache/$suite.tmp"
    debootstrap --variant=minbase "$suite" "$roots_cache/$suite.tmp" "$roots_mirror" > "$log" 2>&1 || return 1
    touch "$roots_cache/$suite.tmp/.complete"
    mv "$roots_cache/$suite.tmp" "$roots_cache/$suite"
}

roots_derived() {  # SUITE KIND LOG PACKAGES...: the cached SUITE-KIND root = minbase + PACKAGES
    # Returns 0 when it was cached already, 10 when it was made or completed now, 1 on failure.
    # (A cached root made with fewer packages gets the missing ones added.)
    local suite=$1 kind=$2 log=$3 dir
    shift 3
    roots_base "$suite" "$log" || return 1
    dir="$roots_cache/$suite-$kind"
    [ -e "$dir/.complete" ] && [ "$(cat "$dir/.packages" 2>/dev/null)" = "$*" ] && return 0
    if [ ! -e "$dir/.complete" ]; then
        rm -rf --one-file-system "$dir.tmp"
        cp -a "$roots_cache/$suite" "$dir.tmp"
        rm -f "$dir.tmp/.complete"
    else
        mv "$dir" "$dir.tmp"
        rm -f "$dir.tmp/.complete"
    fi
    chroot "$dir.tmp" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends $*" >> "$log" 2>&1 || return 1
    chroot "$dir.tmp" apt-get clean
    echo "$*" > "$dir.tmp/.packages"
    touch "$dir.tmp/.complete"
    mv "$dir.tmp" "$dir"
    return 10
}

roots_mount_system() {  # ROOT: /proc, a read-only /sys and a private /dev in ROOT (recorded in mounts)
    local root=$1 node
    mount -t proc proc "$root/proc" && mounts+=("$root/proc")
    mount -t sysfs -o ro sysfs "$root/sys" && mounts+=("$root/sys")
    mount -t tmpfs -o mode=0755,size=64m,nosuid devtmp "$root/dev" && mounts+=("$root/dev")
    for node in "null c 1 3" "zero c 1 5" "full c 1 7" "random c 1 8" "urandom c 1 9" "tty c 5 0"; do
        # shellcheck disable=SC2086
        set -- $node
        mknod -m 0666 "$root/dev/$1" "$2" "$3" "$4"
    done
    # FUSE as a desktop has it (0666; this build host's node may be stricter).
    [ -e /dev/fuse ] && mknod -m 0666 "$root/dev/fuse" c 10 229
    mkdir -p "$root/dev/pts" "$root/dev/shm"
    mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts" && mounts+=("$root/dev/pts")
    ln -s pts/ptmx "$root/dev/ptmx"
    mount -t tmpfs -o mode=1777,size=256m shm "$root/dev/shm" && mounts+=("$root/dev/shm")
    ln -s /proc/self/fd "$root/dev/fd"
    ln -s /proc/self/fd/0 "$root/dev/stdin"
    ln -s /proc/self/fd/1 "$root/dev/stdout"
    ln -s /proc/self/fd/2 "$root/dev/stderr"
    return 0
}

roots_unmount_recorded() {  # unmounts what the mounts array holds, last first
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -R -l "${mounts[i]}" 2>/dev/null; done
    mounts=()
}
