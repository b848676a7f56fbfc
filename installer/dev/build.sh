#!/usr/bin/env bash
# Installs what is missing (Debian packages, dlib models and sample photos), then configures and
# builds Madoguchi with a CMake preset. Safe to rerun. Used by run.sh and test.sh.
# Preset: $MADO_PRESET, else "ci" when CI=true (warnings are errors), else "dev".
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"

"$here/install-deps.sh"
"$here/fetch-models.sh"

if [ -z "${MADO_PRESET:-}" ]; then
    if [ "${CI:-}" = "true" ]; then MADO_PRESET=ci; else MADO_PRESET=dev; fi
fi
export MADO_PRESET
cmake --preset "$MADO_PRESET" >/dev/null
cmake --build --preset "$MADO_PRESET" -j"$(nproc)"
