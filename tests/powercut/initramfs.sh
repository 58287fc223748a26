#!/usr/bin/env bash
# Builds the power-cut guest's initramfs: Debian's static busybox, the release `naast`
# with every shared library `ldd` names (and the loader), and `guest-init` as /init.
# Usage: initramfs.sh NAAST_BINARY OUT.cpio.gz. Nothing here is committed: the image
# is made at test time under target/.
set -euo pipefail
naast=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
busybox=/bin/busybox
if ldd "$busybox" >/dev/null 2>&1; then echo "initramfs: $busybox is not static (install busybox-static)" >&2; exit 1; fi
root=$(mktemp -d "${out%/*}/initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,dev,proc,sys,mnt,tmp,etc}
cp "$busybox" "$root/bin/busybox"
for tool in sh mount umount poweroff sync cat echo sleep mkdir ls sha256sum cp rm tr grep sed head tail wc date dd mv; do
  ln -s busybox "$root/bin/$tool"
done
# Without its debug sections: a third of the size, the same code.
strip --strip-debug -o "$root/bin/naast" "$naast" 2>/dev/null || cp "$naast" "$root/bin/naast"
# The libraries the release binary links, at the paths its loader looks for them.
ldd "$naast" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | while read -r lib; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
cp "$here/guest-init" "$root/init"
chmod 755 "$root/init"
(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet) | gzip -1 > "$out.tmp"
mv "$out.tmp" "$out"
