// Syntax check for every PowerShell file in the repository, without a PowerShell engine.
// Parses *.ps1, *.psm1 and *.psd1 with tree-sitter-pwsh (WebAssembly) and reports each ERROR or MISSING
// node as file:line:column. Last line is always "pscheck: <N> parsed, <M> failed" (tools/test.sh reads it).
//
//   node tools/pscheck.mjs              check the repository (skips node_modules, bin, obj, .git and the fixtures);
//                                       runs the self-test quietly first and counts a failure of it
//   node tools/pscheck.mjs FILE...      check only the given files
//   node tools/pscheck.mjs --self-test  prove the checker catches errors: every file in
//                                       tools/pscheck-fixtures/bad must fail and every file in .../good must pass
//
// Run `bash tools/setup.sh` first: it installs the pinned web-tree-sitter and tree-sitter-pwsh into tools/node.
import v8 from 'node:v8';
// Without this flag V8 keeps optimising the grammar's wasm in the background and each run idles 7-12 s at exit.
v8.setFlagsFromString('--liftoff-only');

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const toolsDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(toolsDir, '..');
const fixturesDir = join(toolsDir, 'pscheck-fixtures');
const require = createRequire(join(toolsDir, 'node', 'package.json'));

const skippedDirs = new Set(['node_modules', 'bin', 'obj', '.git', 'TestResults']);
const extensions = ['.ps1', '.psm1', '.psd1'];
const maxProblemsPerFile = 20;

async function loadParser() {
  let webTreeSitter;
  try {
    webTreeSitter = await import(require.resolve('web-tree-sitter'));
  } catch {
    console.error('pscheck: web-tree-sitter is not installed; run `bash tools/setup.sh` first');
    console.log('pscheck: 0 parsed, 1 failed');
    process.exit(2);
  }
  const { Parser, Language } = webTreeSitter;
  await Parser.init();
  const grammarWasm = join(dirname(require.resolve('tree-sitter-pwsh/package.json')), 'tree-sitter-powershell.wasm');
  const language = await Language.load(grammarWasm);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

function* powershellFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (skippedDirs.has(entry.name) || full === fixturesDir) continue;
      yield* powershellFiles(full);
    } else if (extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
      yield full;
    }
  }
}

/** Every ERROR or MISSING node under `node`, outermost first (an ERROR's own children are not repeated). */
function collectProblems(node, problems) {
  if (node.isError || node.isMissing) {
    const { row, column } = node.startPosition;
    const kind = node.isMissing ? `MISSING ${node.type}` : 'ERROR';
    problems.push({ line: row + 1, column: column + 1, kind, text: node.text.split(/\r?\n/)[0].slice(0, 60) });
    return problems;
  }
  if (node.hasError) {
    for (const child of node.children) collectProblems(child, problems);
  }
  return problems;
}

function check(parser, file) {
  // PowerShell files are often saved with a BOM; the grammar does not expect one.
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const tree = parser.parse(text);
  const problems = collectProblems(tree.rootNode, []);
  tree.delete?.();
  return problems;
}

function report(file, problems) {
  const name = relative(repoRoot, file) || file;
  for (const p of problems.slice(0, maxProblemsPerFile)) {
    console.log(`${name}:${p.line}:${p.column}: ${p.kind} near '${p.text}'`);
  }
  if (problems.length > maxProblemsPerFile) console.log(`${name}: ... ${problems.length - maxProblemsPerFile} more`);
}

async function main(args) {
  const parser = await loadParser();
  if (args[0] === '--self-test') return selfTest(parser);

  const files = args.length > 0 ? args.map((f) => resolve(f)) : [...powershellFiles(repoRoot)].sort();
  let failed = 0;
  let selfTestFailed = 0;
  // A checker that stopped catching errors would pass everything: every full scan first proves it still does.
  if (args.length === 0 && selfTest(parser, { quiet: true }) !== 0) {
    console.log('pscheck: the self-test failed (see `node tools/pscheck.mjs --self-test`); the results below cannot be trusted');
    selfTestFailed = 1;
  }
  for (const file of files) {
    const problems = check(parser, file);
    if (problems.length > 0) { failed++; report(file, problems); }
  }
  console.log(`pscheck: ${files.length - failed} parsed, ${failed + selfTestFailed} failed`);
  return failed + selfTestFailed === 0 ? 0 : 1;
}

function selfTest(parser, { quiet = false } = {}) {
  const log = quiet ? () => {} : console.log;
  let failed = 0; let total = 0;
  for (const [subdir, shouldFail] of [['bad', true], ['good', false]]) {
    const dir = join(fixturesDir, subdir);
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      if (!statSync(file).isFile()) continue;
      total++;
      const problems = check(parser, file);
      const ok = shouldFail ? problems.length > 0 : problems.length === 0;
      if (!ok) {
        failed++;
        log(`self-test: ${subdir}/${name} ${shouldFail ? 'was NOT reported as broken' : 'was wrongly reported as broken'}`);
        if (!quiet) report(file, problems);
      } else if (shouldFail) {
        log(`self-test: ${subdir}/${name} caught at line ${problems[0].line}`);
      }
    }
  }
  log(`pscheck: ${total - failed} parsed, ${failed} failed`);
  return failed === 0 && total > 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
