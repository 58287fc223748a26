#!/usr/bin/env bash
# Runs a command with a private virtual display (Xvfb) for the desktop app.
set -euo pipefail
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY="$display"
sleep 1
"$@"
