#!/usr/bin/env python3
"""Second, independent PNG writer for the oracle corpus, written from the PNG specification (W3C PNG 3rd
edition, sections 7-12) with only the standard library (zlib). It writes what pngjs cannot: palette images
(colour type 3), grey at 1/2/4 bits, tRNS chunks and Adam7 interlacing, and every filter type (0-4, rotated
per row, so Average gets exercised too).

Usage: python3 spec_png_writer.py OUT_DIR  -> writes the PNGs and prints one JSON line per file with the
alpha plane this writer meant (8-bit, samples scaled like pngjs: floor(v*255/max + 0.5)), which
make-corpus.mjs checks against pngjs's decoding before recording it.
"""

import hashlib
import json
import os
import struct
import sys
import zlib

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class Lcg:
    """Deterministic numbers, so regenerating gives the same files."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def pack_row(samples, bit_depth):
    """Packs a row of samples MSB first (spec 7.2); 16-bit samples big-endian."""
    if bit_depth == 16:
        return b"".join(struct.pack(">H", s) for s in samples)
    if bit_depth == 8:
        return bytes(samples)
    out, acc, nbits = bytearray(), 0, 0
    for s in samples:
        acc = (acc << bit_depth) | s
        nbits += bit_depth
        if nbits == 8:
            out.append(acc)
            acc, nbits = 0, 0
    if nbits:
        out.append(acc << (8 - nbits))
    return bytes(out)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_row(kind, row, prior, bpp):
    out = bytearray([kind])
    for i, x in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = prior[i] if prior else 0
        c = prior[i - bpp] if prior and i >= bpp else 0
        pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
        out.append((x - pred) & 0xFF)
    return bytes(out)


def scanlines(pixels, width, height, channels, bit_depth, interlaced):
    """The filtered byte stream: one pass, or the seven Adam7 passes (empty passes contribute nothing)."""
    bpp = max(1, channels * bit_depth // 8)
    passes = ADAM7 if interlaced else [(0, 0, 1, 1)]
    out, counter = bytearray(), 0
    for x0, y0, dx, dy in passes:
        xs = list(range(x0, width, dx))
        ys = list(range(y0, height, dy))
        if not xs or not ys:
            continue
        prior = None
        for y in ys:
            samples = [s for x in xs for s in pixels[y][x]]
            row = pack_row(samples, bit_depth)
            out += filter_row(counter % 5, row, prior, bpp)
            counter += 1
            prior = row
    return bytes(out)


def scale(v, bit_depth):
    top = (1 << bit_depth) - 1
    return (v * 255 * 2 + top) // (2 * top)


def make(path, width, height, color_type, bit_depth, interlaced, trns, seed):
    rnd = Lcg(seed)
    top = (1 << bit_depth) - 1
    channels = CHANNELS[color_type]
    palette, trns_chunk, alpha = None, b"", []
    if color_type == 3:
        entries = min(1 << bit_depth, 6)
        palette = [(rnd.next(256), rnd.next(256), rnd.next(256)) for _ in range(entries)]
        palette_alpha = [0, 128, 255, 7][: min(entries - 1, 4)] if trns else []
    key = None
    if trns and color_type in (0, 2):
        key = tuple(rnd.next(top + 1) for _ in range(channels))
        trns_chunk = chunk(b"tRNS", b"".join(struct.pack(">H", k) for k in key))
    if trns and color_type == 3:
        trns_chunk = chunk(b"tRNS", bytes(palette_alpha))

    pixels = []
    for y in range(height):
        row = []
        for x in range(width):
            if color_type == 3:
                px = (rnd.next(len(palette)),)
            elif key is not None and (x + y) % 3 == 0:
                px = key  # make the tRNS colour really occur
            else:
                px = tuple(rnd.next(top + 1) for _ in range(channels))
                if color_type in (4, 6) and (x * 7 + y) % 4 == 0:
                    px = px[:-1] + (0,)  # plenty of fully transparent pixels
            row.append(px)
            if color_type == 3:
                idx = px[0]
                alpha.append(palette_alpha[idx] if trns and idx < len(palette_alpha) else 255)
            elif color_type in (4, 6):
                alpha.append(scale(px[-1], bit_depth))
            else:
                alpha.append(0 if key is not None and px == key else 255)
        pixels.append(row)

    data = scanlines(pixels, width, height, channels, bit_depth, interlaced)
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 1 if interlaced else 0))
    if palette:
        png += chunk(b"PLTE", b"".join(bytes(p) for p in palette))
    png += trns_chunk
    compressed = zlib.compress(data, 9)
    # Split the image data over several IDAT chunks to exercise the chunk boundary handling.
    step = max(1, len(compressed) // 3)
    for i in range(0, len(compressed), step):
        png += chunk(b"IDAT", compressed[i:i + step])
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)
    return alpha


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    cases = []
    for interlaced in (False, True):
        for bd in (1, 2, 4, 8, 16):
            cases.append((0, bd, interlaced, False))
            cases.append((0, bd, interlaced, True))
        for bd in (1, 2, 4, 8):
            cases.append((3, bd, interlaced, False))
            cases.append((3, bd, interlaced, True))
        for bd in (8, 16):
            cases.append((2, bd, interlaced, True))
            if interlaced:
                cases.append((2, bd, True, False))
                cases.append((4, bd, True, False))
                cases.append((6, bd, True, False))
    sizes = [(13, 9), (1, 1), (3, 2), (17, 5), (10, 11), (33, 17)]
    for n, (ct, bd, interlaced, trns) in enumerate(cases):
        width, height = sizes[n % len(sizes)]
        name = f"spec-ct{ct}-{bd}bit{'-trns' if trns else ''}{'-adam7' if interlaced else ''}.png"
        alpha = make(os.path.join(out_dir, name), width, height, ct, bd, interlaced, trns, seed=n + 1)
        has_alpha = ct in (4, 6) or trns
        print(json.dumps({
            "file": name, "writer": "spec_png_writer.py", "width": width, "height": height,
            "colorType": ct, "bitDepth": bd, "interlaced": interlaced, "hasAlpha": has_alpha,
            "alphaSha256": hashlib.sha256(bytes(alpha)).hexdigest(),
        }))


if __name__ == "__main__":
    main()
