#!/usr/bin/env python3
"""Writes madoguchi.png (256x256), the PNG twin of madoguchi.svg (the same rectangles, no
rounded corners' antialiasing), with the standard library only: build-appimage.sh needs a PNG
for .DirIcon and no rasteriser is installed."""
import struct
import sys
import zlib

SIZE = 256
BLUE, WHITE, PANE, BAR = (0x1F, 0x5F, 0x9E), (255, 255, 255), (0x9C, 0xC6, 0xEA), (0xF2, 0xB2, 0x33)
# (x, y, width, height, colour), drawn in order, as in the SVG.
RECTS = [(48, 48, 160, 136, WHITE), (60, 60, 62, 50, PANE), (134, 60, 62, 50, PANE),
         (60, 122, 62, 50, PANE), (134, 122, 62, 50, PANE), (36, 196, 184, 20, BAR)]


def inside_rounded(x, y, left=8, top=8, size=240, radius=40):
    cx = min(max(x, left + radius), left + size - radius)
    cy = min(max(y, top + radius), top + size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius and left <= x < left + size and top <= y < top + size


def pixel(x, y):
    colour = None
    if inside_rounded(x + 0.5, y + 0.5):
        colour = BLUE
    for rx, ry, rw, rh, c in RECTS:
        if rx <= x < rx + rw and ry <= y < ry + rh:
            colour = c
    return (0, 0, 0, 0) if colour is None else colour + (255,)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
with open(sys.argv[1] if len(sys.argv) > 1 else "madoguchi.png", "wb") as out:
    out.write(png)
