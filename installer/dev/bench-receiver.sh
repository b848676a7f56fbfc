#!/usr/bin/env bash
# The receiver benchmark (docs/performance.md): installs what is missing (Debian packages, node and
# npm, @line/bot-sdk for the baseline into a cache directory), builds madoguchi-receiver and
# madoguchi-loadgen in Release, and runs the load generator against both the receiver and the
# Node baseline. Prints a table; figures depend on the machine, so nothing is asserted.
# Extra arguments go to madoguchi-loadgen, e.g. `--senders 1,10,100 --webhooks 2000 --applications 200`.
# Environment: MADO_BENCH_BUILD (build directory, default build/bench), MADO_BENCH_NO_BASELINE=1
# (receiver only, no npm).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"

"$here/install-deps.sh"

baseline_src="$repo/tests/bench/line-sdk-baseline"
baseline_args=()
if [ "${MADO_BENCH_NO_BASELINE:-}" = "1" ]; then
    baseline_args=(--no-baseline)
else
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        sudo_cmd=()
        if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
        echo "bench-receiver: installing nodejs and npm (Debian packages)"
        "${sudo_cmd[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm
    fi
    # node_modules live in a cache directory keyed by the lock file, never in the repository.
    lock_hash=$(sha256sum "$baseline_src/package-lock.json" | cut -c1-16)
    modules="${XDG_CACHE_HOME:-$HOME/.cache}/madoguchi/line-sdk-baseline-$lock_hash"
    if [ ! -f "$modules/node_modules/@line/bot-sdk/package.json" ]; then
        echo "bench-receiver: npm ci (@line/bot-sdk) into $modules"
        mkdir -p "$modules"
        cp "$baseline_src/package.json" "$baseline_src/package-lock.json" "$modules/"
        (cd "$modules" && npm ci --no-audit --no-fund --loglevel=error)
    fi
    baseline_args=(--baseline "$baseline_src/server.js" --node "$(command -v node)"
                   --node-path "$modules/node_modules")
fi

build="${MADO_BENCH_BUILD:-$repo/build/bench}"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target madoguchi-receiver madoguchi-loadgen

echo "bench-receiver: $(nproc) cores, $(uname -srm); load generator, receiver and baseline share this machine"
"$build/app/madoguchi-loadgen" --receiver "$build/app/madoguchi-receiver" "${baseline_args[@]}" "$@"
