// Renderer bundle size: every file of dist/renderer (total) and what the first screen loads (the
// entry script of index.html, its modulepreloads and stylesheets, and every chunk they import
// statically; lazily loaded screens and cards are left out), raw and gzipped, against "before": by
// default the figures of the previous run, kept in test-results/renderer-bundle.json (written after
// every run; delete it to start afresh); with SD_BENCH_BASE=<git ref> (e.g. HEAD~1) that commit's
// renderer is built into a temp folder with its own electron.vite.config.ts (git archive + this
// checkout's node_modules) and measured in the same session instead.
// `node scripts/bench/renderer.mjs` measures the current dist/renderer alone (build it first).
// Figures only: nothing here passes or fails on size.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const STORE = join(ROOT, 'test-results/renderer-bundle.json');

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

function sizes(file) {
  const body = readFileSync(file);
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/** The files index.html loads before anything is clicked: entry, modulepreloads, stylesheets and their static imports. */
export function firstScreenFiles(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+)"/g)].map((m) => m[1]).filter((r) => !/^[a-z]+:/i.test(r));
  const seen = new Set();
  const queue = refs.map((r) => join(dir, r));
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(file, 'utf8');
    // Static imports and re-exports only: `import(` (a lazy chunk) never matches.
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) queue.push(join(dirname(file), m[1]));
  }
  return [join(dir, 'index.html'), ...[...seen].sort()];
}

export function measureRenderer(dir) {
  const add = (files) => files.reduce((t, f) => ({ raw: t.raw + sizes(f).raw, gzip: t.gzip + sizes(f).gzip }), { raw: 0, gzip: 0 });
  const all = filesUnder(dir);
  const scripts = all.filter((f) => f.endsWith('.js'));
  const largest = scripts.map((f) => ({ name: relative(dir, f), ...sizes(f) })).sort((a, b) => b.raw - a.raw)[0];
  const first = firstScreenFiles(dir);
  return { total: add(all), firstScreen: add(first), chunks: scripts.length, firstScreenFiles: first.map((f) => relative(dir, f)), largest };
}

/** Builds a git ref's renderer with that ref's electron-vite config; returns its dist/renderer. */
function buildRef(ref, into) {
  const tar = execFileSync('git', ['archive', '--format=tar', ref, 'src', 'scripts', 'package.json', 'electron.vite.config.ts', 'tsconfig.json'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', into], { input: tar });
  symlinkSync(join(ROOT, 'node_modules'), join(into, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: into, stdio: 'pipe' });
  return join(into, 'dist/renderer');
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pct = (now, before) => `${((now / before - 1) * 100).toFixed(0)}%`;

export async function run() {
  const dir = join(ROOT, 'dist/renderer');
  if (!existsSync(join(dir, 'index.html'))) throw new Error('dist/renderer/index.html is missing: run npm run build first');
  const now = measureRenderer(dir);
  let before;
  let beforeIs;
  const base = process.env.SD_BENCH_BASE;
  if (base) {
    const tmp = mkdtempSync(join(tmpdir(), 'sd-renderer-base-'));
    try {
      before = measureRenderer(buildRef(base, tmp));
      beforeIs = `the renderer of ${base}, built in the same session`;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  } else {
    try {
      before = JSON.parse(readFileSync(STORE, 'utf8')).figures;
      beforeIs = 'the last measurement in test-results/renderer-bundle.json';
    } catch {
      beforeIs = 'none stored yet';
    }
  }
  console.log(`Renderer bundle (dist/renderer, gzip -9); "before" = ${beforeIs}`);
  for (const [label, key] of [
    ['total', 'total'],
    ['first screen', 'firstScreen'],
  ]) {
    const n = now[key];
    const b = before?.[key];
    const vs = b ? `   before ${kb(b.raw).padStart(9)} / ${kb(b.gzip).padStart(9)} gzip (${pct(n.raw, b.raw)} / ${pct(n.gzip, b.gzip)})` : '';
    console.log(`  ${label.padEnd(13)} ${kb(n.raw).padStart(9)} / ${kb(n.gzip).padStart(9)} gzip${vs}`);
  }
  console.log(`  ${now.chunks} script chunk(s)${before ? ` (before ${before.chunks})` : ''}; largest ${now.largest.name} ${kb(now.largest.raw)}; first screen loads ${now.firstScreenFiles.join(', ')}`);
  mkdirSync(dirname(STORE), { recursive: true });
  writeFileSync(STORE, `${JSON.stringify({ measuredAt: new Date().toISOString(), figures: now }, null, 2)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
