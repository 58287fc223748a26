#!/usr/bin/env bash
# `make test`'s package step (after `make package`): unpacks the .deb into a
# temporary root with `dpkg-deb -x`, as if installed there, validates its desktop
# entry, runs its `naast --version`, then tests/e2e/tests/package.rs: the unpacked
# app started under Xvfb through WebDriver to its first screen and its About, the
# unpacked CLI, the icons and the copyright, and the .rpm read back with rpm.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

deb=$(ls target/package/release/bundle/deb/naast_*.deb)
rpm=$(ls target/package/release/bundle/rpm/naast-*.rpm)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
desktop-file-validate "$root/usr/share/applications/naast.desktop"
echo "package-test: $("$root/usr/bin/naast" --version), unpacked from $deb"

rm -f target/screenshots/package-*.png
NAAST_PACKAGE_ROOT="$root" NAAST_PACKAGE_DEB="$PWD/$deb" NAAST_PACKAGE_RPM="$PWD/$rpm" \
  scripts/with-display.sh scripts/with-keyring.sh \
  cargo test --quiet -p naast-e2e --test package -- --ignored --test-threads=1
