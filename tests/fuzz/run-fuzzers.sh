#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, the `fuzz` configure preset, build dir build/fuzz) and runs each
# for a bounded time on its corpus, then merges what it found into the committed corpus, minimised.
#
# Usage: tests/fuzz/run-fuzzers.sh [seconds-per-target] [target...]
#   seconds-per-target  default 120
#   target              default all: http_head chunked_body webhook multipart case_bundle image receiver_config
#
# For each target: the corpus tests/fuzz/corpus/<target>/ is copied to a work directory, the fuzzer runs
# there for the given time (new inputs land in the work directory only), then the committed corpus is
# rebuilt with -merge=1 from its seed-* files plus every input that adds coverage (old corpus + work).
# A crash leaves its input in build/fuzz/artifacts/<target>-crash-* and makes the script exit non-zero;
# once fixed, copy the input to tests/fuzz/crashes/<target>/ so that ctest (fuzz_<target>) replays it.
# The summary (executions, exec/s, coverage: libFuzzer's cov = edges, ft = features) is printed at the
# end and kept in build/fuzz/fuzz-summary.txt.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

seconds=${1:-120}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(http_head chunked_body webhook multipart case_bundle image receiver_config)
fi

if ! command -v clang++ >/dev/null; then
    echo "run-fuzzers: installing clang (libFuzzer)"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang
fi

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake --preset fuzz "${launcher[@]}" >/dev/null
cmake --build build/fuzz -j"${MADO_JOBS:-2}" --target "${targets[@]/#/fuzz_}"

# Longest input per target: a little over what the code under test accepts, so that its limits are tried.
max_len() {
    case $1 in
        http_head) echo 20000 ;;     # HttpRequestHead::kMaxSize is 16 KiB
        multipart) echo 65536 ;;
        receiver_config) echo 4096 ;;
        *) echo 16384 ;;
    esac
}
dict_name() {
    case $1 in
        webhook | case_bundle) echo json ;;
        *) echo "$1" ;;
    esac
}

artifacts=$root/build/fuzz/artifacts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
summary=$root/build/fuzz/fuzz-summary.txt
printf '%-16s %10s %8s %7s %7s %7s %7s  %s\n' target executions exec/s cov ft corpus KiB result >"$summary"
status=0

for target in "${targets[@]}"; do
    binary=$root/build/fuzz/tests/fuzz/fuzz_$target
    corpus=$here/corpus/$target
    mkdir -p "$corpus" "$work/$target"
    cp -r "$corpus"/. "$work/$target"/
    log=$root/build/fuzz/fuzz_$target.log
    echo "run-fuzzers: $target for ${seconds}s"
    result=ok
    options=(-max_len="$(max_len "$target")")
    dictionary=$here/dict/$(dict_name "$target").dict
    if [ -f "$dictionary" ]; then options+=(-dict="$dictionary"); fi
    # -timeout: an input taking more than 10 s is a hang; -rss_limit_mb: memory blow-ups are findings too.
    if ! "$binary" "${options[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$artifacts/$target-" "$work/$target" >"$log" 2>&1; then
        result="CRASH (see $log and $artifacts/$target-*)"
        status=1
    fi
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: [0-9]+' | tail -1 || true)
    cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")

    # The committed corpus, minimised: the seeds, then whatever adds coverage to them.
    minimal=$work/$target.min
    mkdir -p "$minimal"
    find "$corpus" -maxdepth 1 -name 'seed-*' -exec cp {} "$minimal"/ \;
    "$binary" -merge=1 -timeout=10 -rss_limit_mb=2048 "$minimal" "$corpus" "$work/$target" >"$log.merge" 2>&1 || {
        echo "run-fuzzers: merging $target failed (see $log.merge); corpus left as it was"
        status=1
        minimal=""
    }
    if [ -n "$minimal" ]; then
        find "$corpus" -maxdepth 1 -type f ! -name 'seed-*' -delete
        find "$minimal" -maxdepth 1 -type f ! -name 'seed-*' -exec cp {} "$corpus"/ \;
    fi
    files=$(find "$corpus" -maxdepth 1 -type f | wc -l)
    kib=$(( $(find "$corpus" -maxdepth 1 -type f -exec cat {} + | wc -c) / 1024 ))
    printf '%-16s %10s %8s %7s %7s %7s %7s  %s\n' "$target" "${executions:-?}" "${rate:-?}" "${cov:-?}" \
        "${ft:-?}" "$files" "$kib" "$result" >>"$summary"
done

echo
cat "$summary"
exit "$status"
