"""Draws the app icons (a white K on the Kinerja blue) as PNG, with no image library:
python3 frontend/icons/make_icons.py writes frontend/static/icon-192.png and icon-512.png.
The K keeps inside the middle 60 %, so the same files serve as maskable icons."""
import struct
import zlib
from pathlib import Path

BLUE = (0x1F, 0x4E, 0x79)
WHITE = (0xFF, 0xFF, 0xFF)
# The K in fractions of the side: the stem and the two arms.
SHAPES = [
    [(0.30, 0.24), (0.41, 0.24), (0.41, 0.76), (0.30, 0.76)],
    [(0.41, 0.50), (0.60, 0.24), (0.73, 0.24), (0.51, 0.53), (0.73, 0.76), (0.60, 0.76), (0.45, 0.56)],
]


def inside(x, y, poly):
    hit = False
    j = len(poly) - 1
    for i, (xi, yi) in enumerate(poly):
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def png(side):
    rows = []
    for py in range(side):
        row = bytearray([0])
        for px in range(side):
            x, y = (px + 0.5) / side, (py + 0.5) / side
            row += bytes(WHITE if any(inside(x, y, s) for s in SHAPES) else BLUE)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


out = Path(__file__).resolve().parent.parent / "static"
for side in (192, 512):
    (out / f"icon-{side}.png").write_bytes(png(side))
