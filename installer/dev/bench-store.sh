#!/usr/bin/env bash
# The case store benchmark (docs/performance.md): starts a throwaway PostgreSQL cluster
# (tests/support/pg-cluster.sh), runs madoguchi-store-bench under nice -n 19 against it and a
# SQLite file, stops the cluster. Usage: bench-store.sh [BUILD_DIR] [--cases N] [--baseline N] [--rounds N]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-$here/../../build/dev}
[ $# -gt 0 ] && shift
state=$(mktemp -u /tmp/mado-bench-pg.XXXXXX)
trap '"$here/../../tests/support/pg-cluster.sh" stop "$state"' EXIT
"$here/../../tests/support/pg-cluster.sh" start "$state"
nice -n 19 "$build/app/madoguchi-store-bench" --pg-state "$state" "$@"
