#!/usr/bin/env bash
# Makes (once) the Wine prefix the Windows tests run in, target/wine/prefix, and
# prints the environment that runs naast.exe there, as `export` lines for `eval`.
#
# Headless: no display, no Mono or Gecko (asked for at the first start otherwise), no
# debug chatter. Wine 8.0 lacks bcryptprimitives.dll, which Rust's standard library
# calls on Windows 10 and later; tests/wine/bcryptprimitives.c, a stand-in built here
# with MinGW, goes into this prefix's system32 only (never beside naast.exe, never in
# a package: Windows has the real one).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
wine=/usr/lib/wine/wine64
[ -x "$wine" ] || { echo "wine-prefix: $wine is missing; run scripts/setup-windows.sh" >&2; exit 1; }
prefix=$root/target/wine/prefix
export WINEPREFIX=$prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
unset DISPLAY WAYLAND_DISPLAY

if [ ! -f "$prefix/system.reg" ]; then
  mkdir -p "$prefix"
  echo "wine-prefix: making $prefix" >&2
  "$wine" wineboot --init >/dev/null 2>&1
  /usr/lib/wine/wineserver64 -w
fi
dll=$prefix/drive_c/windows/system32/bcryptprimitives.dll
src=tests/wine/bcryptprimitives.c
if [ ! -f "$dll" ] || [ "$src" -nt "$dll" ]; then
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$dll" "$src" -ladvapi32
fi
# What the keyring tests read the Credential Manager with (secret-tool's part under
# Wine): tests/wine/credentials.c, beside the prefix, not in it.
creds=$root/target/wine/credentials.exe
if [ ! -f "$creds" ] || [ tests/wine/credentials.c -nt "$creds" ]; then
  x86_64-w64-mingw32-gcc -O2 -municode -s -o "$creds" tests/wine/credentials.c -ladvapi32
fi
# One wineserver for the whole run (it would otherwise start and stop with every
# naast.exe); it leaves by itself 10 minutes after the last Windows process.
/usr/lib/wine/wineserver64 -p600 2>/dev/null || true  # already running: it stays
# Wine's own services (services.exe, explorer, rpcss…) start with the first Windows
# process and live as long as the wineserver. Started by a test they would inherit
# its stderr and hold the pipe of `make test | tee` open for those 10 minutes after
# the last test (measured: `cargo test … files:: 2>&1 | tail` under Wine ended 10 min
# after its tests passed in 0.2 s); started here, they hold nothing.
"$wine" wineboot </dev/null >/dev/null 2>&1

cat <<ENV
export WINEPREFIX='$prefix' WINEDEBUG=-all WINEDLLOVERRIDES='mscoree,mshtml=' WINEARCH=win64
export NAAST_TEST_RUNNER='$wine'
export NAAST_TEST_WINE_C='$prefix/drive_c'
export NAAST_TEST_WINE_CREDENTIALS='$creds'
ENV
