#!/usr/bin/env bash
# The TypeScript types in ui/src/bindings are generated from Rust by ts-rs when the
# tests run. If a test run changed them, the committed ones were stale: fail.
set -euo pipefail
cd "$(dirname "$0")/.."
changes=$(git status --porcelain -- ui/src/bindings)
if [ -n "$changes" ]; then
  echo "ui/src/bindings is stale; commit the regenerated files:" >&2
  echo "$changes" >&2
  exit 1
fi
echo "bindings: up to date"
