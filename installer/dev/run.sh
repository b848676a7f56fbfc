#!/usr/bin/env bash
# The main job: installs what is missing, builds, and starts the workstation.
# Without a display ($DISPLAY / $WAYLAND_DISPLAY) it runs under a virtual X server (xvfb-run).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$here/build.sh"
if [ -z "${MADO_PRESET:-}" ]; then
    if [ "${CI:-}" = "true" ]; then MADO_PRESET=ci; else MADO_PRESET=dev; fi
fi
bin="$here/../../build/$MADO_PRESET/app/madoguchi"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$bin" "$@"
fi
echo "run: no display found; starting the workstation under xvfb-run (virtual screen)"
exec xvfb-run -a -s "-screen 0 1280x800x24" "$bin" "$@"
