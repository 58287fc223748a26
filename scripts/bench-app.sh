#!/usr/bin/env bash
# Desktop benchmarks (not part of `make test`): cold start beside a bare Tauri
# window, memory with 100,000 contacts on Review, filter and typing latency.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v tauri-driver >/dev/null || cargo install tauri-driver --version '^2' --locked --quiet
cargo build --quiet -p naast-app -p naast-floor
cargo build --quiet --bin naast
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY="$display"
sleep 1
scripts/with-keyring.sh cargo bench --quiet -p naast-e2e --bench app
