#!/usr/bin/env bash
# Sets up and starts the Madoguchi demo, everything real except LINE itself:
#   - the LINE platform simulator and madoguchi-receiver on loopback;
#   - about 20 applications made from dlib's example photos with specimen (見本) ID cards,
#     submitted through the receiver's LIFF API like residents would, following each challenge;
#   - a case store (SQLite; with MADOGUCHI_DEMO_STORE=postgresql a database on a throwaway local
#     PostgreSQL cluster, tests/support/pg-cluster.sh, stopped and deleted with the demo) with the
#     demo resident register and two demo accounts (a clerk and a supervisor) whose passwords are
#     printed once;
#   - among them a 住民票 request signed with a TEST JPKI made now (tests/jpki/make-test-pki.sh,
#     never a J-LIS key; the store's ward settings trust only it): submitted with signing=jpki, its
#     manifest signed and uploaded by `madoguchi-cli demo sign-remote` (the resident's signing app);
#   - then the workstation, which pulls the applications from the receiver.
# State lives in $MADOGUCHI_DEMO_DIR (default ~/.local/share/madoguchi-demo) and is recreated at
# every run; the services stop when the workstation closes. Usage: demo.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: demo.sh BUILD_DIR}" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
state="${MADOGUCHI_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/madoguchi-demo}"
sim_port="${MADOGUCHI_DEMO_SIM_PORT:-18490}"
public_port="${MADOGUCHI_DEMO_PUBLIC_PORT:-18480}"
ws_port="${MADOGUCHI_DEMO_WS_PORT:-18481}"
cli="$build/app/madoguchi-cli"
store_kind="${MADOGUCHI_DEMO_STORE:-sqlite}"
case "$store_kind" in
sqlite | postgresql) ;;
*) echo "demo: MADOGUCHI_DEMO_STORE must be sqlite or postgresql, not '$store_kind'" >&2; exit 64 ;;
esac
pg_cluster="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../tests/support" && pwd)/pg-cluster.sh"

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ "$store_kind" = postgresql ]; then "$pg_cluster" stop "$state/pg-cluster.url" || true; fi
}
trap cleanup EXIT

wait_for() { # URL: up to 15 s
    for _ in $(seq 1 150); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "demo: $1 did not answer" >&2
    return 1
}
secret() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 32; }

# A cluster left running by an interrupted PostgreSQL demo goes first.
if [ -f "$state/pg-cluster.url" ]; then "$pg_cluster" stop "$state/pg-cluster.url" || true; fi
rm -rf "$state"
mkdir -p "$state/secrets" "$state/cases"
chmod 700 "$state" "$state/secrets"
secret > "$state/secrets/channel_secret"
secret > "$state/secrets/access_token"
ws_token=$(secret)
printf '%s' "$ws_token" > "$state/secrets/workstation_token"
echo "demo-workstation:$(printf '%s' "$ws_token" | sha256sum | cut -d' ' -f1)" > "$state/secrets/workstation_tokens"
head -c 32 /dev/urandom > "$state/secrets/spool.key"  # seals applicants' data in the spool
chmod 600 "$state"/secrets/*

cat > "$state/receiver.ini" <<INI
[http]
listen = 127.0.0.1:$public_port
[line]
channel_secret_file = $state/secrets/channel_secret
channel_access_token_file = $state/secrets/access_token
api_base = http://127.0.0.1:$sim_port
data_api_base = http://127.0.0.1:$sim_port
[liff]
channel_id = 1657000000
; The residents' page runs outside LINE with the LIFF SDK's mock and a simulator ID token.
mock = true
[challenge]
; The demo's photos show turns to the sides only.
directions = left,right
[spool]
path = $state/receiver-spool.sqlite
key_file = $state/secrets/spool.key
[workstation]
listen = 127.0.0.1:$ws_port
tokens_file = $state/secrets/workstation_tokens
INI

echo "demo: starting the LINE simulator and the receiver"
"$build/app/madoguchi-linesim" serve --access-token-file "$state/secrets/access_token" \
    --listen "127.0.0.1:$sim_port" > "$state/linesim.log" 2>&1 &
pids+=($!)
"$build/app/madoguchi-receiver" --config "$state/receiver.ini" > "$state/receiver.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$public_port/healthz"

echo "demo: preparing the applications from dlib's photos (about a minute)"
"$cli" demo prepare "$state/cases" > /dev/null
echo "demo: a TEST JPKI made now for the signed 住民票 request (not J-LIS's)"
pki="$state/test-jpki"
mapfile -t facts < "$state/cases/jpki-facts.txt"
"$source_dir/tests/jpki/make-test-pki.sh" "$pki" "${facts[@]}" > /dev/null
for bundle in "$state"/cases/*/; do
    user="U$(printf '%s' "$bundle" | sha256sum | cut -c1-32)"
    token=$(curl -fsS -X POST "http://127.0.0.1:$sim_port/admin/id-tokens" \
        -H 'Content-Type: application/json' \
        -d "{\"userId\":\"$user\",\"channelId\":\"1657000000\",\"expiresIn\":3600}" |
        sed -n 's/.*"idToken" *: *"\([^"]*\)".*/\1/p')
    case "$bundle" in
    *-juminhyo_signed/)
        # To be signed: the receiver holds it back until the resident's signing app (here the
        # CLI with the test PKI) has fetched the manifest, signed it and uploaded signature.p7s.
        answer=$("$build/app/madoguchi-linesim" apply --receiver "http://127.0.0.1:$public_port" \
            --id-token "$token" --bundle "$bundle" --signing jpki)
        id=$(printf '%s' "$answer" | sed -n 's/.*"applicationId" *: *"\([^"]*\)".*/\1/p')
        "$cli" demo sign-remote "$id" --pki "$pki" --receiver "http://127.0.0.1:$public_port" --id-token "$token"
        ;;
    *)
        "$build/app/madoguchi-linesim" apply --receiver "http://127.0.0.1:$public_port" --id-token "$token" \
            --bundle "$bundle" > /dev/null
        ;;
    esac
done
echo "demo: $(ls -d "$state"/cases/*/ | wc -l) applications submitted (one signed with the test JPKI)"

store="$state/store.sqlite"
if [ "$store_kind" = postgresql ]; then
    # A throwaway cluster on a free loopback port; the store is its maintenance database, the
    # image key stays in the demo's state (both go away with it).
    "$pg_cluster" start "$state/pg-cluster.url"
    store=$(cat "$state/pg-cluster.url")
    export MADOGUCHI_STORE_KEY="$state/store.key"
fi
clerk_password=$(secret | head -c 12)
supervisor_password=$(secret | head -c 12)
admin_password=$(secret | head -c 16)
printf '%s\n' "$admin_password" | "$cli" init --store "$store" --admin admin --name "管理者" > /dev/null
printf '%s\n%s\n' "$admin_password" "$clerk_password" |
    "$cli" user add clerk clerk --name "窓口 職員" --as admin --store "$store" > /dev/null
printf '%s\n%s\n' "$admin_password" "$supervisor_password" |
    "$cli" user add supervisor supervisor --name "窓口 係長" --as admin --store "$store" > /dev/null
printf '%s\n' "$admin_password" |
    "$cli" register import "$state/cases/register.csv" --as admin --store "$store" > /dev/null

# The ward trusts the test JPKI's root and keeps its CRL (docs/admin.md, "JPKI signatures").
printf '%s\n' "$admin_password" | "$cli" jpki configure --anchors "$pki/root.pem" --crls "$pki/crl.pem" \
    --as admin --store "$store" > /dev/null

# The residents' LIFF page, opened in an ordinary browser as a demo resident (the simulator's ID
# token goes in the URL's fragment; the page uses the LIFF SDK's mock because liff.mock = true).
resident_token=$(curl -fsS -X POST "http://127.0.0.1:$sim_port/admin/id-tokens" \
    -H 'Content-Type: application/json' \
    -d '{"userId":"Udemoresident0000000000000000000","channelId":"1657000000","expiresIn":86400}' |
    sed -n 's/.*"idToken" *: *"\([^"]*\)".*/\1/p')
liff_page="http://127.0.0.1:$public_port/liff/#mock-id-token=$resident_token"
if ! curl -fsS -o /dev/null "http://127.0.0.1:$public_port/liff/"; then
    liff_page="(not built: install node and npm, then rebuild)"
fi

cat <<TXT

  Demo accounts (shown once; the demo state is recreated at every run):
    clerk       $clerk_password
    supervisor  $supervisor_password
    admin       $admin_password
  Receiver:     http://127.0.0.1:$public_port  (workstation API 127.0.0.1:$ws_port)
  Residents' page (LIFF, a demo resident; valid 24 h):
                $liff_page
  Store:        $store
  State:        $state

TXT
export MADOGUCHI_STORE="$store"
export MADOGUCHI_RECEIVER_URL="http://127.0.0.1:$ws_port"
export MADOGUCHI_RECEIVER_TOKEN_FILE="$state/secrets/workstation_token"
if [ -n "${MADOGUCHI_DEMO_NO_GUI:-}" ]; then
    # Without the workstation, the CLI does its background work: pull every application from the
    # receiver, verify it, and show the counts per state (a check that the demo works end to end).
    echo "demo: MADOGUCHI_DEMO_NO_GUI is set; importing and verifying with madoguchi-cli instead of the workstation"
    for _ in $(seq 1 50); do # one lease round takes up to 10 applications
        round=$("$cli" import --once --receiver "$MADOGUCHI_RECEIVER_URL" \
            --token-file "$MADOGUCHI_RECEIVER_TOKEN_FILE" --store "$store" | tail -n 1)
        case "$round" in "0 leased"*) break ;; esac
    done
    printf '%s\n' "$clerk_password" | "$cli" reverify --pending --as clerk --store "$store" > /dev/null
    "$cli" stats --store "$store" | grep -v '^table:'
    exit 0
fi
"$build/app/madoguchi"
