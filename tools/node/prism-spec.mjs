// Makes the copy of OpenAI's spec that prism judges the client's bodies against (tools/prism-check.sh).
//
// Usage: node tools/node/prism-spec.mjs <openapi.yaml> <out.yaml>
//
// Keeps only /images/generations, /images/edits and /responses (conversation turns with the image_generation tool)
// with the schemas they reference (prism starts in seconds instead of half a minute), and changes two things, each
// printed when it happens:
//  1. `nullable: true` on a schema without `type` (model, size) is dropped and `{type: null}` added to its
//     anyOf. prism's validator cannot compile `nullable` without `type` and then silently skips the whole
//     request body: every body, even `{}`, passed. Verified by bisection on 2026-11-21.
//  2. The multipart edit form names repeated images `image[]` (OpenAI's documented convention, what the
//     official SDKs send), while the schema names the property `image`; prism reads part names literally.
//     An `image[]` property with the same schema as `image` is added and `required: image` becomes
//     "image or image[]", so every other field is still checked.
//  3. InputItem (an item of the Responses API's input list) is a oneOf whose alternatives overlap: a user message
//     with input_text/input_image parts is both an EasyInputMessage and an InputMessage (through Item), and the spec
//     leaves the choice to its `discriminator`, which prism's validator ignores, so every such message failed
//     "must match exactly one schema". InputItem's oneOf becomes anyOf: the message must still match one of them.
// js-yaml comes with prism (pinned by package-lock.json).
import fs from 'node:fs';
import yaml from 'js-yaml';
import { specSubset } from './spec-subset.mjs';

const [src, dst] = process.argv.slice(2);
if (!src || !dst) { console.error('usage: prism-spec.mjs <openapi.yaml> <out.yaml>'); process.exit(2); }
const spec = yaml.load(fs.readFileSync(src, 'utf8'));

const keep = ['/images/generations', '/images/edits', '/responses'];
const out = specSubset(spec, keep, 'prism-spec');
const schemas = out.components.schemas;

let nullable = 0;
(function walk(node, where) {
  if (Array.isArray(node)) { node.forEach((n, i) => walk(n, `${where}[${i}]`)); return; }
  if (!node || typeof node !== 'object') return;
  if (node.nullable === true && node.type === undefined) {
    delete node.nullable;
    if (Array.isArray(node.anyOf) && !node.anyOf.some(s => s && s.type === 'null')) node.anyOf.push({ type: 'null' });
    nullable++;
    console.log(`prism-spec: nullable without type -> anyOf null at ${where}`);
  }
  for (const [k, v] of Object.entries(node)) walk(v, `${where}.${k}`);
})(out.components.schemas, 'components.schemas');

const edit = schemas.CreateImageEditRequest;
edit.properties['image[]'] = structuredClone(edit.properties.image);   // one part parses as a string, several as an array
edit.required = edit.required.filter(r => r !== 'image');
edit.anyOf = [{ required: ['image'] }, { required: ['image[]'] }];
console.log('prism-spec: CreateImageEditRequest accepts image[] parts as the image array');

const inputItem = schemas.InputItem;
inputItem.anyOf = inputItem.oneOf;
delete inputItem.oneOf;
console.log('prism-spec: InputItem oneOf -> anyOf (overlapping message schemas; prism ignores the discriminator)');

fs.writeFileSync(dst, yaml.dump(out, { noRefs: true, lineWidth: -1 }));
console.log(`prism-spec: wrote ${dst} (${Object.keys(schemas).length} schemas, ${nullable} nullable fixes)`);
