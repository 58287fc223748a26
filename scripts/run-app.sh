#!/usr/bin/env bash
# `make run`: builds the UI and the desktop app and opens it on your own vault
# (~/.local/share/naast/vault.naast, or NAAST_VAULT).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-ui.sh
exec cargo run --quiet -p naast-app
