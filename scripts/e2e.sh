#!/usr/bin/env bash
# End-to-end tests: the real app binary in the real webview. Installs tauri-driver
# if missing, builds the app, starts a virtual display, and runs tests/e2e inside a
# D-Bus session with an unlocked keyring. Screenshots land in target/screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v tauri-driver >/dev/null; then
  echo "e2e: installing tauri-driver (once)"
  cargo install tauri-driver --version '^2' --locked --quiet
fi
cargo build --quiet -p naast-app

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY="$display"
sleep 1
rm -rf target/screenshots
scripts/with-keyring.sh cargo test --quiet -p naast-e2e -- --test-threads=1
