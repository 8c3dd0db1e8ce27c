// Copies the part of OpenAI's openapi.yaml this project is judged by into the repo, unchanged: the paths it
// calls and every schema they reference. The tests read the copy (spec/openai-openapi.subset.yaml), never
// anything beside the repository.
//
// Usage (when OpenAI's spec moves on): node tools/node/extract-spec.mjs <openapi.yaml> spec/openai-openapi.subset.yaml
// js-yaml comes with prism (pinned by package-lock.json).
import fs from 'node:fs';
import yaml from 'js-yaml';
import { specSubset } from './spec-subset.mjs';

const [src, dst] = process.argv.slice(2);
if (!src || !dst) { console.error('usage: extract-spec.mjs <openapi.yaml> <out.yaml>'); process.exit(2); }
const spec = yaml.load(fs.readFileSync(src, 'utf8'));

// The images endpoints, the Batch API and its file upload, the Responses API (image_generation tool), models.
const keep = ['/images/generations', '/images/edits', '/batches', '/batches/{batch_id}', '/batches/{batch_id}/cancel',
  '/files', '/files/{file_id}', '/files/{file_id}/content', '/responses', '/responses/{response_id}', '/models'];
const out = specSubset(spec, keep, 'extract-spec');
const header = `# A subset of OpenAI's openapi.yaml (github.com/openai/openai-openapi, commit f85dbe2, 2026-08-21):\n` +
  `# the paths this project calls and the schemas they reference, unchanged. Made by tools/node/extract-spec.mjs.\n`;
fs.writeFileSync(dst, header + yaml.dump(out, { lineWidth: -1, noRefs: true }));
console.log(`extract-spec: ${Object.keys(out.paths).length} paths, ${Object.keys(out.components.schemas).length} schemas -> ${dst}`);
