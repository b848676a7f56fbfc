#!/usr/bin/env bash
# One case of the AppImage runtime's tests: runtime-test.sh RUNTIME CASE.
# Builds a tiny AppImage (tests/AppRun, a 3 MB random file, a nested text file and a symlink,
# squashfs with zstd) in a fresh directory whose path has a space, then checks CASE.
# Exit 0: passed; 77: cannot run here (skipped); anything else: failed.
set -euo pipefail
runtime=$1
case_name=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

command -v mksquashfs >/dev/null || { echo "mksquashfs missing (squashfs-tools)"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/appimage runtime test.XXXXXX")
cleanup() {
    if [ -n "${bg_pid:-}" ]; then kill -KILL "$bg_pid" 2>/dev/null || true; fi
    if [ -s "$work/pid" ]; then kill -KILL "$(cat "$work/pid")" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL ($case_name): $*" >&2; exit 1; }

appdir="$work/AppDir"
mkdir -p "$appdir/data/sub"
cp "$here/AppRun" "$appdir/AppRun"
head -c 3000000 /dev/urandom > "$appdir/data/random.bin"
printf 'hello from the image\n' > "$appdir/data/sub/hello.txt"
chmod 0640 "$appdir/data/sub/hello.txt"
ln -s sub/hello.txt "$appdir/data/link.txt"
mksquashfs "$appdir" "$work/image.squashfs" -root-owned -noappend -comp zstd -quiet >/dev/null
image="$work/Test App.AppImage"
cat "$runtime" "$work/image.squashfs" > "$image"
chmod +x "$image"
runtime_size=$(stat -c %s "$runtime")
random_sha=$(sha256sum < "$appdir/data/random.bin" | cut -d' ' -f1)

# Private directories the runtime made under $TMPDIR (mount points, copies).
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
# /proc/mounts writes a space in a path as \040.
mount_line() { grep -F " ${1// /\\040} " /proc/mounts || true; }
leftovers() { find "$TMPDIR" -mindepth 1 -maxdepth 1 | wc -l; }
fuse_usable() { [ -r /dev/fuse ] && [ -w /dev/fuse ] && { [ "$(id -u)" -eq 0 ] || command -v fusermount3 >/dev/null; }; }

case "$case_name" in
offset)
    got=$("$image" --appimage-offset)
    [ "$got" = "$runtime_size" ] || fail "offset $got, the runtime has $runtime_size bytes"
    # The image really starts there: squashfs magic "hsqs".
    [ "$(dd if="$image" bs=1 skip="$got" count=4 status=none)" = hsqs ] || fail "no squashfs magic at $got"
    ;;
magic)
    [ "$(od -An -tx1 -j8 -N3 "$image" | tr -d ' \n')" = 414902 ] || fail "no AI\\x02 at offset 8"
    "$image" --appimage-help | grep -q -- --appimage-extract || fail "help does not list --appimage-extract"
    ;;
extract)
    cd "$work"
    "$image" --appimage-extract > extract.log
    cmp squashfs-root/AppRun "$here/AppRun" || fail "AppRun differs"
    [ -x squashfs-root/AppRun ] || fail "AppRun not executable"
    [ "$(sha256sum < squashfs-root/data/random.bin | cut -d' ' -f1)" = "$random_sha" ] || fail "random.bin differs"
    [ "$(stat -c %a squashfs-root/data/sub/hello.txt)" = 640 ] || fail "mode of hello.txt not kept"
    [ "$(readlink squashfs-root/data/link.txt)" = sub/hello.txt ] || fail "symlink not kept"
    grep -qx 'squashfs-root/data/sub/hello.txt' extract.log || fail "extracted paths not listed"
    ;;
extract_pattern)
    cd "$work"
    "$image" --appimage-extract 'data/sub/*' > extract.log
    [ -f squashfs-root/data/sub/hello.txt ] || fail "the matching file was not extracted"
    [ ! -e squashfs-root/AppRun ] || fail "AppRun extracted although it does not match"
    [ ! -e squashfs-root/data/random.bin ] || fail "random.bin extracted although it does not match"
    ;;
args)
    out=$(TEST_MODE=args "$image" one "two words" "" 'three*')
    expected=$(printf '%s\n' one "two words" "" 'three*')
    [ "$out" = "$expected" ] || fail "arguments arrived as: $out"
    ;;
env)
    cd "$work/tmp"
    out=$(TEST_MODE=env "$image")
    grep -qx "APPIMAGE=$image" <<<"$out" || fail "APPIMAGE wrong: $out"
    grep -qx "OWD=$work/tmp" <<<"$out" || fail "OWD wrong: $out"
    grep -qx "ARGV0=$image" <<<"$out" || fail "ARGV0 wrong: $out"
    grep -q "^APPDIR=$TMPDIR/\." <<<"$out" || fail "APPDIR not a private directory under TMPDIR: $out"
    ;;
exit_status)
    for code in 0 1 7 42 255; do
        set +e
        TEST_MODE=exit TEST_EXIT=$code "$image"
        got=$?
        set -e
        [ "$got" = "$code" ] || fail "AppRun exited $code, the AppImage $got"
    done
    [ "$(leftovers)" = 0 ] || fail "private directories left: $(ls -a "$TMPDIR")"
    ;;
signal)
    export TEST_DIR="$work"
    for sig in TERM INT; do
        rm -f "$work/got" "$work/pid" "$work/appdir"
        TEST_MODE=sleep "$image" &
        bg_pid=$!
        for _ in $(seq 100); do [ -s "$work/pid" ] && break; sleep 0.1; done
        [ -s "$work/pid" ] || fail "AppRun did not start"
        appdir_seen=$(cat "$work/appdir")
        [ -f "$appdir_seen/data/sub/hello.txt" ] || fail "the image is not readable at $appdir_seen"
        kill -s "$sig" "$bg_pid"
        set +e
        wait "$bg_pid"
        got=$?
        set -e
        bg_pid=
        expected=$([ "$sig" = TERM ] && echo 143 || echo 130)
        [ "$got" = "$expected" ] || fail "SIG$sig: AppImage exited $got, AppRun exits $expected"
        [ "$(cat "$work/got" 2>/dev/null)" = "$sig" ] || fail "SIG$sig did not reach AppRun"
        [ ! -e "$appdir_seen" ] || fail "$appdir_seen left after SIG$sig"
        [ -z "$(mount_line "$appdir_seen")" ] || fail "$appdir_seen still mounted after SIG$sig"
    done
    ;;
mount)
    fuse_usable || { echo "no usable FUSE here"; exit 77; }
    export TEST_DIR="$work"
    TEST_MODE=sleep "$image" 2> "$work/stderr" &
    bg_pid=$!
    for _ in $(seq 100); do [ -s "$work/pid" ] && break; sleep 0.1; done
    [ -s "$work/pid" ] || fail "AppRun did not start: $(cat "$work/stderr")"
    appdir_seen=$(cat "$work/appdir")
    mount_line "$appdir_seen" | grep -q " fuse.appimage ro," || fail "$appdir_seen is not a read-only FUSE mount"
    [ "$(sha256sum < "$appdir_seen/data/random.bin" | cut -d' ' -f1)" = "$random_sha" ] || fail "random.bin reads wrong"
    [ "$(cat "$appdir_seen/data/link.txt")" = "hello from the image" ] || fail "symlink reads wrong"
    ! touch "$appdir_seen/new" 2>/dev/null || fail "the mount is writable"
    kill -s TERM "$bg_pid"
    wait "$bg_pid" || true
    bg_pid=
    [ -z "$(mount_line "$appdir_seen")" ] || fail "still mounted after the app ended"
    [ "$(leftovers)" = 0 ] || fail "private directories left: $(ls -a "$TMPDIR")"
    # --appimage-mount: mounted until SIGINT.
    "$image" --appimage-mount > "$work/mounted" &
    bg_pid=$!
    for _ in $(seq 100); do [ -s "$work/mounted" ] && break; sleep 0.1; done
    where=$(cat "$work/mounted")
    [ -x "$where/AppRun" ] || fail "--appimage-mount: no AppRun at $where"
    kill -s INT "$bg_pid"
    wait "$bg_pid" || fail "--appimage-mount did not end cleanly"
    bg_pid=
    [ ! -e "$where" ] || fail "$where left after --appimage-mount"
    ;;
no_fuse)
    # A mount namespace in which /dev/fuse is /dev/null: FUSE cannot be used, the runtime copies.
    [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null || { echo "needs root and unshare"; exit 77; }
    [ -e /dev/fuse ] || { echo "no /dev/fuse to hide"; exit 77; }
    out=$(TEST_MODE=cat unshare -m sh -c 'mount --bind /dev/null /dev/fuse && exec "$@"' sh "$image" 2> "$work/stderr")
    [ "$out" = "$random_sha" ] || fail "random.bin read wrong from the copy: $out"
    grep -q "FUSE is not usable here" "$work/stderr" || fail "no message about the fallback: $(cat "$work/stderr")"
    set +e
    TEST_MODE=exit TEST_EXIT=9 unshare -m sh -c 'mount --bind /dev/null /dev/fuse && exec "$@"' sh "$image" 2>/dev/null
    got=$?
    set -e
    [ "$got" = 9 ] || fail "exit status through the copy: $got"
    [ "$(leftovers)" = 0 ] || fail "the temporary copy was left: $(ls -a "$TMPDIR")"
    ;;
extract_and_run)
    out=$(TEST_MODE=cat "$image" --appimage-extract-and-run)
    [ "$out" = "$random_sha" ] || fail "--appimage-extract-and-run: $out"
    out=$(TEST_MODE=args APPIMAGE_EXTRACT_AND_RUN=1 "$image" a "b c")
    [ "$out" = "$(printf 'a\nb c')" ] || fail "APPIMAGE_EXTRACT_AND_RUN=1 arguments: $out"
    out=$(TEST_MODE=env "$image" --appimage-extract-and-run)
    grep -q "^APPDIR=$TMPDIR/\.extract_" <<<"$out" || fail "not run from a private copy: $out"
    [ "$(leftovers)" = 0 ] || fail "the temporary copy was left: $(ls -a "$TMPDIR")"
    ;;
not_an_appimage)
    # The runtime with nothing appended: a clear message and exit 1, no crash.
    cp "$runtime" "$work/bare"
    set +e
    "$work/bare" 2> "$work/stderr"
    got=$?
    set -e
    [ "$got" = 1 ] || fail "exit $got"
    grep -q "no squashfs image" "$work/stderr" || fail "message: $(cat "$work/stderr")"
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "PASS ($case_name)"
