#!/usr/bin/env bash
# Runs a command with a private virtual display (Xvfb) for the desktop app.
# Xvfb picks a free display itself (-displayfd) and writes its number once it takes
# connections: two runs at once never share a display, and none starts too early.
set -euo pipefail
ready=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$ready" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -f "$ready"' EXIT
for _ in $(seq 200); do
  grep -qx '[0-9]\+' "$ready" && break
  kill -0 "$xvfb" 2>/dev/null || { echo "with-display: Xvfb did not start" >&2; exit 1; }
  sleep 0.05
done
grep -qx '[0-9]\+' "$ready" || { echo "with-display: Xvfb gave no display in 10 s" >&2; exit 1; }
export DISPLAY=":$(head -1 "$ready")"
"$@"
