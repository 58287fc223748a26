#!/usr/bin/env bash
# `make test-windows` (part of `make test`, after `make windows`): the Windows build
# proven as far as this machine can, under Wine (headless, its own prefix in
# target/wine, see scripts/wine-prefix.sh):
#   1. the core's Windows file code (owner-only DACLs, MoveFileExW, short names…):
#      the files module's unit tests built for Windows and run under Wine;
#   2. the command line's integration tests again, against target/windows/naast.exe
#      (tests/common/cli.rs: NAAST_TEST_EXE + NAAST_TEST_RUNNER), and the keyring's
#      and rekey's tests that drive the binary (keyring mode through Wine's Credential
#      Manager, read back with tests/wine/credentials.c; rekey killed 30 times);
#   3. naast-app.exe: its resources, its embedded UI, and a start under Wine that
#      must end in the "WebView2 is missing" message, not a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
eval "$(scripts/wine-prefix.sh)"
export NAAST_TEST_EXE=$PWD/target/windows/naast.exe
[ -f "$NAAST_TEST_EXE" ] || { echo "test-windows: $NAAST_TEST_EXE is missing; run 'make windows'" >&2; exit 1; }

echo "test-windows: the files module under Wine"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=$NAAST_TEST_RUNNER \
  cargo test --release --locked --quiet --target x86_64-pc-windows-gnu -p naast --lib files::

echo "test-windows: the CLI's tests against $NAAST_TEST_EXE under Wine"
# The same selection and features as `make unit`, so its test binaries are reused.
cargo test --locked --quiet --workspace --exclude naast-e2e \
  --test cli --test cli_about --test cli_backup --test cli_summary --test cli_windows \
  --test keyring --test rekey

echo "test-windows: naast-app.exe"
NAAST_WINDOWS_DIR=$PWD/target/windows scripts/with-display.sh \
  cargo test --locked --quiet -p naast-e2e --test windows_app -- --ignored --test-threads=1
echo "test-windows: $((SECONDS - start)) s"
