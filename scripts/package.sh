#!/usr/bin/env bash
# `make package`: the .deb and the .rpm, from the release build that
# scripts/build-release.sh made (run through `make package`, which builds it
# first). Bundled by the Tauri CLI pinned in ui/package.json, offline: only the deb
# and rpm bundlers, which need no download (the AppImage one fetches its tools at
# build time; src-tauri/tauri.conf.json lists it for a builder with network).
#
# The dependencies are read from the binaries themselves, not kept by hand: the
# .deb gets what dpkg-shlibdeps derives from the libraries they link (as Debian's
# own packages do), the .rpm one `soname()(64bit)` per linked library (as rpm's
# own find-requires does). Then lintian checks the .deb and fails on any error.
set -euo pipefail
cd "$(dirname "$0")/.."

# The release profile keeps line tables (debug = 1) for profiling and benchmarks;
# the packages get stripped copies, as Debian's own binaries are (184 MB of app
# becomes about 20). The bundler reads the main binary from <target>/release, so
# it runs with target/package as its target folder.
stage=target/package/release
rm -rf target/package
mkdir -p "$stage"
for b in naast-app naast; do
  [ -x "target/release/$b" ] || { echo "package: target/release/$b is missing; run 'make package'" >&2; exit 1; }
  strip --remove-section=.comment --remove-section=.note -o "$stage/$b" "target/release/$b"
done
app=$stage/naast-app
cli=$stage/naast

deps=$(mktemp -d)
trap 'rm -rf "$deps"' EXIT
# dpkg-shlibdeps wants to run inside a source package; an empty control file is
# enough for it to read the binaries.
mkdir -p "$deps/debian"
: > "$deps/debian/control"
if ! shlibs=$(cd "$deps" && dpkg-shlibdeps -O "$OLDPWD/$app" "$OLDPWD/$cli" 2>"$deps/log"); then
  cat "$deps/log" >&2
  exit 1
fi
deb_depends=$(sed -n 's/^shlibs:Depends=//p' <<<"$shlibs")
[ -n "$deb_depends" ] || { echo "package: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
needed=$( { objdump -p "$app"; objdump -p "$cli"; } | awk '$1 == "NEEDED" { print $2 }' | sort -u)

# Tauri adds libwebkit2gtk-4.1-0 and libgtk-3-0 (and their sonames for the rpm) on
# its own; the versioned ones from dpkg-shlibdeps stay, the rpm's are not repeated.
config=$(DEB="$deb_depends" NEEDED="$needed" python3 -c '
import json, os
deb = [d.strip() for d in os.environ["DEB"].split(",") if d.strip()]
tauri_adds = {"libwebkit2gtk-4.1.so.0", "libgtk-3.so.0"}
rpm = [f"{n}()(64bit)" for n in os.environ["NEEDED"].split() if n not in tauri_adds]
print(json.dumps({"bundle": {"linux": {"deb": {"depends": deb}, "rpm": {"depends": rpm}}}}))
')

# --no-binary-patching: the packaged app is the stripped release build as it is
# (the patch only marks the bundle type for Tauri's updater, which Naast does not use).
(cd src-tauri && CARGO_TARGET_DIR="$PWD/../target/package" ../ui/node_modules/.bin/tauri bundle \
  --ci --bundles deb,rpm --no-binary-patching --config "$config")

deb=$(ls "$stage"/bundle/deb/*.deb)
rpm=$(ls "$stage"/bundle/rpm/*.rpm)
echo "package: lintian $deb"
lintian --fail-on error --tag-display-limit 0 "$deb"
echo "package: depends: $(dpkg-deb -f "$deb" Depends)"
ls -l "$deb" "$rpm" | awk '{ printf "package: %s (%.1f MiB)\n", $NF, $5 / 1048576 }'
