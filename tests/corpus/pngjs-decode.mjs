// Independent oracle for the C# PNG code: decodes PNG files with pngjs (tools/node) and prints, per file,
// one JSON line {file, width, height, rgbaSha256, alphaSha256} or {file, error}.
// Usage: node tests/corpus/pngjs-decode.mjs file.png [more.png ...]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'tools', 'node', 'package.json'));
const { PNG } = require('pngjs');

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

for (const file of process.argv.slice(2)) {
  try {
    // skipRescale keeps 16-bit samples as 16-bit; the default gives 8-bit RGBA, which is what we compare.
    const png = PNG.sync.read(readFileSync(file));
    const alpha = Buffer.alloc(png.width * png.height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = png.data[i * 4 + 3];
    console.log(JSON.stringify({ file, width: png.width, height: png.height, rgbaSha256: sha256(png.data), alphaSha256: sha256(alpha) }));
  } catch (e) {
    console.log(JSON.stringify({ file, error: String(e && e.message || e) }));
  }
}
