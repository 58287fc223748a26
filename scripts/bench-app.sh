#!/usr/bin/env bash
# Desktop benchmarks (not part of `make test`): cold start beside a bare Tauri
# window, memory with 100,000 contacts on Review, filter and typing latency.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v tauri-driver >/dev/null || cargo install tauri-driver --version '^2' --locked --quiet
cargo build --quiet -p naast-app -p naast-floor
cargo build --quiet --bin naast
scripts/with-display.sh scripts/with-keyring.sh cargo bench --quiet -p naast-e2e --bench app
