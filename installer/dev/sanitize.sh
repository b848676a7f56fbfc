#!/usr/bin/env bash
# Builds the core, intake and store tests and the fuzz corpus replays with AddressSanitizer + UndefinedBehaviorSanitizer (the `asan`
# configure preset, build dir build/asan) and runs them. Any sanitizer report fails the test that made it
# (UBSan does not recover; LeakSanitizer reports leaks at exit).
#
# Tests labelled `slow` are left out by default: they run dlib's face pipeline (HOG detector, 68-point
# landmarks, the ResNet descriptor) over real photos, which under ASan takes many minutes per test and
# exercises dlib's code (not instrumented: it is a system library) more than ours. MADO_SANITIZE_SLOW=1
# includes them.
#
# Usage: installer/dev/sanitize.sh [extra ctest arguments]     e.g. -R 'TestSpool|TestCaseBundleReader'
# The ctest arguments also narrow what is built (only the executables of the selected tests and the core
# libraries they link). MADO_SANITIZE_PROGRAMS names the programs the selected tests start (default: all
# four, madoguchi-loadgen being LoadgenSmoke's command itself; a run of tests that start none, e.g. the fuzz replays, can say MADO_SANITIZE_PROGRAMS= and skip
# building madoguchi-cli with its face engine).
# The last line printed is the summary; the whole log is in build/asan/sanitize.log.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/../.."

jobs=${MADO_JOBS:-2}
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake --preset asan "${launcher[@]}" >/dev/null

# The labels: core (crypto, face/image, evaluation, store, security, workflow, issuance), intake
# (receiver, bundle, station/sync), store, and fuzz (each fuzz_<name> test replays its committed corpus
# and crash reproducers with the fuzz_<name>_replay executable). Matched whole, so that a label
# containing one of these words is not taken by accident.
labels='^(core|intake|store|fuzz)$'
exclude=(-LE '^slow$')
if [ "${MADO_SANITIZE_SLOW:-0}" = 1 ]; then exclude=(); fi

# The test executables of the chosen labels (mado_add_test names each test after its target; a fuzz test
# runs fuzz_<name>_replay), plus the programs the tests start.
mapfile -t tests < <(ctest --test-dir build/asan -N -L "$labels" "${exclude[@]}" "$@" 2>/dev/null |
                     sed -n 's/^ *Test *#[0-9]*: *\(Test[A-Za-z0-9_]*\|fuzz_[a-z_]*\)$/\1/p')
read -r -a targets <<< "${MADO_SANITIZE_PROGRAMS-madoguchi-cli madoguchi-receiver madoguchi-linesim madoguchi-loadgen}"
for t in "${tests[@]}"; do
    # A `_pg` test runs its suite's executable again against the throwaway PostgreSQL cluster.
    case $t in fuzz_*) targets+=("${t}_replay") ;; *_pg) targets+=("${t%_pg}") ;; *) targets+=("$t") ;; esac
done
mapfile -t targets < <(printf '%s\n' "${targets[@]}" | awk 'NF && !seen[$0]++')
echo "sanitize: building ${#tests[@]} tests: ${tests[*]}"
cmake --build build/asan -j"$jobs" --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if [ -f "$here/lsan.supp" ]; then export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}; fi
set +e
ctest --test-dir build/asan -L "$labels" "${exclude[@]}" --output-on-failure -j"$jobs" "$@" 2>&1 |
    tee build/asan/sanitize.log
status=${PIPESTATUS[0]}
set -e
grep -E '^[0-9]+% tests passed' build/asan/sanitize.log || true
exit "$status"
