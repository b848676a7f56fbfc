#!/usr/bin/env bash
# Tries the AppImage and the .deb packages on clean Debian roots, as IT would meet them.
#   installer/linux/try-clean.sh [--appimage FILE] [--debs DIR] [--suites "bookworm trixie"]
#                                [--old bullseye] [--only appimage|deb] [--images DIR]
#                                [--debs-SUITE DIR] [--previous DIR]
# Needs root, debootstrap, systemd-container (systemd-nspawn), netpbm (the screenshot), the
# face models where installer/dev/fetch-models.sh put them (~/.cache/madoguchi/models and
# samples), and the artefacts of build-appimage.sh and build-deb.sh (defaults below).
#
# Roots: `debootstrap --variant=minbase SUITE` from the host's Debian mirror, cached under
# ~/.cache/madoguchi/roots (SUITE, and SUITE-desktop / SUITE-server made from it), so reruns
# only copy them. Every trial runs in a fresh copy under /var/tmp/madoguchi-try, removed at the end.
#   SUITE-desktop: what a desktop PC has and the AppImage leaves to it (appimage/excludelist):
#                  libstdc++, Mesa's GL, X11/xcb, fontconfig; plus fuse3, Xvfb and x11-utils
#                  (xwininfo) to look at the window. Nothing of ours, no development packages.
#   SUITE-server:  minbase plus systemd, dbus and curl (a server that runs services).
# Trials (each a line in the summary, with its time):
#   AppImage, per suite: `madoguchi-cli --version` through the AppImage (`cli` argument and a
#     link named madoguchi-cli), `madoguchi-cli match` on two sample photos (models bind-mounted
#     into the clerk's default models directory), the workstation under Xvfb (1366x768) showing its
#     login window (screenshot into --images), the copy path without FUSE (/dev/fuse hidden).
#     All as an ordinary user `clerk`.
#   AppImage on --old (Debian 11): AppRun's "system too old" message and exit 69, no crash.
#   .deb, per suite: apt installs both packages with their dependencies from the mirror; the
#     receiver started as its systemd service in `systemd-nspawn --boot` of the root (when nspawn
#     cannot boot here: the unit's ExecStart run as user madoguchi, and the summary says so);
#     /healthz answers; the workstation's CLI matches and the workstation starts (offscreen);
#     an upgrade keeps receiver.ini (edited), the secrets, the spool key and the spool; purge
#     removes /var/lib/madoguchi. --debs-SUITE DIR: the packages for SUITE (build-deb.sh --suite
#     SUITE puts them in build/deb-SUITE/packages), else --debs.
#     Upgrade: with --previous DIR, from the packages of an earlier release in DIR (built from an
#     earlier commit): a LINE webhook event is put into the old receiver's spool first, and after
#     the upgrade the spool must hold it with its schema migrated to the new receiver's version,
#     the service must have been restarted (new main PID); the conffile prompt is answered
#     "keep" (--force-confold) as an admin keeping the edits would. Without --previous, the
#     previous version is the same package with its version lowered (…-0): dpkg's upgrade path
#     through our maintainer scripts.
# Exit 0 when every trial passed. The summary is printed and written to build/try-clean/summary.txt.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

appimage=$(ls -t "$repo"/build/appimage/Madoguchi-*-x86_64.AppImage 2>/dev/null | head -n1)
debs_dir="$repo/build/appimage/packages"
suites="bookworm trixie"
old_suite=bullseye
only=""
previous_dir=""
images="$repo/docs/images"
while [ $# -gt 0 ]; do
    case "$1" in
    --appimage) appimage=$(realpath "$2"); shift 2 ;;
    --debs) debs_dir=$(realpath "$2"); shift 2 ;;
    --debs-*) declare "debs_${1#--debs-}=$(realpath "$2")"; shift 2 ;;
    --previous) previous_dir=$(realpath "$2"); shift 2 ;;
    --suites) suites=$2; shift 2 ;;
    --old) old_suite=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --images) images=$(realpath "$2"); shift 2 ;;
    -h | --help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "try-clean: unknown argument $1" >&2; exit 64 ;;
    esac
done
[ "$(id -u)" -eq 0 ] || { echo "try-clean: needs root (debootstrap, chroot, mounts)" >&2; exit 1; }
for tool in debootstrap systemd-nspawn xwdtopnm pnmtopng unshare; do
    command -v "$tool" >/dev/null || { echo "try-clean: $tool missing (debootstrap, systemd-container, netpbm)" >&2; exit 1; }
done
models="${MADOGUCHI_MODELS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/models}"
samples="${MADOGUCHI_SAMPLES_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/samples}"
photo_a="$samples/johns/John_Salley/000179_02159509.jpg"
photo_b="$samples/johns/John_Salley/000183_02159543.jpg"
[ -f "$models/dlib_face_recognition_resnet_model_v1.dat" ] && [ -f "$photo_a" ] ||
    { echo "try-clean: models or samples missing: run installer/dev/fetch-models.sh" >&2; exit 1; }

# shellcheck source=SCRIPTDIR/roots.sh
. "$here/roots.sh"
cache=$roots_cache
work=${MADO_TRY_WORK:-/var/tmp/madoguchi-try}  # separate runs at once: each its own MADO_TRY_WORK, MADO_TRY_OUT
out=${MADO_TRY_OUT:-$repo/build/try-clean}
mkdir -p "$cache" "$out"
# A run killed hard may have left its mounts (/dev among them): undo them before deleting anything.
unmount_below() { roots_unmount_below "$@"; }
remove_work() {  # deletes $work only when nothing is mounted below it any more
    unmount_below "$work"
    if grep -q " $work/" /proc/mounts; then
        echo "try-clean: still mounted below $work; not deleting it" >&2
        return 1
    fi
    rm -rf --one-file-system "$work"
}
remove_work || exit 1
mkdir -p "$work"
summary="$out/summary.txt"
: > "$summary"
failures=0
mounts=()
bg_pids=()

log() { echo "try-clean: $*" >&2; }
record() {  # STATUS NAME SECONDS [NOTE]
    printf '%-5s %-58s %5ss %s\n' "$1" "$2" "$3" "${4:-}" | tee -a "$summary" >&2
    [ "$1" = PASS ] || [ "$1" = NOTE ] || failures=$((failures + 1))
}
step() {  # NAME CMD...: runs CMD, records PASS/FAIL with its time; output in $out/steps.log
    local name=$1 start rc
    shift
    start=$(date +%s)
    echo "=== $name" >> "$out/steps.log"
    "$@" >> "$out/steps.log" 2>&1
    rc=$?
    record "$([ $rc -eq 0 ] && echo PASS || echo FAIL)" "$name" "$(($(date +%s) - start))" \
        "$([ $rc -eq 0 ] || echo "exit $rc, see build/try-clean/steps.log")"
    return $rc
}
cleanup() {
    local pid
    for pid in "${bg_pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${bg_pids[@]}"; do wait "$pid" 2>/dev/null; done
    roots_unmount_recorded
    remove_work
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- roots ---------------------------------------------------------------------------------
derived_root() {  # SUITE KIND PACKAGES...: the cached SUITE-KIND root (roots.sh), noted when made now
    local suite=$1 kind=$2 start rc
    start=$(date +%s)
    shift 2
    roots_derived "$suite" "$kind" "$out/root-$suite-$kind.log" "$@"
    rc=$?
    [ $rc -eq 10 ] && record NOTE "root $suite-$kind: made (minbase + packages, see the script)" "$(($(date +%s) - start))"
    [ $rc -eq 1 ] && log "root $suite-$kind failed (build/try-clean/root-$suite-$kind.log)"
    [ $rc -ne 1 ]
}
# What the AppImage leaves to the system (appimage/excludelist; the NEEDED entries it does not
# carry), a GL driver and a font, FUSE, and the X server and xwininfo to look at the window.
desktop_packages="libc6 libstdc++6 libgcc-s1 libopengl0 libglx0 libgl1 libegl1 libgl1-mesa-dri libx11-6 \
    libx11-xcb1 libxcb1 libxcb-glx0 libxcb-randr0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libfontconfig1 \
    libfreetype6 libexpat1 fonts-dejavu-core fuse3 xvfb xauth x11-utils"
server_packages="systemd systemd-sysv dbus curl ca-certificates"
fresh_copy() {  # SRC NAME: sets root to a throw-away copy of a cached root, with /proc, /sys, /dev
    # (Not $(…): the mounts must be recorded in this shell for cleanup.) /dev is a private tmpfs
    # with the few nodes a program needs, never a bind of the host's /dev: nothing done inside the
    # root (or to it, by rm) can reach the host's devices.
    root="$work/$2"
    cp -a "$cache/$1" "$root"
    roots_mount_system "$root"
    # What a booted Debian has (systemd's tmpfiles make it); fusermount3 reads it to unmount.
    [ -e "$root/etc/mtab" ] || ln -s ../proc/self/mounts "$root/etc/mtab"
}
as_clerk() {  # ROOT CMD...: as the ordinary user clerk in the root, with a clean environment
    local root=$1
    shift
    chroot --userspec=clerk:clerk "$root" env -i HOME=/home/clerk USER=clerk LANG=C.UTF-8 \
        PATH=/usr/local/bin:/usr/bin:/bin "$@"
}
add_clerk() {  # ROOT: the user, the models bind-mounted into its default models directory, two photos
    local root=$1
    chroot "$root" useradd -m -s /bin/bash clerk
    mkdir -p "$root/home/clerk/.cache/madoguchi/models" "$root/home/clerk/photos"
    mount --bind "$models" "$root/home/clerk/.cache/madoguchi/models" &&
        mount -o remount,bind,ro "$root/home/clerk/.cache/madoguchi/models" &&
        mounts+=("$root/home/clerk/.cache/madoguchi/models")
    cp "$photo_a" "$root/home/clerk/photos/a.jpg"
    cp "$photo_b" "$root/home/clerk/photos/b.jpg"
    chroot "$root" chown -R clerk:clerk /home/clerk/photos
    chroot "$root" chown clerk:clerk /home/clerk/.cache /home/clerk/.cache/madoguchi
}

# --- AppImage trials -----------------------------------------------------------------------
check_match() {  # ROOT CLI...: match on the two photos of one person: exit 0 and band "match"
    local root=$1 result
    shift
    result=$(as_clerk "$root" "$@" match --json /home/clerk/photos/a.jpg /home/clerk/photos/b.jpg) || return 1
    echo "$result"
    grep -q '"band": *"match"' <<<"$result"
}
workstation_window() {  # ROOT SCREENSHOT CMD...: the workstation under Xvfb shows a window
    local root=$1 shot=$2 display=:$((90 + RANDOM % 9)) xvfb app names i rc=1
    shift 2
    mkdir -p "$root/tmp/fb"
    chroot "$root" Xvfb "$display" -screen 0 1366x768x24 -fbdir /tmp/fb -nolisten tcp > /dev/null 2>&1 &
    xvfb=$!
    bg_pids+=("$xvfb")
    sleep 2
    printf 'Clean-Root-Admin-2026\n' | as_clerk "$root" "$@" cli init --admin admin 2>&1 || return 1
    as_clerk "$root" env DISPLAY="$display" "$@" > "$root/tmp/workstation.log" 2>&1 &
    app=$!
    bg_pids+=("$app")
    for i in $(seq 90); do
        names=$(chroot "$root" env DISPLAY="$display" xwininfo -root -children 2>/dev/null | grep -o '"[^"]*"' || true)
        if grep -qE 'ログイン|log in' <<<"$names"; then rc=0; break; fi
        kill -0 "$app" 2>/dev/null || break
        sleep 1
    done
    echo "windows: $names"
    sleep 3
    if [ $rc -eq 0 ]; then
        xwdtopnm "$root/tmp/fb/Xvfb_screen0" 2>/dev/null | pnmtopng > "$shot" || rc=1
    fi
    kill -TERM "$app" 2>/dev/null
    wait "$app" 2>/dev/null
    kill "$xvfb" 2>/dev/null
    wait "$xvfb" 2>/dev/null
    cat "$root/tmp/workstation.log"
    return $rc
}
no_fuse_run() {  # ROOT: /dev/fuse hidden: the runtime says so, copies, runs, cleans up
    local root=$1 err
    err=$(unshare -m sh -c 'mount --bind /dev/null "$1/dev/fuse" && shift && exec "$@"' sh "$root" \
        chroot --userspec=clerk:clerk "$root" env -i HOME=/home/clerk PATH=/usr/bin:/bin TMPDIR=/tmp \
        /opt/madoguchi/Madoguchi.AppImage cli --version 2>&1 >/dev/null) || return 1
    echo "$err"
    grep -q "FUSE is not usable" <<<"$err" || return 1
    [ -z "$(find "$root/tmp" -maxdepth 1 -name '.extract_*')" ]
}
appimage_trial() {  # SUITE
    local suite=$1 root version start
    derived_root "$suite" desktop $desktop_packages || { record FAIL "AppImage on $suite: root" 0; return; }
    fresh_copy "$suite-desktop" "appimage-$suite"
    mkdir -p "$root/opt/madoguchi"
    cp "$appimage" "$root/opt/madoguchi/Madoguchi.AppImage"
    ln -s Madoguchi.AppImage "$root/opt/madoguchi/madoguchi-cli"
    add_clerk "$root"
    version=$(sed -n 's/^VERSION_ID="\(.*\)"/\1/p' "$root/etc/os-release")
    step "AppImage, Debian $version: cli --version" as_clerk "$root" /opt/madoguchi/Madoguchi.AppImage cli --version
    step "AppImage, Debian $version: madoguchi-cli link --version" as_clerk "$root" /opt/madoguchi/madoguchi-cli --version
    step "AppImage, Debian $version: cli match (2 photos, 1 person)" check_match "$root" /opt/madoguchi/Madoguchi.AppImage cli
    start=$(date +%s)
    if as_clerk "$root" /opt/madoguchi/Madoguchi.AppImage cli --version 2>&1 >/dev/null | grep -q "FUSE is not usable"; then
        record NOTE "AppImage, Debian $version: FUSE not usable for clerk (copied)" "$(($(date +%s) - start))"
    else
        record NOTE "AppImage, Debian $version: ran from a FUSE mount (fusermount3)" "$(($(date +%s) - start))"
    fi
    step "AppImage, Debian $version: workstation login window (Xvfb)" \
        workstation_window "$root" "$images/install-appimage-debian$version.png" /opt/madoguchi/Madoguchi.AppImage
    step "AppImage, Debian $version: without FUSE (copy, cleaned up)" no_fuse_run "$root"
}
old_trial() {  # SUITE: AppRun's clear message on a system that is too old
    local suite=$1 root version rc err
    derived_root "$suite" desktop $desktop_packages || { record FAIL "AppImage on $suite: root" 0; return; }
    fresh_copy "$suite-desktop" "appimage-$suite"
    mkdir -p "$root/opt/madoguchi"
    cp "$appimage" "$root/opt/madoguchi/Madoguchi.AppImage"
    chroot "$root" useradd -m clerk
    version=$(sed -n 's/^VERSION_ID="\(.*\)"/\1/p' "$root/etc/os-release")
    err=$(as_clerk "$root" /opt/madoguchi/Madoguchi.AppImage cli --version 2>&1)
    rc=$?
    echo "$err" > "$out/too-old-debian$version.txt"
    if [ $rc -eq 69 ] && grep -q "too old" <<<"$err"; then
        record PASS "AppImage, Debian $version: 'too old' message, exit 69" 0 "$(head -n1 <<<"$err" | cut -c1-80)"
    else
        record FAIL "AppImage, Debian $version: 'too old' message, exit 69" 0 "exit $rc: $(head -n1 <<<"$err")"
    fi
}

# --- .deb trials ---------------------------------------------------------------------------
lowered_deb() {  # DEB OUT: the same package with Debian revision 0 (the "previous version")
    local tmp="$work/repack"
    rm -rf "$tmp"
    dpkg-deb -R "$1" "$tmp"
    sed -i 's/^\(Version: .*\)-[^-]*$/\1-0/' "$tmp/DEBIAN/control"
    dpkg-deb -b "$tmp" "$2" > /dev/null
}
booted=""
boot_root() {  # ROOT MACHINE: systemd-nspawn --boot; sets booted to the container's init pid
    local root=$1 machine=$2 pid i
    systemd-nspawn --boot --keep-unit --register=no --private-network --machine="$machine" -D "$root" \
        > "$out/nspawn-$machine.log" 2>&1 &
    pid=$!
    bg_pids+=("$pid")
    for i in $(seq 60); do
        booted=$(pgrep -P "$pid" -x systemd | head -n1)
        [ -z "$booted" ] && booted=$(pgrep -P "$(pgrep -P "$pid" | head -n1)" -x systemd 2>/dev/null | head -n1)
        if [ -n "$booted" ] && nsenter -t "$booted" -a /bin/systemctl is-system-running 2>/dev/null |
            grep -qE 'running|degraded'; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    booted=""
    return 1
}
in_machine() { nsenter -t "$booted" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
healthz() {  # RUN...: /healthz of the receiver answers 200
    local i
    for i in $(seq 30); do
        "$@" curl -fsS http://127.0.0.1:8480/healthz && return 0
        sleep 1
    done
    return 1
}
configure_receiver() {  # RUN...: the secrets an admin creates, and an edit to the conffile
    "$@" sh -c 'set -e
        printf "try-clean-channel-secret" > /etc/madoguchi/line-channel-secret
        printf "try-clean-access-token" > /etc/madoguchi/line-channel-access-token
        chown root:madoguchi /etc/madoguchi/line-channel-secret /etc/madoguchi/line-channel-access-token
        chmod 0640 /etc/madoguchi/line-channel-secret /etc/madoguchi/line-channel-access-token
        printf "\n; edited by try-clean (must survive an upgrade)\n" >> /etc/madoguchi/receiver.ini'
}
state_fingerprint() {  # RUN...: what an upgrade must keep (spool.key only when the old package made one)
    "$@" sh -c 'sha256sum /etc/madoguchi/receiver.ini /etc/madoguchi/line-channel-secret \
            /etc/madoguchi/line-channel-access-token $(ls /etc/madoguchi/spool.key 2>/dev/null);
        ls -i /var/lib/madoguchi/spool.sqlite; stat -c "%U %a" /var/lib/madoguchi'
}
# A LINE webhook event signed with the trial's channel secret (try-clean-channel-secret).
trial_event_id=01TRYCLEANUPGRADE000000001
trial_webhook_body='{"destination":"Utrycleandestination000000000000000","events":[{"type":"follow","mode":"active",'\
'"timestamp":1764892800000,"source":{"type":"user","userId":"U0000000000000000000000000trycln"},'\
'"webhookEventId":"'$trial_event_id'","deliveryContext":{"isRedelivery":false},"replyToken":"trycleanreplytoken"}]}'
post_webhook() {  # RUN...: the event above to /line/webhook, answered 200
    local signature
    signature=$(printf '%s' "$trial_webhook_body" | openssl dgst -sha256 -hmac try-clean-channel-secret -binary | base64)
    "$@" curl -fsS -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' \
        -H "X-Line-Signature: $signature" --data-binary "$trial_webhook_body" http://127.0.0.1:8480/line/webhook
}
spool_state() {  # ROOT: "version V, events N, trial event E" read from a copy of the live spool
    local copy
    copy=$(mktemp -d)
    cp "$1/var/lib/madoguchi/spool.sqlite" "$copy/"
    [ -e "$1/var/lib/madoguchi/spool.sqlite-wal" ] && cp "$1/var/lib/madoguchi/spool.sqlite-wal" "$copy/"
    sqlite3 "$copy/spool.sqlite" "SELECT 'version ' || (SELECT user_version FROM pragma_user_version) ||
        ', events ' || (SELECT count(*) FROM webhook_events) || ', trial event ' ||
        (SELECT count(*) FROM webhook_events WHERE webhook_event_id = '$trial_event_id')"
    rm -rf "$copy"
}
deb_trial() {  # SUITE
    local suite=$1 root version ws rc prev_ws prev_rc start mode before after
    local dir_var="debs_$suite" dir state_before state_after pid_before pid_after after=""
    dir=${!dir_var:-$debs_dir}
    ws=$(ls "$dir"/madoguchi-workstation_*_amd64.deb 2>/dev/null | head -n1)
    rc=$(ls "$dir"/madoguchi-receiver_*_amd64.deb 2>/dev/null | head -n1)
    [ -n "$rc" ] || { record FAIL ".deb on $suite: no packages in $dir (build-deb.sh)" 0; return; }
    # A receiver-only build (build-deb.sh --receiver-only): the receiver's trials alone.
    [ -n "$ws" ] || record NOTE ".deb on $suite: no workstation package in $dir; receiver only" 0
    derived_root "$suite" server $server_packages || { record FAIL ".deb on $suite: root" 0; return; }
    fresh_copy "$suite-server" "deb-$suite"
    version=$(sed -n 's/^VERSION_ID="\(.*\)"/\1/p' "$root/etc/os-release")
    mkdir -p "$root/var/cache/madoguchi-try"
    prev_ws="$root/var/cache/madoguchi-try/prev-workstation.deb"
    prev_rc="$root/var/cache/madoguchi-try/prev-receiver.deb"
    if [ -n "$previous_dir" ]; then
        [ -z "$ws" ] || cp "$(ls "$previous_dir"/madoguchi-workstation_*_amd64.deb | head -n1)" "$prev_ws"
        cp "$(ls "$previous_dir"/madoguchi-receiver_*_amd64.deb | head -n1)" "$prev_rc"
    else
        [ -z "$ws" ] || lowered_deb "$ws" "$prev_ws"
        lowered_deb "$rc" "$prev_rc"
    fi
    record NOTE ".deb, Debian $version: from $(dpkg-deb -f "$prev_rc" Version) to $(dpkg-deb -f "$rc" Version)" 0
    [ -z "$ws" ] || cp "$ws" "$root/var/cache/madoguchi-try/new-workstation.deb"
    cp "$rc" "$root/var/cache/madoguchi-try/new-receiver.deb"
    start=$(date +%s)
    if ! chroot "$root" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y \
            --no-install-recommends /var/cache/madoguchi-try/prev-*.deb' \
            > "$out/apt-$suite.log" 2>&1; then
        record FAIL ".deb, Debian $version: apt-get install (deps from the mirror)" "$(($(date +%s) - start))" \
            "$(grep -m1 -E 'Depends:|but it is not installable|Unable' "$out/apt-$suite.log" | sed 's/^ *//' | cut -c1-90)"
        return
    fi
    record PASS ".deb, Debian $version: apt-get install (deps from the mirror)" "$(($(date +%s) - start))" \
        "$(grep -oE '[0-9]+ newly installed' "$out/apt-$suite.log")"
    unmount_below "$root"
    add_clerk_plain() { chroot "$root" useradd -m -s /bin/bash clerk; }
    add_clerk_plain
    mkdir -p "$root/home/clerk/.cache/madoguchi/models" "$root/home/clerk/photos"
    cp "$models"/*.dat "$root/home/clerk/.cache/madoguchi/models/"
    cp "$photo_a" "$root/home/clerk/photos/a.jpg"
    cp "$photo_b" "$root/home/clerk/photos/b.jpg"
    chroot "$root" chown -R clerk:clerk /home/clerk

    start=$(date +%s)
    if boot_root "$root" "madotry-$suite"; then
        mode="systemd-nspawn --boot"
        record PASS ".deb, Debian $version: root booted (systemd-nspawn --boot)" "$(($(date +%s) - start))"
        configure_receiver in_machine
        step ".deb, Debian $version: systemctl enable --now madoguchi-receiver" \
            in_machine systemctl enable --now madoguchi-receiver
        step ".deb, Debian $version: /healthz of the service" healthz in_machine
        step ".deb, Debian $version: service runs as user madoguchi" in_machine sh -c \
            '[ "$(stat -c %U "/proc/$(systemctl show -P MainPID madoguchi-receiver)")" = madoguchi ]'
        if [ -n "$ws" ]; then
            step ".deb, Debian $version: madoguchi-cli --version" in_machine runuser -u clerk -- madoguchi-cli --version
            step ".deb, Debian $version: madoguchi-cli match" check_match_deb in_machine
            step ".deb, Debian $version: workstation starts (offscreen)" workstation_offscreen in_machine
        fi
        step ".deb, Debian $version: LINE webhook event into the spool (200)" post_webhook in_machine
        sleep 2
        state_before=$(spool_state "$root")
        before=$(state_fingerprint in_machine)
        pid_before=$(in_machine systemctl show -P MainPID madoguchi-receiver)
        step ".deb, Debian $version: upgrade (apt-get install newer)" in_machine sh -c \
            'DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confold \
                /var/cache/madoguchi-try/new-*.deb'
        if in_machine grep -q '^madoguchi-receiver: /etc/madoguchi/receiver.ini has no spool key' \
                /var/log/apt/term.log; then
            # What the upgrade told the admin to do (postinst): the kept receiver.ini is from a
            # release before the spool key.
            record NOTE ".deb, Debian $version: upgrade said: add spool.key_file to the kept receiver.ini" 0
            step ".deb, Debian $version: admin adds key_file, restarts" in_machine sh -c \
                'sed -i "/^\[spool\]/a key_file = /etc/madoguchi/spool.key" /etc/madoguchi/receiver.ini &&
                 systemctl restart madoguchi-receiver'
            before=$(sed "s|^[0-9a-f]*  /etc/madoguchi/receiver.ini\$|(receiver.ini: edited by the admin)|" <<<"$before")
            after=$(sed "s|^[0-9a-f]*  /etc/madoguchi/receiver.ini\$|(receiver.ini: edited by the admin)|" <<<"$(state_fingerprint in_machine)")
            step ".deb, Debian $version: receiver.ini kept (the trial's edit and the admin's line)" in_machine sh -c \
                'grep -q "edited by try-clean" /etc/madoguchi/receiver.ini && grep -q "^key_file = /etc/madoguchi/spool.key" /etc/madoguchi/receiver.ini'
        fi
        step ".deb, Debian $version: service running the new program after the upgrade" in_machine sh -c \
            'sleep 2; systemctl is-active madoguchi-receiver &&
             [ "$(readlink /proc/$(systemctl show -P MainPID madoguchi-receiver)/exe)" = /usr/bin/madoguchi-receiver ]'
        pid_after=$(in_machine systemctl show -P MainPID madoguchi-receiver)
        [ -n "$after" ] || after=$(state_fingerprint in_machine)
        step ".deb, Debian $version: upgrade kept config, secrets and spool" test "$before" = "$(grep -v 'spool.key$' <<<"$after")" -o "$before" = "$after"
        step ".deb, Debian $version: spool.key present after the upgrade (0640 root:madoguchi)" in_machine sh -c \
            '[ "$(stat -c "%U:%G %a" /etc/madoguchi/spool.key)" = "root:madoguchi 640" ]'
        echo "before: $before / after: $after" >> "$out/steps.log"
        step ".deb, Debian $version: new main PID ($pid_before -> $pid_after)" test "$pid_before" != "$pid_after" -a "$pid_after" != 0
        state_after=$(spool_state "$root")
        step ".deb, Debian $version: spool migrated, event kept ($state_before -> $state_after)" \
            test "${state_after##*trial event }" = 1 -a "${state_before%%,*}" != "${state_after%%,*}" -o \
            -z "$previous_dir" -a "$state_before" = "$state_after"
        step ".deb, Debian $version: /healthz after the upgrade" healthz in_machine
        step ".deb, Debian $version: purge removes /var/lib/madoguchi, stops the service" in_machine sh -c \
            'DEBIAN_FRONTEND=noninteractive apt-get purge -y madoguchi-receiver && [ ! -e /var/lib/madoguchi ] &&
             ! systemctl is-active -q madoguchi-receiver && ls /etc/madoguchi'
        in_machine systemctl poweroff > /dev/null 2>&1
        sleep 3
    else
        mode="ExecStart as user madoguchi (chroot)"
        record NOTE ".deb, Debian $version: nspawn --boot failed here; ExecStart as user" "$(($(date +%s) - start))" \
            "see build/try-clean/nspawn-madotry-$suite.log"
        run_chroot() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
        configure_receiver run_chroot
        (cd "$root/var/lib/madoguchi" && chroot --userspec=madoguchi:madoguchi "$root" sh -c \
            'cd /var/lib/madoguchi && exec /usr/bin/madoguchi-receiver --config /etc/madoguchi/receiver.ini') \
            > "$out/receiver-$suite.log" 2>&1 &
        bg_pids+=("$!")
        step ".deb, Debian $version: /healthz (ExecStart as user madoguchi)" healthz run_chroot
    fi
    echo "$mode" > "$out/service-mode-$suite.txt"
}
check_match_deb() {  # RUN...
    local result
    result=$("$@" runuser -u clerk -- env HOME=/home/clerk madoguchi-cli match --json /home/clerk/photos/a.jpg \
        /home/clerk/photos/b.jpg) || return 1
    echo "$result"
    grep -q '"band": *"match"' <<<"$result"
}
workstation_offscreen() {  # RUN...: init a store, start the workstation offscreen, alive after 8 s
    "$@" runuser -u clerk -- sh -c 'export HOME=/home/clerk QT_QPA_PLATFORM=offscreen
        printf "Clean-Root-Admin-2026\n" | madoguchi-cli init --admin admin || exit 1
        madoguchi > /tmp/ws.log 2>&1 & pid=$!
        sleep 8
        kill -0 $pid || { cat /tmp/ws.log; exit 1; }
        kill $pid; wait $pid; cat /tmp/ws.log; exit 0'
}

# --- run -----------------------------------------------------------------------------------
total_start=$(date +%s)
if [ "$only" != deb ]; then
    [ -n "$appimage" ] && [ -f "$appimage" ] || { echo "try-clean: no AppImage (build-appimage.sh)" >&2; exit 1; }
    record NOTE "AppImage $(basename "$appimage")" 0 "$(du -m "$appimage" | cut -f1) MB"
    mkdir -p "$images"
    for suite in $suites; do appimage_trial "$suite"; done
    [ -n "$old_suite" ] && old_trial "$old_suite"
fi
if [ "$only" != appimage ]; then
    for suite in $suites; do deb_trial "$suite"; done
fi
record NOTE "total" "$(($(date +%s) - total_start))"
echo "try-clean: summary in $summary" >&2
[ "$failures" -eq 0 ]
