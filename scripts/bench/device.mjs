// `signin-doctor diagnose --json` on this machine: wall time and peak memory (RSS) of the built
// CLI, plus the device check alone and the support bundle. Peak RSS is read inside the child at
// exit (process.resourceUsage().maxRSS, via a --require preload), so no /usr/bin/time is needed.
// Target: the whole diagnosis in about a second when the network answers, under 150 MB.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const RUNS = 5;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function runCli(args, env) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    execFile(process.execPath, ['--require', env.SD_BENCH_PRELOAD, 'dist/cli.js', ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout) => {
      const ms = performance.now() - t0;
      let rssKb = NaN;
      try {
        rssKb = Number(readFileSync(env.SD_BENCH_RSS_FILE, 'utf8'));
      } catch {
        // the child died before writing it
      }
      resolve({ ms, rssKb, code: error ? error.code : 0, stdout });
    });
  });
}

async function measure(label, args, env) {
  const times = [];
  const rss = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    last = await runCli(args, env);
    times.push(last.ms);
    rss.push(last.rssKb);
  }
  let extra = '';
  try {
    const doc = JSON.parse(last.stdout);
    if (Array.isArray(doc.findings)) {
      const timedOut = doc.findings.filter((f) => /timed out/.test(f.title)).map((f) => f.id);
      extra = `  ${doc.findings.length} findings${timedOut.length ? `, timed out: ${timedOut.join(', ')}` : ''}`;
    }
  } catch {
    // not JSON (report --out prints JSON too; ignore)
  }
  console.log(`${label.padEnd(36)} median ${median(times).toFixed(0).padStart(6)} ms   max ${Math.max(...times).toFixed(0).padStart(6)} ms   peak RSS ${(Math.max(...rss) / 1024).toFixed(1).padStart(6)} MB   exit ${last.code}${extra}`);
}

export async function run() {
  if (!existsSync('dist/cli.js')) throw new Error('dist/cli.js is missing: run `npm run build` (npm run bench does)');
  const dir = mkdtempSync(join(tmpdir(), 'signin-doctor-bench-device-'));
  try {
    const preload = join(dir, 'rss-preload.cjs');
    const rssFile = join(dir, 'rss.txt');
    writeFileSync(preload, `process.on('exit', () => { try { require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)); } catch {} });\n`);
    const env = { SD_BENCH_PRELOAD: preload, SD_BENCH_RSS_FILE: rssFile, SIGNIN_DOCTOR_STATE_DIR: join(dir, 'state') };
    await measure('diagnose --json (every domain)', ['diagnose', '--json'], env);
    await measure('diagnose --only device --json', ['diagnose', '--only', 'device', '--json'], env);
    await measure('device --json', ['device', '--json'], env);
    let n = 0;
    const out = () => join(dir, `bundle-${n++}.zip`);
    const times = [];
    const rss = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await runCli(['report', '--out', out(), '--json'], env);
      times.push(r.ms);
      rss.push(r.rssKb);
    }
    console.log(`${'report --out FILE.zip (every domain)'.padEnd(36)} median ${median(times).toFixed(0).padStart(6)} ms   max ${Math.max(...times).toFixed(0).padStart(6)} ms   peak RSS ${(Math.max(...rss) / 1024).toFixed(1).padStart(6)} MB`);
    console.log('(target: diagnose in about 1 s when the network answers, peak RSS under 150 MB; checks that wait for an unreachable network run to their own timeout)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
