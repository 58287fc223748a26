#!/usr/bin/env bash
# `make run`: builds the naast command line and opens a demo vault in a throw-away
# folder (passphrase mode, so it works with or without a keyring), then shows what
# is in it. The desktop app will replace this once it lands.
set -euo pipefail
cargo build --quiet --bin naast
naast=target/debug/naast
dir="${NAAST_DEMO_DIR:-target/demo}"
mkdir -p "$dir"
export NAAST_VAULT="$dir/demo.naast"
pw="$dir/passphrase.txt"
if [ ! -f "$NAAST_VAULT" ]; then
  echo "demo-wachtwoordzin" > "$pw"
  $naast init --passphrase-file "$pw"
  $naast demo --people 8 --contacts 120 --passphrase-file "$pw"
fi
$naast person list --passphrase-file "$pw"
echo
$naast search uitkering --limit 3 --passphrase-file "$pw"
echo
echo "Demo vault: $NAAST_VAULT (passphrase in $pw). Try: NAAST_VAULT=$NAAST_VAULT $naast --passphrase-file $pw contact list"
