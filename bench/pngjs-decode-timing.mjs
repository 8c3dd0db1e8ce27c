// pngjs side of the imaging benchmark: median time of PNG.sync.read on the same files, and peak RSS.
// Usage: node bench/pngjs-decode-timing.mjs ITERATIONS file.png [...]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tools', 'node', 'package.json'));
const { PNG } = require('pngjs');
const [iterations, ...files] = process.argv.slice(2);

for (const file of files) {
  const bytes = readFileSync(file); // reading the file is outside the timing, as the decode is what is compared
  const first = PNG.sync.read(bytes);
  const times = [];
  for (let i = 0; i < Number(iterations); i++) {
    const t = process.hrtime.bigint();
    const png = PNG.sync.read(bytes);
    // the same work the mask check does after decoding: count alpha-0 pixels
    let transparent = 0;
    for (let p = 3; p < png.data.length; p += 4) if (png.data[p] === 0) transparent++;
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (transparent === 0) throw new Error('no transparent pixel');
  }
  times.sort((a, b) => a - b);
  console.log(`pngjs ${first.width}x${first.height}: median ${times[times.length >> 1].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms over ${iterations} runs (file in memory)`);
}
console.log(`pngjs peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
