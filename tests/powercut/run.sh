#!/usr/bin/env bash
# The power-cut harness (see the README's "Power cuts"): `make test-powercut
# ROUNDS=N` runs N rounds (30 by default), `make test` a short form of one round per
# workload. Everything it makes goes under target/powercut/: Debian's cloud kernel
# taken out of its .deb (never installed as the host's kernel), the initramfs with
# busybox and the release `naast` built by `make release`, the disks, the logs.
# Usage: run.sh ROUNDS [harness options...]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-30}
shift || true
out=target/powercut
naast=target/release/naast
[ -x "$naast" ] || { echo "powercut: $naast is missing; run make release first" >&2; exit 1; }
mkdir -p "$out/kernel"

# The kernel: the newest linux-image-*-cloud-amd64 Debian offers (NVMe, ext4 and the
# serial console built in), unpacked once.
if [ ! -s "$out/kernel/vmlinuz" ]; then
  pkg=$(apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-/ {print $2; exit}')
  [ -n "$pkg" ] || { echo "powercut: no linux-image-cloud-amd64 in apt's lists (apt-get update?)" >&2; exit 1; }
  deb=$(mktemp -d "$out/kernel/deb.XXXXXX")
  (cd "$deb" && apt-get download -q "$pkg" 2>/dev/null) || { echo "powercut: could not download $pkg" >&2; exit 1; }
  dpkg-deb -x "$deb"/*.deb "$deb/x"
  cp "$deb"/x/boot/vmlinuz-* "$out/kernel/vmlinuz.tmp"
  mv "$out/kernel/vmlinuz.tmp" "$out/kernel/vmlinuz"
  echo "$pkg" > "$out/kernel/package"
  rm -rf "$deb"
fi

# One folder per kind of run, so that `make test`'s short form and a long run can
# go on side by side.
run=${POWERCUT_RUN:-long}
tests/powercut/initramfs.sh "$naast" "$PWD/$out/initramfs-$run.gz"
exec python3 tests/powercut/harness.py --rounds "$rounds" --kernel "$out/kernel/vmlinuz" \
  --initrd "$out/initramfs-$run.gz" --naast "$naast" --out "$out/$run" "$@"
