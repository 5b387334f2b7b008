// fleet summarize: throughput (files/s) and peak RSS of the built CLI over generated fleets of
// 1,000 and 10,000 machine files (test/support/fleet.ts: copies of real `diagnose --json` runs
// with names, times and findings varied; a tenth are older files of the same machines). Peak RSS
// is the CLI process's own (process.resourceUsage().maxRSS, via a --require preload). The two
// sizes show whether memory grows with the files read (it should grow only with the machines).
// Prints figures; never passes or fails on speed.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
