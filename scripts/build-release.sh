#!/usr/bin/env bash
# The one release build of Naast: the desktop app and the `naast` command line in a
# single cargo run, so their shared crates (SQLCipher, OpenSSL, the core) compile
# once. `make package` bundles its output and `make bench-app` can measure it;
# nothing else in `make test` builds release. The app is built as `tauri build`
# builds it (the UI served from the files embedded in the binary). `make release`
# builds the UI first (ui/dist is compiled into the app).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet \
  -p naast-app --bin naast-app \
  -p naast --bin naast \
  --features naast-app/custom-protocol
