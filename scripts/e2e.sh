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
cargo build --quiet -p naast-app --bin naast-app
cargo build --quiet -p naast --bin naast

rm -rf target/screenshots
scripts/with-display.sh scripts/with-keyring.sh cargo test --quiet -p naast-e2e -- --test-threads=1
