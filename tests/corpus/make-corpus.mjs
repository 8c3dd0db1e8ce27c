// Regenerates the PNG oracle corpus in tests/GptImage.Core.Tests/Corpus (committed, so CI does not run this).
//   node tests/corpus/make-corpus.mjs        (needs `bash tools/setup.sh` for pngjs, and python3)
//
// Who made what (the C# decoder is checked against code it shares nothing with):
//   png/valid/pngjs-*.png   written by pngjs 7.0.0 (colour types 0, 2, 4, 6 at 8 and 16 bits; pngjs writes
//                           no palette, no tRNS, no low bit depths and no Adam7)
//   png/valid/spec-*.png    written by tests/corpus/spec_png_writer.py (python3 stdlib, from the PNG spec):
//                           palette at 1/2/4/8 bits, grey at 1/2/4 bits, tRNS, Adam7, all five filter types
//   png/malformed/*.png     this script, by damaging valid files on purpose; each has its expected error id
//   other/*                 this script: JPEG/WebP headers per their specs, and non-images (GIF, BMP, text)
// The expected alpha plane of every valid file is pngjs's decoding of it, and must equal what its writer
// meant to write (the script stops if they differ). corpus.json records size, alpha SHA-256, count of
// alpha-0 pixels and their bounding box.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const require = createRequire(path.join(root, 'tools', 'node', 'package.json'));
const { PNG } = require('pngjs');
const pngjsVersion = require('pngjs/package.json').version;

const out = path.join(root, 'tests', 'GptImage.Core.Tests', 'Corpus');
const validDir = path.join(out, 'png', 'valid');
const badDir = path.join(out, 'png', 'malformed');
const otherDir = path.join(out, 'other');
for (const d of [validDir, badDir, otherDir]) { rmSync(d, { recursive: true, force: true }); mkdirSync(d, { recursive: true }); }

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

// ---- deterministic numbers -------------------------------------------------------------------
let seed = 12345;
const rnd = (bound) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return (seed >>> 8) % bound; };

// ---- 1. files pngjs writes ---------------------------------------------------------------------
const channels = { 0: 1, 2: 3, 4: 2, 6: 4 };
const written = [];
function writeWithPngjs(name, width, height, colorType, bitDepth, pixel) {
  const n = channels[colorType];
  const max = bitDepth === 16 ? 65535 : 255;
  const samples = bitDepth === 16 ? new Uint16Array(width * height * n) : Buffer.alloc(width * height * n);
  const alpha = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = pixel(x, y, n, max);
      for (let c = 0; c < n; c++) samples[(y * width + x) * n + c] = px[c];
      if (colorType === 4 || colorType === 6) alpha[y * width + x] = Math.floor((px[n - 1] * 255) / max + 0.5);
    }
  }
  const png = new PNG({ width, height, colorType, inputColorType: colorType, bitDepth, inputHasAlpha: colorType === 4 || colorType === 6 });
  png.data = bitDepth === 16 ? Buffer.from(samples.buffer) : samples;
  writeFileSync(path.join(validDir, name), PNG.sync.write(png, { colorType, inputColorType: colorType, bitDepth, inputHasAlpha: colorType === 4 || colorType === 6 }));
  written.push({ file: name, writer: `pngjs ${pngjsVersion}`, width, height, colorType, bitDepth, interlaced: false,
    hasAlpha: colorType === 4 || colorType === 6, alphaSha256: sha256(alpha) });
}
const noisy = (x, y, n, max) => {
  const px = Array.from({ length: n }, () => rnd(max + 1));
  if ((n === 2 || n === 4) && (x * 5 + y) % 3 === 0) px[n - 1] = 0;
  return px;
};
for (const ct of [0, 2, 4, 6]) for (const bd of [8, 16]) writeWithPngjs(`pngjs-ct${ct}-${bd}bit.png`, 21, 13, ct, bd, noisy);
// Mask-like files: opaque with a transparent rectangle, fully opaque, fully transparent.
const rect = { x: 10, y: 6, width: 20, height: 12 };
const inRect = (x, y) => x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
writeWithPngjs('pngjs-mask-rect-64x48.png', 64, 48, 6, 8, (x, y) => [0, 0, 0, inRect(x, y) ? 0 : 255]);
writeWithPngjs('pngjs-mask-opaque-64x48.png', 64, 48, 6, 8, () => [0, 0, 0, 255]);
writeWithPngjs('pngjs-mask-clear-64x48.png', 64, 48, 6, 8, () => [0, 0, 0, 0]);
writeWithPngjs('pngjs-rgb-64x48.png', 64, 48, 2, 8, (x, y) => (inRect(x, y) ? [0, 0, 0] : [255, 255, 255]));
writeWithPngjs('pngjs-gray-64x48.png', 64, 48, 0, 8, (x, y) => [inRect(x, y) ? 255 : 0]);
writeWithPngjs('pngjs-rgba-32x32.png', 32, 32, 6, 8, (x, y) => [x * 8, y * 8, 0, 255]);

// ---- 2. files the spec writer writes ------------------------------------------------------------
const specLines = execFileSync('python3', [path.join(here, 'spec_png_writer.py'), validDir], { encoding: 'utf8' });
for (const line of specLines.split('\n').filter(Boolean)) written.push(JSON.parse(line));

// ---- 3. oracle: decode every valid file with pngjs and compare with what its writer meant -------------
const valid = [];
for (const w of written) {
  const png = PNG.sync.read(readFileSync(path.join(validDir, w.file)));
  const alpha = Buffer.alloc(png.width * png.height);
  let transparent = 0, minX = Infinity, minY = Infinity, maxX = -1, maxY = -1;
  for (let i = 0; i < alpha.length; i++) {
    alpha[i] = png.data[i * 4 + 3];
    if (alpha[i] === 0) {
      transparent++;
      const x = i % png.width, y = Math.floor(i / png.width);
      minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
    }
  }
  if (png.width !== w.width || png.height !== w.height || sha256(alpha) !== w.alphaSha256)
    throw new Error(`${w.file}: pngjs decodes ${png.width}x${png.height} alpha ${sha256(alpha)}, the writer meant ${w.width}x${w.height} ${w.alphaSha256}`);
  valid.push({ ...w, oracle: `pngjs ${pngjsVersion} decode, agreeing with the writer`, transparentPixels: transparent,
    editBounds: transparent ? { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 } : null });
}

// ---- 4. malformed PNGs ----------------------------------------------------------------------------
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ihdr = (w, h, bd = 8, ct = 6, interlace = 0) => { const d = Buffer.alloc(13); d.writeUInt32BE(w, 0); d.writeUInt32BE(h, 4); d[8] = bd; d[9] = ct; d[12] = interlace; return chunk('IHDR', d); };
const iend = chunk('IEND', Buffer.alloc(0));
const W = 8, H = 4;
const rawRows = (filter = 0, w = W, h = H, bpp = 4) => { const rows = []; for (let y = 0; y < h; y++) { const r = Buffer.alloc(1 + w * bpp, 0x40); r[0] = filter; rows.push(r); } return Buffer.concat(rows); };
const idat = (raw) => chunk('IDAT', zlib.deflateSync(raw));
const good = () => Buffer.concat([signature, ihdr(W, H), idat(rawRows()), iend]);

const malformed = [];
// pngjsRejects records whether the independent decoder refuses the file too. It is laxer in three places
// (2026-11 run): it accepts a PNG without IDAT, does not check Adler-32, and accepts tRNS on an RGBA image.
const pngjsRejects = (bytes) => { try { PNG.sync.read(bytes); return false; } catch { return true; } };
const bad = (file, errorId, bytes, what) => { writeFileSync(path.join(badDir, file), bytes); malformed.push({ file, errorId, what, pngjsRejects: pngjsRejects(bytes) }); };
{
  const b = good(); b[8 + 8 + 13 + 3] ^= 0xff; // last byte of IHDR's CRC
  bad('bad-crc-ihdr.png', 'GptImage.Image.CrcMismatch', b, 'IHDR CRC altered');
}
{
  const b = good(); const at = 8 + 25 + 8 + 4; b[at] ^= 0x01; // a byte inside IDAT data, CRC left as it was
  bad('bad-crc-idat.png', 'GptImage.Image.CrcMismatch', b, 'one IDAT data byte flipped');
}
{
  const ok = Buffer.concat([signature, ihdr(W, H), idat(rawRows())]);
  bad('truncated-idat.png', 'GptImage.Image.Truncated', ok.subarray(0, ok.length - 10), 'file cut inside the IDAT chunk');
}
{
  const z = zlib.deflateSync(rawRows(0, W, H));
  bad('truncated-zlib.png', 'GptImage.Image.Truncated', Buffer.concat([signature, ihdr(W, H + 40), chunk('IDAT', z), iend]),
    'header promises 44 rows, the complete zlib stream holds 4');
}
bad('bad-filter.png', 'GptImage.Image.FilterInvalid', Buffer.concat([signature, ihdr(W, H), idat(rawRows(7)), iend]), 'filter type 7');
bad('zero-width.png', 'GptImage.Image.DimensionsInvalid', Buffer.concat([signature, ihdr(0, H), idat(rawRows()), iend]), 'width 0');
bad('zero-height.png', 'GptImage.Image.DimensionsInvalid', Buffer.concat([signature, ihdr(W, 0), idat(rawRows()), iend]), 'height 0');
bad('absurd-dimensions.png', 'GptImage.Image.DimensionsInvalid', Buffer.concat([signature, ihdr(100000, 100000), idat(rawRows()), iend]), '100000x100000');
bad('huge-width.png', 'GptImage.Image.DimensionsInvalid', Buffer.concat([signature, ihdr(0x80000000, 1), idat(rawRows()), iend]), 'width 2^31');
bad('bomb.png', 'GptImage.Image.TooMuchData', Buffer.concat([signature, ihdr(W, H), chunk('IDAT', zlib.deflateSync(Buffer.alloc(4 << 20))), iend]),
  '8x4 image whose IDAT inflates to 4 MiB of zeros');
bad('extra-row.png', 'GptImage.Image.TooMuchData', Buffer.concat([signature, ihdr(W, H), idat(rawRows(0, W, H + 1)), iend]), 'one row more than the header allows');
bad('missing-iend.png', 'GptImage.Image.ChunkMissing', Buffer.concat([signature, ihdr(W, H), idat(rawRows())]), 'no IEND');
bad('missing-ihdr.png', 'GptImage.Image.ChunkMissing', Buffer.concat([signature, idat(rawRows()), iend]), 'no IHDR, IDAT first');
bad('missing-idat.png', 'GptImage.Image.ChunkMissing', Buffer.concat([signature, ihdr(W, H), iend]), 'no IDAT');
{
  const z = zlib.deflateSync(rawRows()); z[z.length - 1] ^= 0xff;
  bad('bad-adler.png', 'GptImage.Image.ZlibInvalid', Buffer.concat([signature, ihdr(W, H), chunk('IDAT', z), iend]), 'Adler-32 altered, CRC recomputed');
}
{
  const z = zlib.deflateSync(rawRows()); z[0] = 0x79;
  bad('bad-zlib-header.png', 'GptImage.Image.ZlibInvalid', Buffer.concat([signature, ihdr(W, H), chunk('IDAT', z), iend]), 'zlib CMF byte 0x79');
}
{
  const z = zlib.deflateSync(rawRows()); z[2] = 0xff; z[3] = 0xff; // BTYPE=11 (reserved) in the first block header
  bad('bad-deflate.png', 'GptImage.Image.ZlibInvalid', Buffer.concat([signature, ihdr(W, H), chunk('IDAT', z), iend]), 'deflate block type 3');
}
{
  const rows = Buffer.alloc(H * (1 + W), 5); for (let y = 0; y < H; y++) rows[y * (1 + W)] = 0;
  bad('bad-palette-index.png', 'GptImage.Image.PaletteIndexInvalid',
    Buffer.concat([signature, ihdr(W, H, 8, 3), chunk('PLTE', Buffer.from([0, 0, 0, 255, 255, 255])), idat(rows), iend]), 'index 5 with a 2-entry palette');
  bad('missing-plte.png', 'GptImage.Image.ChunkMissing', Buffer.concat([signature, ihdr(W, H, 8, 3), idat(rows), iend]), 'colour type 3 without PLTE');
}
bad('bad-bit-depth.png', 'GptImage.Image.HeaderInvalid', Buffer.concat([signature, ihdr(W, H, 4, 2), idat(rawRows()), iend]), 'RGB at 4 bits');
bad('bad-color-type.png', 'GptImage.Image.HeaderInvalid', Buffer.concat([signature, ihdr(W, H, 8, 5), idat(rawRows()), iend]), 'colour type 5');
bad('bad-interlace-method.png', 'GptImage.Image.HeaderInvalid', Buffer.concat([signature, ihdr(W, H, 8, 6, 2), idat(rawRows()), iend]), 'interlace method 2');
bad('trns-with-alpha.png', 'GptImage.Image.ChunkInvalid', Buffer.concat([signature, ihdr(W, H), chunk('tRNS', Buffer.from([0, 0])), idat(rawRows()), iend]), 'tRNS on RGBA');
bad('unknown-critical-chunk.png', 'GptImage.Image.ChunkInvalid', Buffer.concat([signature, ihdr(W, H), chunk('ABCD', Buffer.from([1])), idat(rawRows()), iend]), 'critical chunk ABCD');
{
  const len = Buffer.alloc(4); len.writeUInt32BE(0x7fffffff);
  bad('huge-chunk-length.png', 'GptImage.Image.Truncated', Buffer.concat([signature, ihdr(W, H), len, Buffer.from('tEXt'), Buffer.from('abc')]), 'chunk claims 2 GB, file ends');
}
bad('signature-only.png', 'GptImage.Image.Truncated', signature, 'just the signature');
bad('truncated-signature.png', 'GptImage.Image.UnsupportedFormat', signature.subarray(0, 5), 'five bytes of signature: too short to be any image');
bad('empty.png', 'GptImage.Image.UnsupportedFormat', Buffer.alloc(0), 'empty file');
bad('gif-renamed.png', 'GptImage.Image.UnsupportedFormat', Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0]), Buffer.alloc(20)]), 'a GIF');
bad('bmp-renamed.png', 'GptImage.Image.UnsupportedFormat', Buffer.concat([Buffer.from('BM'), Buffer.alloc(52)]), 'a BMP');
bad('text-renamed.png', 'GptImage.Image.UnsupportedFormat', Buffer.from('this is not an image\n'), 'a text file');

// ---- 5. JPEG and WebP headers (Inspect only) ------------------------------------------------------
const others = [];
const other = (file, bytes, expected) => { writeFileSync(path.join(otherDir, file), bytes); others.push({ file, ...expected }); };
const seg = (marker, payload) => { const l = Buffer.alloc(2); l.writeUInt16BE(payload.length + 2); return Buffer.concat([Buffer.from([0xff, marker]), l, payload]); };
const sof = (marker, w, h) => { const p = Buffer.alloc(15); p[0] = 8; p.writeUInt16BE(h, 1); p.writeUInt16BE(w, 3); p[5] = 3; return seg(marker, p); };
const jpegTail = Buffer.concat([seg(0xc4, Buffer.alloc(29)), seg(0xda, Buffer.alloc(10)), Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56]), Buffer.from([0xff, 0xd9])]);
const soi = Buffer.from([0xff, 0xd8]);
const app0 = seg(0xe0, Buffer.from('JFIF\0\x01\x02\0\0\x01\0\x01\0\0', 'latin1'));
const app1 = seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.alloc(300, 0xc0)])); // payload full of 0xC0 must not be taken for SOF0
other('baseline.jpg', Buffer.concat([soi, app0, app1, seg(0xdb, Buffer.alloc(65)), sof(0xc0, 640, 480), jpegTail]), { format: 'jpeg', width: 640, height: 480, hasAlpha: false, progressive: false });
other('progressive.jpg', Buffer.concat([soi, app0, Buffer.from([0xff, 0xff]), seg(0xfe, Buffer.from('comment')), sof(0xc2, 1536, 1024), jpegTail]), { format: 'jpeg', width: 1536, height: 1024, hasAlpha: false, progressive: true });
other('no-frame.jpg', Buffer.concat([soi, app0, seg(0xda, Buffer.alloc(10)), Buffer.from([0xff, 0xd9])]), { errorId: 'GptImage.Image.HeaderInvalid' });
other('truncated.jpg', Buffer.concat([soi, app0, app1]).subarray(0, 100), { errorId: 'GptImage.Image.Truncated' });
const riff = (chunks) => { const body = Buffer.concat([Buffer.from('WEBP'), ...chunks]); const h = Buffer.alloc(8); h.write('RIFF'); h.writeUInt32LE(body.length, 4); return Buffer.concat([h, body]); };
const rchunk = (fourcc, data) => { const h = Buffer.alloc(8); h.write(fourcc, 'latin1'); h.writeUInt32LE(data.length, 4); return Buffer.concat([h, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]); };
{
  const vp8 = Buffer.alloc(30); vp8[0] = 0x10; vp8[3] = 0x9d; vp8[4] = 0x01; vp8[5] = 0x2a; vp8.writeUInt16LE(1024, 6); vp8.writeUInt16LE(1536, 8);
  other('lossy.webp', riff([rchunk('VP8 ', vp8)]), { format: 'webp', width: 1024, height: 1536, hasAlpha: false });
  const vp8l = Buffer.alloc(20); vp8l[0] = 0x2f; vp8l.writeUInt32LE(((300 - 1) | ((200 - 1) << 14) | (1 << 28)) >>> 0, 1);
  other('lossless-alpha.webp', riff([rchunk('VP8L', vp8l)]), { format: 'webp', width: 300, height: 200, hasAlpha: true });
  const vp8x = Buffer.alloc(10); vp8x[0] = 0x10; vp8x.writeUIntLE(3840 - 1, 4, 3); vp8x.writeUIntLE(2160 - 1, 7, 3);
  other('extended-alpha.webp', riff([rchunk('VP8X', vp8x), rchunk('ALPH', Buffer.alloc(4)), rchunk('VP8 ', vp8)]), { format: 'webp', width: 3840, height: 2160, hasAlpha: true });
  const vp8xNoAlpha = Buffer.from(vp8x); vp8xNoAlpha[0] = 0;
  other('extended-opaque.webp', riff([rchunk('VP8X', vp8xNoAlpha), rchunk('VP8 ', vp8)]), { format: 'webp', width: 3840, height: 2160, hasAlpha: false });
  other('unknown-chunk.webp', riff([rchunk('ABCD', Buffer.alloc(10))]), { errorId: 'GptImage.Image.HeaderInvalid' });
}

writeFileSync(path.join(out, 'corpus.json'), JSON.stringify({
  _about: 'Generated by tests/corpus/make-corpus.mjs; see the comment at its top for which oracle made which file. Do not edit by hand.',
  valid, malformed, other: others,
}, null, 1) + '\n');
const total = [validDir, badDir, otherDir].map((d) => readdirSync(d).length).reduce((a, b) => a + b, 0);
console.log(`corpus: ${valid.length} valid PNGs, ${malformed.length} malformed PNGs, ${others.length} other files (${total} files) in ${path.relative(root, out)}`);
