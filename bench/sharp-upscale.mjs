// The reference for the pixel benchmark: sharp (libvips) doing what Resize-GptImage does, in one process per case.
// Usage: node bench/sharp-upscale.mjs <file> <scale> <png|jpeg> <n>
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(new URL('./node/package.json', import.meta.url));
const sharp = require('sharp');
sharp.concurrency(1);   // one thread, as ImageSharp's resize is measured with the machine shared
sharp.cache(false);
const [file, scaleText, format, nText] = process.argv.slice(2);
const scale = Number(scaleText), n = Number(nText);
const input = readFileSync(file);
const meta = await sharp(input).metadata();
const w = Math.round(meta.width * scale), h = Math.round(meta.height * scale);
const once = async () => {
  const s = sharp(input).resize(w, h, { kernel: 'lanczos3' }).withMetadata({ density: 300 });
  return format === 'png' ? s.png({ compressionLevel: 6 }).toBuffer() : s.jpeg({ quality: 90 }).toBuffer();
};
await once();
const times = [];
for (let i = 0; i < n; i++) { const t = process.hrtime.bigint(); await once(); times.push(Number(process.hrtime.bigint() - t) / 1e6); }
times.sort((a, b) => a - b);
console.log(`sharp upscale ${file.split('/').pop()} x${scale} -> ${format}: median ${times[n >> 1].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[n - 1].toFixed(0)}, n=${n}), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
