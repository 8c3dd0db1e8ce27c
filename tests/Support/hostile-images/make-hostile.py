# Writes the small hostile-image fixtures the xunit and Pester tests share: real, decodable GIF, BMP and TIFF
# files (formats the module must refuse) and valid PNG headers that claim absurd sizes. Run: python3 make-hostile.py
import struct, zlib

def png(width, height, rows):
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    ihdr = struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')

# A valid header claiming 100000x100000 RGB (30 GB of pixels) with one tiny row of data behind it.
open('claims-100000x100000.png', 'wb').write(png(100000, 100000, b'\x00' + b'\x00' * 30))

# 2x2 GIF89a, global palette of two colours, LZW min code size 2.
gif = (b'GIF89a' + struct.pack('<HHBBB', 2, 2, 0x80, 0, 0) + b'\xff\x00\x00\x00\x00\xff'
       + b',' + struct.pack('<HHHHB', 0, 0, 2, 2, 0) + b'\x02\x02\x44\x01\x00' + b';')
open('tiny.gif', 'wb').write(gif)

# 2x2 24-bit BMP (rows padded to 4 bytes).
pixels = (b'\x00\x00\xff\x00\xff\x00' + b'\x00\x00') * 2
bmp = b'BM' + struct.pack('<IHHI', 54 + len(pixels), 0, 0, 54) + struct.pack('<IiiHHIIiiII', 40, 2, 2, 1, 24, 0, len(pixels), 2835, 2835, 0, 0) + pixels
open('tiny.bmp', 'wb').write(bmp)

# 2x2 uncompressed RGB baseline TIFF, little-endian.
data = b'\xff\x00\x00' * 4
entries = [(256, 3, 1, 2), (257, 3, 1, 2), (258, 3, 3, 8 + 2 + 13 * 12 + 4), (259, 3, 1, 1), (262, 3, 1, 2),
           (273, 4, 1, 0), (277, 3, 1, 3), (278, 3, 1, 2), (279, 4, 1, len(data))]
ifd_offset = 8
bits_offset = ifd_offset + 2 + len(entries) * 12 + 4
data_offset = bits_offset + 6
entries = [(t, ty, c, bits_offset if t == 258 else data_offset if t == 273 else v) for t, ty, c, v in entries]
ifd = struct.pack('<H', len(entries)) + b''.join(
    struct.pack('<HHI', t, ty, c) + (struct.pack('<HH', v, 0) if ty == 3 and c == 1 else struct.pack('<I', v)) for t, ty, c, v in entries) + struct.pack('<I', 0)
open('tiny.tif', 'wb').write(b'II*\x00' + struct.pack('<I', ifd_offset) + ifd + struct.pack('<HHH', 8, 8, 8) + data)
