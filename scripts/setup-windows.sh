#!/usr/bin/env bash
# Installs what the Windows build and its tests under Wine need, and nothing that is
# already there: MinGW-w64 (the C compiler for the vendored SQLCipher and OpenSSL,
# the linker, windres for the exe's icon and version), Wine (the CLI's tests run
# against naast.exe under it), NSIS (makensis, for the installer) and Rust's
# x86_64-pc-windows-gnu target. Run by scripts/setup.sh; safe to run again.
set -euo pipefail

packages=(gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 binutils-mingw-w64-x86-64 wine64 nsis zip)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-windows: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
  echo "setup-windows: adding the Rust target x86_64-pc-windows-gnu"
  rustup target add x86_64-pc-windows-gnu
fi
