#!/usr/bin/env bash
# The Windows build proven as far as this machine can, under Wine (headless, its own
# prefix in target/wine, see scripts/wine-prefix.sh). Two sets:
#
#   full   (`make test-windows`, after `make windows`; what `make test` runs)
#   1. the core's Windows file code (owner-only DACLs, MoveFileExW, short names…):
#      the files module's unit tests built for Windows and run under Wine;
#   2. the command line's integration tests again, against target/windows/naast.exe
#      (tests/common/cli.rs: NAAST_TEST_EXE + NAAST_TEST_RUNNER), and the keyring's
#      and rekey's tests that drive the binary (keyring mode through Wine's Credential
#      Manager, read back with tests/wine/credentials.c; rekey killed 30 times);
#   3. naast-app.exe: its resources, its embedded UI, and a start under Wine that
#      must end in the "WebView2 is missing" message, not a crash.
#
#   short  (`make test-windows-short`, after `make windows-cli`; `make test
#          WINDOWS_TESTS=short`): 1 and 2, all of it (cli_windows among them: a folder with
#          spaces and accents, keyring mode and rekey through the Credential Manager,
#          %APPDATA%, Windows spellings of the vault's files, kills during saves).
#          Not the app: its 190 more crates for Windows are most of a cold build.
#
# Each step prints its seconds, and the whole its total.
set -euo pipefail
cd "$(dirname "$0")/.."
set_=${1:-full}
case $set_ in full|short) ;; *) echo "test-windows: full or short, not '$set_'" >&2; exit 2 ;; esac
start=$SECONDS
step() { echo "test-windows: $1: $((SECONDS - t)) s"; }
t=$SECONDS
eval "$(scripts/wine-prefix.sh)"
export NAAST_TEST_EXE=$PWD/target/windows/naast.exe
[ -f "$NAAST_TEST_EXE" ] || { echo "test-windows: $NAAST_TEST_EXE is missing; run 'make windows'" >&2; exit 1; }
step "the Wine prefix"

echo "test-windows ($set_): the files module under Wine"
t=$SECONDS
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=$NAAST_TEST_RUNNER \
  cargo test --release --locked --quiet --target x86_64-pc-windows-gnu -p naast --lib files::
step "the files module (build and run)"

# Every test file that drives the binary (tests/common/cli.rs); a new one is added here.
tests=(--test cli --test cli_about --test cli_backup --test cli_import --test cli_stdin
       --test cli_summary --test cli_summary_pdf --test cli_windows --test audit
       --test goal --test cli_goal_print --test log_anchor --test whose --test keyring
       --test rekey)
echo "test-windows ($set_): the CLI's tests against $NAAST_TEST_EXE under Wine"
t=$SECONDS
# The same selection and features as `make unit`, so its test binaries are reused.
cargo test --locked --quiet --workspace --exclude naast-e2e "${tests[@]}"
step "the CLI's tests (${tests[*]})"

if [ "$set_" = full ]; then
  echo "test-windows: naast-app.exe"
  t=$SECONDS
  NAAST_WINDOWS_DIR=$PWD/target/windows scripts/with-display.sh \
    cargo test --locked --quiet -p naast-e2e --test windows_app -- --ignored --test-threads=1
  step "naast-app.exe"
fi
echo "test-windows ($set_): $((SECONDS - start)) s"
