#!/usr/bin/env bash
# Desktop benchmarks on release builds (not part of `make test`): cold start and
# memory beside a bare Tauri window built the same way, search and filters at
# 1,000,000 contacts, the team-consult preview of a heavy and a typical quarter.
# `make bench-app` runs `make release` first: the one release build the packages use.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v tauri-driver >/dev/null || cargo install tauri-driver --version '^2' --locked --quiet
cargo build --release --locked --quiet -p naast-floor --features naast-floor/custom-protocol
scripts/with-display.sh scripts/with-keyring.sh cargo bench --quiet -p naast-e2e --bench app
