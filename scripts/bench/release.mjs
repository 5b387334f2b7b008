// Packaging and runtime-hardening figures: log redaction throughput (pure and through the real
// file logger), the size of what electron-builder would put into app.asar, and the wall time of
// `npm run audit:electron`. Prints numbers only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { loadTs } from './_load-ts.mjs';

const ROOT = process.cwd();
const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJlLWJ5dGVz';

function lines(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) out.push(`POST /oauth2/v2.0/token refresh_token=0.AXoAbCdEfGhIjKlMnOpQrStUvWxYz0123456789 client_id=${i}`);
    else if (i % 10 === 1) out.push(`Authorization: Bearer ${JWT}`);
    else out.push(`check clock.offset finished in ${i % 97} ms: offset 0.${i % 1000} s from time.windows.com (AADSTS53003 seen ${i} times)`);
  }
  return out;
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

async function redaction() {
  const { redactLogValue, createAppLogger } = await loadTs('src/main/app/logging.ts', 'bench-logging');
  const input = lines(20_000);
  const bytes = input.reduce((s, l) => s + Buffer.byteLength(l), 0);
  let t = performance.now();
  for (const l of input) redactLogValue(l);
  let ms = performance.now() - t;
  console.log(`log redaction (pure): ${fmt(input.length)} lines, ${fmt(bytes / 1e6, 2)} MB in ${fmt(ms)} ms = ${fmt(input.length / (ms / 1000))} lines/s, ${fmt(bytes / 1e6 / (ms / 1000), 1)} MB/s`);

  const objects = input.slice(0, 5_000).map((l, i) => ({ message: l, request: { headers: { authorization: `Bearer ${JWT}`, accept: 'application/json' }, attempt: i } }));
  t = performance.now();
  for (const o of objects) redactLogValue(o);
  ms = performance.now() - t;
  console.log(`log redaction (objects with nested headers): ${fmt(objects.length)} in ${fmt(ms)} ms = ${fmt(objects.length / (ms / 1000))} objects/s`);

  const dir = mkdtempSync(join(tmpdir(), 'sd-bench-logs-'));
  try {
    const log = createAppLogger({ logsDir: dir });
    log.transports.console.level = false;
    t = performance.now();
    for (const l of input.slice(0, 5_000)) log.info(l);
    ms = performance.now() - t;
    const written = readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
    console.log(`file logger (redact + format + sync write + rotation): 5,000 lines in ${fmt(ms)} ms = ${fmt(5_000 / (ms / 1000))} lines/s, ${fmt(written / 1e6, 2)} MB on disk in ${readdirSync(dir).length} file(s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What electron-builder would copy: our files matching `files`, plus the production dependency closure minus exclusions. */
function packagedSize() {
  const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
  const { minimatch } = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'))('minimatch');
  const excluded = config.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const included = (path) => {
    if (path.startsWith('node_modules/')) return !excluded.some((p) => minimatch(path, p, { dot: true }));
    let result = false;
    for (const p of config.files) if (minimatch(path, p.replace(/^!/, ''), { dot: true })) result = !p.startsWith('!');
    return result;
  };
  const walk = (dir) =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
      : [];

  const deps = new Set();
  const queue = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies ?? {});
  while (queue.length) {
    const name = queue.shift();
    if (deps.has(name) || !existsSync(join(ROOT, 'node_modules', name, 'package.json'))) continue;
    deps.add(name);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
    queue.push(...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {}));
  }
  let app = 0;
  let modules = 0;
  let unpacked = 0;
  let files = 0;
  for (const file of [...walk(join(ROOT, 'dist')), join(ROOT, 'package.json'), ...[...deps].flatMap((d) => walk(join(ROOT, 'node_modules', d)))]) {
    const rel = relative(ROOT, file).replace(/\\/g, '/');
    if (!included(rel)) continue;
    const size = statSync(file).size;
    files++;
    if (config.asarUnpack.some((p) => minimatch(rel, p, { dot: true }))) unpacked += size;
    else if (rel.startsWith('node_modules/')) modules += size;
    else app += size;
  }
  console.log(`packaged payload: ${fmt(files)} files; app ${fmt(app / 1e6, 2)} MB, production node_modules ${fmt(modules / 1e6, 2)} MB (${deps.size} packages), unpacked native ${fmt(unpacked / 1e6, 2)} MB (Electron runtime not counted)`);
}

function audit() {
  const t = performance.now();
  let code = 0;
  try {
    execFileSync(process.execPath, ['scripts/audit-electron.mjs'], { stdio: 'pipe' });
  } catch (error) {
    code = error.status ?? 1;
  }
  console.log(`npm run audit:electron: ${fmt((performance.now() - t) / 1000, 1)} s wall time, exit ${code}`);
}

export async function run() {
  await redaction();
  packagedSize();
  audit();
}
