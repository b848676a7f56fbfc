#!/usr/bin/env bash
# Tries the Windows build under Wine, in a fresh Wine prefix (removed at the end):
#   1. wine msiexec /i Madoguchi-<version>-x64.msi /qn (silent, per machine)
#   2. the installed madoguchi-cli.exe --version
#   3. match on two sample photos with the models folder given: the same band as the Linux build and
#      a distance within 1e-3 of it (LINUX_CLI, default build/dev/app/madoguchi-cli)
#   4. init + user add on a new store; an application imported over HTTP from the Linux build's receiver,
#      verified on Windows, and verify's verdict compared with Linux's; with NEWER_MSI, the upgrade to it
#      and the refused downgrade
#   5. madoguchi.exe under Xvfb (1366x768): a screenshot of its login window into
#      docs/images/windows-login-wine.png; with xdotool, the admin of step 4 logs in and the main window
#      is shot into docs/images/windows-main-wine.png (skipped, and said so, when the MSI has no madoguchi.exe)
#   6. the core QTest executables of the Windows build, run under Wine (their DLLs found through WINEPATH;
#      each one's QTest output kept in BUILD_DIR/wine-tests/NAME.txt)
#   7. wine msiexec /x: no program files left; the store (the ward's data) still there
# Usage: try-wine.sh [MSI]   (default: the newest build/windows*/Madoguchi-*-x64.msi)
# Environment: BUILD_DIR (the Windows build of the tests; default the MSI's folder), TESTS=none,
# NEWER_MSI (a higher version of the same programs: the upgrade and downgrade steps), LINUX_CLI,
# MADOGUCHI_MODELS_DIR, MADOGUCHI_SAMPLES_DIR (default ~/.cache/madoguchi/{models,samples}).
# Prints one line per step and exits non-zero when a step fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi"
mingw="${MADOGUCHI_MINGW_DIR:-$cache/mingw}"
models="${MADOGUCHI_MODELS_DIR:-$cache/models}"
samples="${MADOGUCHI_SAMPLES_DIR:-$cache/samples}"
linux_cli="${LINUX_CLI:-$repo/build/dev/app/madoguchi-cli}"

msi="${1:-$(ls -t "$repo"/build/windows*/Madoguchi-*-x64.msi 2>/dev/null | head -n1 || true)}"
[ -f "$msi" ] || { echo "try-wine: no MSI (run installer/windows/build-msi.sh)" >&2; exit 1; }
msi=$(cd "$(dirname "$msi")" && pwd)/$(basename "$msi")
build=$(cd "${BUILD_DIR:-$(dirname "$msi")}" && pwd)
for tool in wine xvfb-run xwd convert; do
    command -v "$tool" >/dev/null || { echo "try-wine: '$tool' is missing" >&2; exit 1; }
done

export WINEPREFIX
WINEPREFIX=$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-wine.XXXXXX")
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono or Gecko installer prompts
work=$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-try.XXXXXX")
xvfb_pid=""
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    kill ${rx_pid:-} ${sim_pid:-} 2>/dev/null || true
    wineserver -k 2>/dev/null || true
    rm -rf "$WINEPREFIX" "$work"
}
trap cleanup EXIT

failures=0
pass() { echo "try-wine: PASS $*"; }
fail() { echo "try-wine: FAIL $*"; failures=$((failures + 1)); }
winpath() { winepath -w "$1" 2>/dev/null; }

wineboot -i >/dev/null 2>&1 || true
models_win=$(winpath "$models")   # the models folder as the Windows programs see it
program_dir="$WINEPREFIX/drive_c/Program Files/Madoguchi"
cli="C:\\Program Files\\Madoguchi\\madoguchi-cli.exe"

# 1. install
start=$(date +%s)
if wine msiexec /i "$(winpath "$msi")" /qn && [ -f "$program_dir/madoguchi-cli.exe" ]; then
    pass "install ($(( $(date +%s) - start )) s; $(find "$program_dir" -type f | wc -l) files in Program Files\\Madoguchi)"
else
    fail "install: no $program_dir/madoguchi-cli.exe"; exit 1
fi
shortcut=$(find "$WINEPREFIX/drive_c" -name '窓口 本人確認.lnk' -print -quit)
if [ -f "$program_dir/madoguchi.exe" ]; then
    [ -n "$shortcut" ] && pass "Start-menu shortcut: ${shortcut#"$WINEPREFIX/drive_c/"}" || fail "no Start-menu shortcut 窓口 本人確認"
fi

# 2. --version
version=$(wine "$cli" --version | tr -d '\r')
expected=$(sed -n 's/^project(Madoguchi VERSION \([0-9.]*\).*/\1/p' "$repo/CMakeLists.txt")
[[ "$version" == *"$expected"* ]] && pass "--version: $version" || fail "--version printed '$version', expected $expected"

# 3. match, against the Linux build
doc="$samples/johns/John_Salley/$(ls "$samples/johns/John_Salley" | sed -n 1p)"
selfie="$samples/johns/John_Salley/$(ls "$samples/johns/John_Salley" | sed -n 2p)"
win_json=$(wine "$cli" match --json --models "$models_win" "$(winpath "$doc")" "$(winpath "$selfie")" | tr -d '\r')
lin_json=$("$linux_cli" match --json --models "$models" "$doc" "$selfie")
if python3 - "$win_json" "$lin_json" <<'PY'
import json, sys
w, l = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"windows band {w['band']} distance {w['distance']:.6f}; linux band {l['band']} distance {l['distance']:.6f}")
sys.exit(0 if w['band'] == l['band'] and abs(w['distance'] - l['distance']) <= 1e-3 else 1)
PY
then pass "match (same band, distance within 1e-3)"; else fail "match differs from the Linux build"; fi

# 4. init + user add, on the default store (%LOCALAPPDATA%\madoguchi\store.sqlite: the ward's data,
# which the MSI does not own)
if printf 'admin-password-1\n' | wine "$cli" init --admin admin >/dev/null &&
   printf 'admin-password-1\nclerk-password-1\n' | wine "$cli" user add --as admin yamada clerk >/dev/null; then
    store=$(find "$WINEPREFIX/drive_c/users" -path '*/AppData/Local/madoguchi/store.sqlite' -print -quit)
    [ -s "$store" ] && pass "init + user add (${store#"$WINEPREFIX/drive_c/"}, $(du -k "$store" | cut -f1) kB)" ||
        fail "init + user add: no store under %LOCALAPPDATA%\\madoguchi"
else
    store=""
    fail "init + user add"
fi

# 4a. an application from the internet side: the Linux build's receiver and LINE simulator on loopback
# take one application (a sample case bundle); the Windows CLI leases it over HTTP with a workstation
# token into its store, runs the AI checks on it (reverify, as a clerk), and the receiver has nothing
# left to hand out. Then `verify` of the same bundle on Windows and on Linux: the same outcome and
# reason for every check, values within 1e-3. Skipped when the Linux build has no receiver.
linux_build=$(dirname "$(dirname "$linux_cli")")
if [ -x "$linux_build/app/madoguchi-receiver" ] && [ -x "$linux_build/app/madoguchi-linesim" ] && [ -n "$store" ]; then
    rx="$work/receiver"; mkdir -p "$rx/secrets"; chmod 700 "$rx/secrets"
    port=$(( 20000 + RANDOM % 20000 ))   # public, workstation and simulator ports: port, +1, +2
    for f in channel_secret access_token workstation_token; do head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$rx/secrets/$f"; done
    echo "wine:$(sha256sum <"$rx/secrets/workstation_token" | cut -d' ' -f1)" >"$rx/secrets/workstation_tokens"
    head -c 32 /dev/urandom >"$rx/secrets/spool.key"
    chmod 600 "$rx"/secrets/*
    printf '%s\n' "[http]" "listen = 127.0.0.1:$port" "[line]" "channel_secret_file = $rx/secrets/channel_secret" \
        "channel_access_token_file = $rx/secrets/access_token" "api_base = http://127.0.0.1:$((port + 2))" \
        "data_api_base = http://127.0.0.1:$((port + 2))" "[liff]" "channel_id = 1657000000" "mock = true" \
        "[challenge]" "directions = left,right" "[spool]" "path = $rx/spool.sqlite" "key_file = $rx/secrets/spool.key" \
        "[workstation]" "listen = 127.0.0.1:$((port + 1))" "tokens_file = $rx/secrets/workstation_tokens" >"$rx/receiver.ini"
    "$linux_build/app/madoguchi-linesim" serve --access-token-file "$rx/secrets/access_token" \
        --listen "127.0.0.1:$((port + 2))" >"$rx/linesim.log" 2>&1 & sim_pid=$!
    "$linux_build/app/madoguchi-receiver" --config "$rx/receiver.ini" >"$rx/receiver.log" 2>&1 & rx_pid=$!
    for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.1; done
    "$linux_cli" samples case "$samples/johns/John_Salley" "$rx/case" 7 >/dev/null
    id_token=$(curl -fsS -X POST "http://127.0.0.1:$((port + 2))/admin/id-tokens" -H 'Content-Type: application/json' \
        -d '{"userId":"Uwinetrial00000000000000000000000","channelId":"1657000000","expiresIn":3600}' |
        sed -n 's/.*"idToken" *: *"\([^"]*\)".*/\1/p')
    applied=$("$linux_build/app/madoguchi-linesim" apply --receiver "http://127.0.0.1:$port" --id-token "$id_token" \
        --bundle "$rx/case" 2>&1 || true)
    lease=(import --once --receiver "http://127.0.0.1:$((port + 1))" --token-file "$(winpath "$rx/secrets/workstation_token")")
    imported=$(MADOGUCHI_MODELS_DIR="$models_win" wine "$cli" "${lease[@]}" 2>&1 | tr -d '\r' | tail -n1)
    printf 'admin-password-1\nclerk-password-1\n' | wine "$cli" user add --as admin tanaka clerk >/dev/null
    verified=$(printf 'clerk-password-1\n' | MADOGUCHI_MODELS_DIR="$models_win" \
        wine "$cli" reverify --pending --as tanaka 2>&1 | tr -d '\r' | tail -n1)
    again=$(wine "$cli" "${lease[@]}" 2>&1 | tr -d '\r' | tail -n1)
    if [[ "$applied" == 201* && "$imported" == "1 leased, 1 imported"* && "$verified" == "1 verified"* &&
          "$again" == "0 leased"* ]]; then
        pass "import over HTTP from the Linux receiver: '$imported'; reverify: '$verified'; the receiver then: '$again'"
    else
        fail "import from the receiver: apply '${applied:0:80}', import '$imported', reverify '$verified', again '$again'"
    fi
    win_verdict=$(MADOGUCHI_MODELS_DIR="$models_win" wine "$cli" verify --json "$(winpath "$rx/case")" | tr -d '\r')
    lin_verdict=$("$linux_cli" verify --json "$rx/case" 2>/dev/null || true)
    if python3 - "$win_verdict" "$lin_verdict" <<'PY'
import json, sys
w, l = json.loads(sys.argv[1]), json.loads(sys.argv[2])
checks = lambda v: {c["id"]: c for c in v["checks"]}
cw, cl = checks(w), checks(l)
differ = [k for k in cl if k not in cw or (cw[k]["outcome"], cw[k]["reason"]) != (cl[k]["outcome"], cl[k]["reason"])
          or abs(cw[k].get("value", 0) - cl[k].get("value", 0)) > 1e-3]
print(f"{len(cl)} checks, overall {w['overall']} / {l['overall']}, distance {w['matchDistance']:.6f} / {l['matchDistance']:.6f}"
      + (f"; differ: {differ}" if differ else ""))
sys.exit(1 if differ or w["overall"] != l["overall"] else 0)
PY
    then pass "verify: the Windows verdict agrees with the Linux one, check by check"
    else fail "verify: the Windows and Linux verdicts differ"; fi
    kill "$rx_pid" "$sim_pid" 2>/dev/null || true
else
    echo "try-wine: SKIP the import from a receiver (no $linux_build/app/madoguchi-receiver, or no store)"
fi

# 4b. upgrade (NEWER_MSI: the same programs packed as a higher version, build-msi.sh with
# MADO_MSI_VERSION): the newer MSI replaces the older one, so one Madoguchi is installed, the newer;
# the older MSI is then refused (no downgrade); the store is untouched
installed() {   # "DisplayVersion" of each installed product named Madoguchi, one per line
    wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null | tr -d '\r' |
        awk '/^HKEY/ {name = ""; ver = ""} /DisplayName/ {name = $NF} /DisplayVersion/ {ver = $NF}
             name == "Madoguchi" && ver != "" {print ver; name = ""}'
}
uninstall_msi=$msi
if [ -n "${NEWER_MSI:-}" ]; then
    newer=$(cd "$(dirname "$NEWER_MSI")" && pwd)/$(basename "$NEWER_MSI")
    before=$(installed | tr '\n' ' ')
    store_sum=$( [ -n "$store" ] && sha256sum "$store" | cut -d' ' -f1 || true)
    if wine msiexec /i "$(winpath "$newer")" /qn; then
        after=$(installed | tr '\n' ' ')
        # Files of the same version in both MSIs must survive the removal of the older product.
        files=$(find "$program_dir" -type f 2>/dev/null | wc -l)
        [ "$(wc -w <<<"$after")" -eq 1 ] && [ "$after" != "$before" ] && [ -f "$program_dir/madoguchi-cli.exe" ] &&
            wine "$cli" --version >/dev/null &&
            pass "upgrade: installed ${before% } → ${after% } (one product; $files files, madoguchi-cli runs)" ||
            fail "upgrade: installed before '${before% }', after '${after% }'"
        uninstall_msi=$newer
        if wine msiexec /i "$(winpath "$msi")" /qn 2>/dev/null; then
            fail "downgrade: the older MSI installed over the newer one ($(installed | tr '\n' ' '))"
        else
            [ "$(installed | tr '\n' ' ')" = "$after" ] && pass "downgrade refused (still ${after% })" ||
                fail "downgrade: refused, but the installed version changed"
        fi
        [ -z "$store_sum" ] || [ "$(sha256sum "$store" | cut -d' ' -f1)" = "$store_sum" ] &&
            pass "the store is unchanged by the upgrade" || fail "the upgrade changed the store"
    else
        fail "upgrade: msiexec /i $(basename "$newer") failed"
    fi
fi

# 5. the workstation's login window, then (with xdotool) the admin of step 4 logging in: its main window
if [ -f "$program_dir/madoguchi.exe" ]; then
    display=:$(( 90 + RANDOM % 100 ))
    Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 & xvfb_pid=$!   # a counter PC's screen
    sleep 2
    DISPLAY=$display MADOGUCHI_MODELS_DIR="$models_win" \
        wine "C:\\Program Files\\Madoguchi\\madoguchi.exe" >"$work/gui.log" 2>&1 & gui_pid=$!
    sleep "${GUI_WAIT:-40}"
    mkdir -p "$repo/docs/images"
    shot="$repo/docs/images/windows-login-wine.png"
    if kill -0 "$gui_pid" 2>/dev/null && DISPLAY=$display xwd -root -silent | convert xwd:- "$shot"; then
        pass "madoguchi.exe running, screenshot $shot"
    else
        fail "madoguchi.exe exited: $(tail -n 5 "$work/gui.log")"
    fi
    login=$(DISPLAY=$display xdotool search --name 'ログイン' 2>/dev/null | head -n1 || true)
    if ! command -v xdotool >/dev/null; then
        echo "try-wine: SKIP logging in (no xdotool)"
    elif [ -z "$login" ] || [ -z "$store" ]; then
        fail "log in: no login window, or no store with an admin (step 4)"
    else
        # No window manager: keys go to the window under the pointer; the login ID field has the focus.
        eval "$(DISPLAY=$display xdotool getwindowgeometry --shell "$login")"
        DISPLAY=$display xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2))
        DISPLAY=$display xdotool type --delay 60 admin
        DISPLAY=$display xdotool key Tab
        DISPLAY=$display xdotool type --delay 60 admin-password-1
        DISPLAY=$display xdotool key Return
        main=""
        for _ in $(seq 60); do
            main=$(DISPLAY=$display xdotool search --name '職員確認端末' 2>/dev/null | head -n1 || true)
            [ -n "$main" ] && break
            sleep 1
        done
        sleep 5   # the queue's first load
        shot="$repo/docs/images/windows-main-wine.png"
        if [ -n "$main" ] && DISPLAY=$display xwd -root -silent | convert xwd:- "$shot"; then
            pass "logged in as admin: '$(DISPLAY=$display xdotool getwindowname "$main")', screenshot $shot"
        else
            fail "log in: no main window after 60 s: $(tail -n 5 "$work/gui.log")"
        fi
    fi
    kill "$gui_pid" 2>/dev/null || true
else
    echo "try-wine: SKIP madoguchi.exe (this MSI has madoguchi-cli.exe only)"
fi

# 6. the core tests (TESTS=none leaves them out, for a quick run of the other steps)
runtime_dir=$(dirname "$(x86_64-w64-mingw32-g++-posix -print-file-name=libstdc++-6.dll)")
WINEPATH="$(winpath "$mingw/qt6/bin");$(winpath "$mingw/prefix/bin");$(winpath "$runtime_dir");$(winpath /usr/x86_64-w64-mingw32/lib)"
export WINEPATH QT_PLUGIN_PATH
QT_PLUGIN_PATH=$(winpath "$mingw/qt6/plugins")
# The tests ctest would run without a PostgreSQL cluster (the _pg variants need one: Linux only).
no_pg=$(ctest --test-dir "$build" -N -LE postgresql 2>/dev/null | sed -n 's/^ *Test *#[0-9]*: //p')
tests=$(find "$build/tests" -name 'Test*.exe' 2>/dev/null | sort | while read -r exe; do
            grep -qx "$(basename "$exe" .exe)" <<<"$no_pg" && echo "$exe"; done)
[ "${TESTS:-all}" = none ] && tests="" && echo "try-wine: SKIP the core tests (TESTS=none)" ||
    { [ -n "$tests" ] || fail "no test executables under $build/tests"; }
for test in $tests; do
    name=$(basename "$test" .exe)
    start=$(date +%s)
    # QTest's own output goes to a file (-o): under Wine its console output does not reach a pipe.
    result="$build/wine-tests/$name.txt"   # kept: the full QTest output of each test
    mkdir -p "$build/wine-tests"
    if (cd "$(dirname "$test")" && QT_QPA_PLATFORM=offscreen MADOGUCHI_MODELS_DIR="$models_win" \
            MADOGUCHI_SAMPLES_DIR="$(winpath "$samples")" timeout 900 wine "$test" -o "$(winpath "$result"),txt" \
            >"$work/$name.log" 2>&1); then
        pass "$name ($(( $(date +%s) - start )) s; $(grep -m1 '^Totals:' "$result" | tr -d '\r'))"
    else
        fail "$name ($(( $(date +%s) - start )) s): $( (grep -m3 'FAIL!\|QFATAL\|^Totals:' "$result" 2>/dev/null ||
                                                    tail -n 3 "$work/$name.log") | tr -d '\r' | tr '\n' ' ')"
    fi
done

# 7. uninstall
wine msiexec /x "$(winpath "$uninstall_msi")" /qn || true
left=0   # the folder itself may be gone (find would fail the script under pipefail)
[ -d "$program_dir" ] && left=$(find "$program_dir" -type f | wc -l)
[ "$left" -eq 0 ] && pass "uninstall (no program files left)" || fail "uninstall left $left files in $program_dir"
[ -n "$store" ] && [ -s "$store" ] && pass "the store is still there after uninstall" || fail "the store went with the uninstall"
[ -z "$shortcut" ] || [ ! -e "$shortcut" ] || fail "the Start-menu shortcut is still there"

echo "try-wine: $failures failure(s)"
[ "$failures" -eq 0 ]
