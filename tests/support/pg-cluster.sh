#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, the benchmark and the demo (no system service):
#
#   pg-cluster.sh start STATE_FILE   initdb into a new temporary directory, start on a free port
#                                    (loopback TCP and a unix socket in that directory), create the
#                                    role "madoguchi" (superuser, trust auth: a test cluster only),
#                                    write the server URL to STATE_FILE and the directory to
#                                    STATE_FILE.dir
#   pg-cluster.sh stop STATE_FILE    stop the cluster and delete its directory
#
# initdb refuses to run as root: as root (CI) the cluster runs as the unprivileged user "nobody".
# Exit 1 with a message when PostgreSQL's server programs are missing (install-deps.sh installs
# Debian's postgresql): the tests that need the cluster then fail, they are never skipped.
set -euo pipefail

action=${1:-}
state=${2:-}
if [ -z "$action" ] || [ -z "$state" ]; then
    echo "usage: $0 start|stop STATE_FILE" >&2
    exit 64
fi

find_bin() {
    local dir
    for dir in "${MADOGUCHI_PG_BINDIR:-}" /usr/lib/postgresql/*/bin; do
        if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u nobody -- "$@"
    else
        "$@"
    fi
}

case "$action" in
start)
    if ! bindir=$(find_bin); then
        echo "pg-cluster: PostgreSQL's server programs (initdb, pg_ctl) are missing: run installer/dev/install-deps.sh" >&2
        exit 1
    fi
    dir=$(mktemp -d /tmp/mado-pg.XXXXXX)
    chmod 0755 "$dir"
    mkdir "$dir/data" "$dir/sock"
    if [ "$(id -u)" -eq 0 ]; then
        chown nobody: "$dir/data" "$dir/sock"
    fi
    echo "$dir" >"$state.dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U madoguchi -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: ask the kernel for one on loopback, then hand it to the server.
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/sock/server.log" -w -t 60 \
        -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c dynamic_shared_memory_type=mmap" start >/dev/null ||
        { cat "$dir/sock/server.log" >&2; exit 1; }
    echo "postgresql://madoguchi@127.0.0.1:$port/postgres" >"$state"
    echo "pg-cluster: PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') on port $port in $dir"
    ;;
stop)
    if [ ! -f "$state.dir" ]; then
        exit 0
    fi
    dir=$(cat "$state.dir")
    bindir=$(find_bin) || true
    if [ -n "${bindir:-}" ] && [ -d "$dir/data" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    case "$dir" in
    /tmp/mado-pg.*) rm -rf "$dir" ;;
    esac
    rm -f "$state" "$state.dir"
    ;;
*)
    echo "usage: $0 start|stop STATE_FILE" >&2
    exit 64
    ;;
esac
