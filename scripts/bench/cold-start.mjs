// CLI cold start, hyperfine-style: each command is run 2 times to warm the file cache, then RUNS times
// (SD_BENCH_RUNS, default 15); the median (and min..max) is printed against a bare `node -e ''`
// (ratio) and against "before": by default the figures of the previous measurement, kept in
// test-results/cold-start.json (written after every run; delete it to start afresh); with
// SD_BENCH_BASE=<git ref> (e.g. HEAD~1) that commit's CLI is built into a temp folder (git archive +
// the same esbuild script, this checkout's node_modules) and measured in the same session instead.
// `node scripts/bench/cold-start.mjs` runs it alone on the current dist/cli.js.
// Figures only: nothing here passes or fails on speed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli.js');
const STORE = join(ROOT, 'test-results/cold-start.json');
const RUNS = Number(process.env.SD_BENCH_RUNS ?? 15);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(args, env) {
  const once = () => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'pipe', env, cwd: ROOT });
    const ms = performance.now() - t0;
    if (r.status !== 0 && r.status !== 2) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
    return ms;
  };
  once();
  once();
  const times = Array.from({ length: RUNS }, once);
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

/** Builds the CLI of a git ref into a temp folder; returns the path of its cli.js. */
function buildRef(ref, into) {
  const tar = execFileSync('git', ['archive', '--format=tar', ref, 'src', 'scripts', 'package.json'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', into], { input: tar });
  symlinkSync(join(ROOT, 'node_modules'), join(into, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: into, stdio: 'inherit' });
  return join(into, 'dist/cli.js');
}

export async function run() {
  // An empty state folder and HOME, so `diagnose --only teams` reads no real profile.
  const home = mkdtempSync(join(tmpdir(), 'sd-cold-'));
  const env = { ...process.env, HOME: home, SIGNIN_DOCTOR_STATE_DIR: join(home, 'state'), SIGNIN_DOCTOR_PLATFORM: 'linux' };
  try {
    const cases = [
      ['bare node -e ""', ['-e', '']],
      ['--version', [CLI, '--version']],
      ['--help', [CLI, '--help']],
      ['explain AADSTS53003', [CLI, 'explain', '--json', 'AADSTS53003']],
      ['diagnose --only teams', [CLI, 'diagnose', '--only', 'teams', '--json']],
    ];
    let previous = {};
    let beforeIs;
    const base = process.env.SD_BENCH_BASE;
    const baseCli = base ? buildRef(base, mkdtempSync(join(tmpdir(), 'sd-base-'))) : undefined;
    if (baseCli) {
      beforeIs = `the CLI of ${base}, built into ${dirname(dirname(baseCli))}`;
      for (const [label, args] of cases) if (args[0] === CLI) previous[label] = measure([baseCli, ...args.slice(1)], env).median;
    } else {
      try {
        previous = JSON.parse(readFileSync(STORE, 'utf8')).figures ?? {};
      } catch {
        previous = {};
      }
      beforeIs = Object.keys(previous).length ? 'the last measurement in test-results/cold-start.json' : 'none stored yet';
    }
    const figures = {};
    let bare;
    console.log(`CLI cold start (median of ${RUNS} runs after 2 warm-ups, node ${process.version}); "before" = ${beforeIs}`);
    for (const [label, args] of cases) {
      const m = measure(args, env);
      figures[label] = m.median;
      bare ??= m.median;
      const before = args[0] === CLI || !baseCli ? previous[label] : undefined;
      const vsBefore = before ? `   before ${before.toFixed(1).padStart(6)} ms (${((m.median / before - 1) * 100).toFixed(0).padStart(4)}%)` : '';
      console.log(`  ${label.padEnd(24)} ${m.median.toFixed(1).padStart(7)} ms  [${m.min.toFixed(0)}..${m.max.toFixed(0)}]  ${(m.median / bare).toFixed(2).padStart(5)}x bare${vsBefore}`);
    }
    if (baseCli) rmSync(dirname(dirname(baseCli)), { recursive: true, force: true });
    mkdirSync(dirname(STORE), { recursive: true });
    writeFileSync(STORE, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, runs: RUNS, figures }, null, 2)}\n`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
