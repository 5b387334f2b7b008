// Diagnose with causes: the built CLI's `diagnose --json` from start to the causes on loopback peers
// (a teams-for-linux profile whose log holds a fresh 53003, the clock's NTP server and Date URL on
// refused loopback ports), with and without a pasted error, against `diagnose` of the same domains
// without the Teams logs; and rankCauses alone, in-process. Prints figures; never passes or fails on speed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTs } from './_load-ts.mjs';

const RUNS = 5;
const CID = '3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (v) => `${v.toFixed(v < 10 ? 3 : 0).padStart(9)} ms`;

function timeCli(args, env) {
  const times = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    out = execFileSync(process.execPath, ['dist/cli.js', ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    times.push(performance.now() - t0);
  }
  return { ms: median(times), json: JSON.parse(String(out)) };
}

export async function run() {
  const base = mkdtempSync(join(tmpdir(), 'signin-doctor-bench-diagnosis-'));
  try {
    const home = join(base, 'home');
    const logs = join(home, '.config', 'teams-for-linux', 'logs');
    await mkdir(logs, { recursive: true });
    const now = new Date(Date.now() - 3_600_000).toISOString().replace('T', ' ').slice(0, 23);
    const lines = Array.from({ length: 20_000 }, (_, i) => `[${now}] [info]  window: page loaded ${i}`);
    lines.push(`[${now}] [error] login: AADSTS53003: Access has been blocked by Conditional Access policies. Correlation ID: ${CID}`);
    await writeFile(join(logs, 'main.log'), `${lines.join('\n')}\n`);
    const config = join(base, 'config.json');
    await writeFile(config, JSON.stringify({ clock: { servers: ['127.0.0.1:9'], dateUrl: 'http://127.0.0.1:9/', timeoutMs: 1000 } }));
    const errorFile = join(base, 'error.txt');
    await writeFile(errorFile, `AADSTS53003: Access has been blocked by Conditional Access policies.\nCorrelation ID: ${CID}\n`);
    const env = { SIGNIN_DOCTOR_PLATFORM: 'linux', HOME: home, XDG_CONFIG_HOME: join(home, '.config'), SIGNIN_DOCTOR_STATE_DIR: join(base, 'state'), SIGNIN_DOCTOR_CONFIG: config };
    const only = ['--only', 'teams,device,clock', '--json'];

    const plain = timeCli(['diagnose', '--no-logs', ...only], env);
    const fromLogs = timeCli(['diagnose', ...only], env);
    const pasted = timeCli(['diagnose', '--error-file', errorFile, ...only], env);
    console.log(`diagnose --only teams,device,clock, loopback peers (median of ${RUNS} runs, built CLI, start to JSON):`);
    console.log(`  --no-logs (no error, causes from measured faults)  ${fmt(plain.ms)}  ${plain.json.causes.length} causes`);
    console.log(`  error from the Teams log (20,001 lines)             ${fmt(fromLogs.ms)}  ${fromLogs.json.causes.length} causes, top ${fromLogs.json.causes[0]?.id}, error ${fromLogs.json.error?.leadCode} at ${fromLogs.json.error?.source?.time}`);
    console.log(`  --error-file (pasted 53003)                         ${fmt(pasted.ms)}  ${pasted.json.causes.length} causes, top ${pasted.json.causes[0]?.id}`);

    const { rankCauses } = await loadTs('src/main/diagnosis/rank-causes.ts', 'diagnosis-rank');
    const { errorFromText } = await loadTs('src/main/diagnosis/error-from-text.ts', 'diagnosis-error');
    const error = errorFromText(`AADSTS53003: blocked\nCorrelation ID: ${CID}`);
    const findings = fromLogs.json.findings;
    const N = 2000;
    const t0 = performance.now();
    for (let i = 0; i < N; i++) rankCauses({ error, findings, now: new Date() });
    console.log(`rankCauses alone on those ${findings.length} findings: ${fmt((performance.now() - t0) / N)} per call (${N} calls)`);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}
