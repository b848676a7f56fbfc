#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test (ctest).
# Extra arguments go to ctest, e.g. `installer/dev/test.sh -L core`.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$here/build.sh"
if [ -z "${MADO_PRESET:-}" ]; then
    if [ "${CI:-}" = "true" ]; then MADO_PRESET=ci; else MADO_PRESET=dev; fi
fi
cd "$here/../.."
ctest --preset "$MADO_PRESET" "$@"
