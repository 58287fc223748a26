#!/usr/bin/env bash
# Builds the web UI into ui/dist, which the Tauri shell embeds at compile time.
set -euo pipefail
cd "$(dirname "$0")/../ui"
npm run --silent build -- --logLevel warn
