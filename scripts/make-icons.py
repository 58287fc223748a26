#!/usr/bin/env python3
"""Draws Naast's icon: two discs side by side on a calm teal tile ("naast" means
beside). Pure standard library, so anyone can regenerate it: python3 scripts/make-icons.py"""
import math, struct, zlib, pathlib

TEAL = (22, 94, 99)
LIGHT = (236, 244, 242)
SOFT = (150, 196, 190)

def pixel(x, y, n):
    u, v = (x + 0.5) / n, (y + 0.5) / n
    r = 0.2  # corner radius of the tile
    dx, dy = max(r - u, 0, u - (1 - r)), max(r - v, 0, v - (1 - r))
    if math.hypot(dx, dy) > r:
        return (0, 0, 0, 0)
    for cx, col in ((0.39, SOFT), (0.61, LIGHT)):
        if math.hypot(u - cx, v - 0.5) < 0.2:
            return col + (255,)
    return TEAL + (255,)

def png(n):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, n)) for x in range(n)) for y in range(n))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")

# The sizes of the freedesktop hicolor theme, which the Linux packages install under
# /usr/share/icons/hicolor/NxN/apps/, plus the names Tauri's other bundlers look for
# (128x128@2x.png for macOS, icon.png as the source for `tauri icon`).
SIZES = [(f"{n}x{n}.png", n) for n in (16, 32, 48, 64, 128, 256, 512)]
SIZES += [("128x128@2x.png", 256), ("icon.png", 512)]

out = pathlib.Path(__file__).resolve().parent.parent / "icons"
for name, n in SIZES:
    (out / name).write_bytes(png(n))

# Windows: one .ico with the sizes Explorer, the taskbar and the title bar use, each
# a PNG inside (Windows Vista and later read those); tauri-build puts it in the exe.
ico_sizes = (16, 24, 32, 48, 64, 128, 256)
images = [png(n) for n in ico_sizes]
head = struct.pack("<HHH", 0, 1, len(images))
offset = len(head) + 16 * len(images)
entries = b""
for n, data in zip(ico_sizes, images):
    entries += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
(out / "icon.ico").write_bytes(head + entries + b"".join(images))
