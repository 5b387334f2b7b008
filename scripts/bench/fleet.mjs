// fleet summarize: throughput (files/s) and peak RSS of the built CLI over generated fleets of
// 1,000 and 10,000 machine files (test/support/fleet.ts: copies of real `diagnose --json` runs
// with names, times and findings varied; a tenth are older files of the same machines). Peak RSS
// is the CLI process's own (process.resourceUsage().maxRSS, via a --require preload). The two
// sizes show whether memory grows with the files read (it should grow only with the machines).
// Then hostile trees: files just under the 4 MB cap built to be costly once parsed (deep nesting,
// millions of empty findings), whose peak RSS shows memory stays bounded by the cap and the
// read-ahead; and a folder of tens of thousands of files that are not machine files, whose time
// shows the walk stays linear in the entries. Prints figures; never passes or fails on speed.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTs } from './_load-ts.mjs';

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function summarize(args, preload, rssFile) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    execFile(process.execPath, ['--require', preload, 'dist/cli.js', 'fleet', 'summarize', ...args], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => {
      const ms = performance.now() - t0;
      if (error) return reject(error);
      resolve({ ms, rssKb: Number(readFileSync(rssFile, 'utf8')), stdout });
    });
  });
}

export async function run() {
  if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run `npm run build` (npm run bench does)');
  const dir = mkdtempSync(join(tmpdir(), 'signin-doctor-bench-fleet-'));
  try {
    const preload = join(dir, 'rss-preload.cjs');
    const rssFile = join(dir, 'rss.txt');
    writeFileSync(preload, `process.on('exit', () => { try { require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)); } catch {} });\n`);
    const { captureRealDocuments, writeFleet } = await loadTs('test/support/fleet.ts', 'fleet-generator');
    const real = await captureRealDocuments(join(dir, 'real'), join(process.cwd(), 'dist/cli.js'));
    console.log('fleet summarize PATH --json, built CLI, files from real diagnose --json runs (~13 KB each):');
    for (const files of [1_000, 10_000]) {
      const root = join(dir, `fleet-${files}`);
      const t0 = performance.now();
      const truth = await writeFleet(root, real, { seed: files, machines: files * 0.9, duplicates: files * 0.1, nameless: 0, broken: false, hostile: false });
      const wrote = performance.now() - t0;
      const r = await summarize([root, '--json'], preload, rssFile);
      const summary = JSON.parse(r.stdout);
      if (summary.inputs.read !== truth.read || summary.machines.total !== truth.machines) throw new Error(`the summary read ${summary.inputs.read} files / ${summary.machines.total} machines, the generator wrote ${truth.read} / ${truth.machines}`);
      console.log(`  ${fmt(files).padStart(6)} files (${fmt(truth.machines)} machines): ${fmt(r.ms).padStart(6)} ms  ${fmt(files / (r.ms / 1000)).padStart(6)} files/s  peak RSS ${fmt(r.rssKb / 1024, 1).padStart(6)} MB   (generating them took ${fmt(wrote)} ms)`);
      if (files === 10_000) {
        const out = await summarize([root, '--json', '--html', join(dir, 'fleet.html'), '--csv', join(dir, 'fleet.csv')], preload, rssFile);
        const csvMb = readFileSync(join(dir, 'fleet.csv')).length / 1024 / 1024;
        console.log(`  ${fmt(files).padStart(6)} files with --html and --csv (${fmt(csvMb, 1)} MB of CSV): ${fmt(out.ms).padStart(6)} ms  peak RSS ${fmt(out.rssKb / 1024, 1)} MB`);
      }
      rmSync(root, { recursive: true, force: true });
    }
    await hostile(dir, preload, rssFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Six files of each costly kind, each just under the per-file cap, and a folder of many non-machine files. */
async function hostile(dir, preload, rssFile) {
  const cap = 4 * 1024 * 1024 - 64;
  const kinds = {
    'nested [[[…]]]': () => `${'['.repeat(cap / 2)}${']'.repeat(cap / 2)}`,
    'empty findings {}': () => {
      const head = '{"schemaVersion":1,"kind":"diagnose","startedAt":"2026-11-21T08:00:00Z","finishedAt":"2026-11-21T08:00:00Z","findings":[';
      const n = Math.floor((cap - head.length - 10) / 3);
      return `${head}${'{},'.repeat(n)}{}]}`;
    },
    '30,000 finding ids': () => {
      const findings = Array.from({ length: 30_000 }, (_, i) => `{"id":"cac.f${i}","severity":"fail"}`).join(',');
      return `{"schemaVersion":1,"kind":"diagnose","startedAt":"2026-11-21T08:00:00Z","finishedAt":"2026-11-21T08:00:00Z","device":{"name":"PC-1"},"findings":[${findings}]}`;
    },
  };
  console.log('fleet summarize over hostile files (6 files each, up to the 4 MB cap):');
  for (const [name, make] of Object.entries(kinds)) {
    const root = join(dir, 'hostile');
    mkdirSync(root, { recursive: true });
    const text = make();
    for (let i = 0; i < 6; i++) writeFileSync(join(root, `h${i}.json`), text);
    const r = await summarize([root, '--json'], preload, rssFile);
    const summary = JSON.parse(r.stdout);
    console.log(`  ${name.padEnd(18)} ${fmt(r.ms).padStart(6)} ms  peak RSS ${fmt(r.rssKb / 1024, 1).padStart(6)} MB  (read ${summary.inputs.read}, skipped ${summary.inputs.skipped.total}, findings dropped ${fmt(summary.inputs.findingsDropped)})`);
    rmSync(root, { recursive: true, force: true });
  }
  const root = join(dir, 'not-machine-files');
  mkdirSync(root, { recursive: true });
  const count = 40_000;
  for (let i = 0; i < count; i++) writeFileSync(join(root, `f${i}.txt`), 'x');
  for (let i = 0; i < 10; i++) writeFileSync(join(root, `m${i}.json`), 'not json');
  const r = await summarize([root, '--json'], preload, rssFile);
  const summary = JSON.parse(r.stdout);
  console.log(`  ${fmt(count)} files that are not machine files, 10 broken .json: ${fmt(r.ms)} ms  peak RSS ${fmt(r.rssKb / 1024, 1)} MB  (ignored ${fmt(summary.inputs.ignored)}, skipped ${summary.inputs.skipped.total})`);
  rmSync(root, { recursive: true, force: true });
}

/** `node scripts/bench/fleet.mjs hostile`: only the hostile trees (the generated fleets take minutes). */
if (process.argv[1]?.endsWith('fleet.mjs') && process.argv[2] === 'hostile') {
  const dir = mkdtempSync(join(tmpdir(), 'signin-doctor-bench-fleet-'));
  const preload = join(dir, 'rss-preload.cjs');
  const rssFile = join(dir, 'rss.txt');
  writeFileSync(preload, `process.on('exit', () => { try { require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)); } catch {} });\n`);
  try {
    await hostile(dir, preload, rssFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
