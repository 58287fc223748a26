#!/usr/bin/env bash
# `make windows`: Naast for x86_64 Windows, cross-compiled here with MinGW-w64 (the
# GNU target: Microsoft's MSVC tools cannot be fetched on this machine). One cargo
# run builds both exes, so SQLCipher, OpenSSL and the core compile once for Windows;
# the UI is the ui/dist that `make ui` built for the Linux app (run by `make
# windows` first). Into target/windows/:
#   naast-app.exe        the desktop app (the UI embedded, the icon and version in it)
#   naast.exe            the command line, same arguments as on Linux
#   WebView2Loader.dll   what the GNU build of the app loads WebView2 through (MSVC
#                        builds link it in; MinGW cannot), from the webview2-com-sys crate
#   Naast-<version>-windows-x64.zip   the three, stripped, with LEESMIJ-IT.txt
#
# `scripts/build-windows.sh cli` (`make windows-cli`, what `make test`'s short Windows
# set needs) builds naast.exe alone into target/windows/: 92 crates for Windows, not
# the app's 284, no UI, no zip.
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
out=target/windows
if [ "${1:-}" = cli ]; then
  cargo build --release --locked --quiet --target "$target" -p naast --bin naast
  mkdir -p "$out"
  cp "target/$target/release/naast.exe" "$out/"
  ls -l "$out/naast.exe" | awk '{ printf "windows: %s (%.1f MiB)\n", $NF, $5 / 1048576 }'
  exit 0
fi
[ -f ui/dist/index.html ] || { echo "build-windows: ui/dist is missing; run 'make windows'" >&2; exit 1; }

cargo build --release --locked --quiet --target "$target" \
  -p naast-app --bin naast-app \
  -p naast --bin naast \
  --features naast-app/custom-protocol

rel=target/$target/release
# The loader the build linked against: webview2-com-sys copies it into its OUT_DIR.
loader=$(ls -t "$rel"/build/webview2-com-sys-*/out/x64/WebView2Loader.dll | head -1)
rm -rf "$out"
mkdir -p "$out"
cp "$rel/naast-app.exe" "$rel/naast.exe" "$loader" "$out/"

# The zip an IT department deploys: stripped copies (the release profile keeps line
# tables for profiling), the loader, and what they need to know.
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
stage=$out/zip/Naast
mkdir -p "$stage"
for exe in naast-app.exe naast.exe; do
  x86_64-w64-mingw32-strip -o "$stage/$exe" "$out/$exe"
done
cp "$loader" "$stage/"
cp packaging/windows/LEESMIJ-IT.txt "$stage/"
cp packaging/linux/copyright "$stage/COPYRIGHT.txt"
zip_name=Naast-$version-windows-x64.zip
(cd "$out/zip" && rm -f "../$zip_name" && zip -q -X -r "../$zip_name" Naast)
rm -rf "$out/zip"
ls -l "$out"/*.exe "$out"/*.dll "$out/$zip_name" | awk '{ printf "windows: %s (%.1f MiB)\n", $NF, $5 / 1048576 }'
