#!/usr/bin/env bash
# The main job: installs what is missing, builds, and starts the demo: the LINE simulator and the
# receiver on loopback, demo applications, a case store with demo accounts, and the workstation
# (see installer/dev/demo.sh). Without a display ($DISPLAY / $WAYLAND_DISPLAY) the workstation
# runs under a virtual X server (xvfb-run).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$here/build.sh"
if [ -z "${MADO_PRESET:-}" ]; then
    if [ "${CI:-}" = "true" ]; then MADO_PRESET=ci; else MADO_PRESET=dev; fi
fi
build="$here/../../build/$MADO_PRESET"
if [ "$(id -u)" -eq 0 ]; then
    export QTWEBENGINE_DISABLE_SANDBOX=1 # Qt WebEngine (certificates) refuses its sandbox as root
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$here/demo.sh" "$build"
fi
echo "run: no display found; starting the workstation under xvfb-run (virtual screen)"
exec xvfb-run -a -s "-screen 0 1280x800x24" "$here/demo.sh" "$build"
