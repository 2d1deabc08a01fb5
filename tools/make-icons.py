#!/usr/bin/env python3
"""Draws Beacon's Teams app icons (manifest/color.png 192x192, manifest/outline.png 32x32).

A lighthouse with two light beams. Pure Python (zlib + struct), 4x4 supersampling, so the
icons are reproducible: `python3 tools/make-icons.py` rewrites both files.
"""
import os
import struct
import zlib

ACCENT = (0x1F, 0x4E, 0x79)
WHITE = (255, 255, 255)
LIGHT = (0xFF, 0xC8, 0x3D)
RED = (0xC8, 0x3A, 0x2E)


def png(path, width, height, rows):
    """rows: list of lists of (r, g, b, a)."""
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def inside_polygon(x, y, points):
    result = False
    j = len(points) - 1
    for i in range(len(points)):
        xi, yi = points[i]
        xj, yj = points[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            result = not result
        j = i
    return result


def shapes(unit):
    """The lighthouse in a 0..1 square, as (polygon, colour) layers painted in order."""
    s = unit
    tower = [(0.40, 0.40), (0.60, 0.40), (0.66, 0.86), (0.34, 0.86)]
    band1 = [(0.385, 0.52), (0.615, 0.52), (0.627, 0.60), (0.373, 0.60)]
    band2 = [(0.362, 0.70), (0.638, 0.70), (0.650, 0.78), (0.350, 0.78)]
    lamp = [(0.42, 0.28), (0.58, 0.28), (0.58, 0.38), (0.42, 0.38)]
    gallery = [(0.37, 0.38), (0.63, 0.38), (0.63, 0.42), (0.37, 0.42)]
    roof = [(0.40, 0.28), (0.50, 0.17), (0.60, 0.28)]
    base = [(0.22, 0.86), (0.78, 0.86), (0.78, 0.90), (0.22, 0.90)]
    beam_left = [(0.42, 0.31), (0.08, 0.20), (0.08, 0.44), (0.42, 0.35)]
    beam_right = [(0.58, 0.31), (0.92, 0.20), (0.92, 0.44), (0.58, 0.35)]
    return s, tower, band1, band2, lamp, gallery, roof, base, beam_left, beam_right


def color_icon(size):
    _, tower, band1, band2, lamp, gallery, roof, base, bl, br = shapes(1)
    layers = [
        (bl, LIGHT), (br, LIGHT), (tower, WHITE), (band1, RED), (band2, RED),
        (gallery, WHITE), (lamp, LIGHT), (roof, RED), (base, WHITE),
    ]
    return render(size, ACCENT, layers, opaque=True)


def outline_icon(size):
    # White on transparent: the same silhouette, bands and lamp cut out so it reads at 32 px.
    _, tower, band1, band2, lamp, gallery, roof, base, bl, br = shapes(1)
    layers = [(bl, WHITE), (br, WHITE), (tower, WHITE), (band1, None), (gallery, WHITE), (roof, WHITE), (base, WHITE)]
    return render(size, None, layers, opaque=False)


def render(size, background, layers, opaque):
    n = 4  # supersampling
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            acc = [0.0, 0.0, 0.0]
            cover = 0
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) / size
                    y = (py + (sy + 0.5) / n) / size
                    colour = background
                    painted = False
                    for poly, c in layers:
                        if inside_polygon(x, y, poly):
                            colour = c if c is not None else background
                            painted = c is not None
                    if colour is not None and (opaque or painted):
                        cover += 1
                        for k in range(3):
                            acc[k] += colour[k]
            samples = n * n
            if opaque:
                row.append(tuple(round(a / samples) for a in acc) + (255,))
            elif cover == 0:
                row.append((0, 0, 0, 0))
            else:
                # Outline icons must be pure white; coverage goes into alpha only.
                row.append((255, 255, 255, round(255 * cover / samples)))
        rows.append(row)
    return rows


if __name__ == "__main__":
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "manifest")
    png(os.path.join(here, "color.png"), 192, 192, color_icon(192))
    png(os.path.join(here, "outline.png"), 32, 32, outline_icon(32))
    print("wrote manifest/color.png and manifest/outline.png")
