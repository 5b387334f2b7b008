// Network benchmark: PAC evaluations per second in the worker thread (the product), in the same
// sandbox on this thread, and as before the worker (pac-resolver's own built-ins on this thread);
// how long a hostile PAC takes to be stopped (an endless loop, an allocation loop, top-level code
// that never returns, and a worker stuck in a V8 RegExp, where only terminate() helps); one full
// reachability round (DNS, TCP, TLS chain, OpenID over HTTP) against 6 loopback HTTPS endpoints:
// wall time vs the sum of the probe times (concurrency ratio); and a "dead network" round
// (6 silent peers + 6 refused ports, TLS timeout 1000 ms): the total stays near one timeout, not
// 6 x the timeout.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPacResolver } from 'pac-resolver';
import { QuickJS } from 'quickjs-wasi';
import { loadTs } from './_load-ts.mjs';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const perSecond = (n, ms) => Math.round(n / (ms / 1000)).toLocaleString('en-US');
const PAC = 'function FindProxyForURL(url, host) { if (dnsDomainIs(host, ".microsoftonline.com") || shExpMatch(host, "*.msauth.net")) return "DIRECT"; if (isPlainHostName(host)) return "DIRECT"; return "PROXY proxy.contoso.com:8080; DIRECT"; }';
const HOSTS = ['login.microsoftonline.com', 'aadcdn.msauth.net', 'teams.microsoft.com', 'intranet'];

/** The worker bundle beside the bench bundle, where pac.ts looks for it (as beside dist/cli.js). */
async function buildPacWorker() {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  await build({
    entryPoints: ['src/main/network/pac-worker.ts'],
    outfile: 'node_modules/.cache/signin-doctor/bench/pac-worker.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: [...Object.keys(pkg.dependencies ?? {}), 'electron'],
    logLevel: 'warning',
  });
}

async function evaluations(find, n) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await find(`https://${HOSTS[i % HOSTS.length]}/`);
  return performance.now() - t0;
}

/** Time from the call to the PacError (the deadline plus stopping the worker). */
async function stopTime(m, script, options = {}) {
  const t0 = performance.now();
  let reason = 'answered';
  try {
    const pac = await m.createPacEvaluator(script, options);
    try {
      await pac.find('https://login.microsoftonline.com/');
    } finally {
      await pac.dispose();
    }
  } catch (error) {
    reason = error.reason ?? String(error);
  }
  return { ms: performance.now() - t0, reason, left: m.runningPacWorkers() };
}

async function pacBench(m) {
  const N = 2000;
  const budget = { totalMs: 600_000 }; // the per-PAC total budget is for real runs, not for 2000 calls
  // Before: what pac.ts did before the worker: pac-resolver's built-ins on our thread, an
  // interrupt handler that read the clock every 1024th time, and a timer raced against each call.
  let deadline = 0;
  let ticks = 0;
  const qjs = await QuickJS.create({ memoryLimit: 32 * 1024 * 1024, interruptHandler: () => (++ticks & 0x3ff) === 0 && Date.now() > deadline });
  const before = createPacResolver(qjs, PAC);
  const beforeMs = await evaluations((url) => {
    deadline = Date.now() + 2000;
    let timer;
    return Promise.race([before(url), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 2000)))]).finally(() => clearTimeout(timer));
  }, N);
  qjs.dispose();
  const inThread = await m.createPacEvaluator(PAC, { workerFile: null, ...budget });
  const inThreadMs = await evaluations((url) => inThread.find(url), N);
  await inThread.dispose();
  const starts = [];
  let workerMs = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const worker = await m.createPacEvaluator(PAC, budget); // finds pac-worker.js beside the bundle
    starts.push(performance.now() - t);
    if (i === 0) workerMs = await evaluations((url) => worker.find(url), N);
    await worker.dispose();
  }
  console.log(`network: ${N} PAC evaluations one after another: worker thread ${workerMs.toFixed(0)} ms = ${perSecond(N, workerMs)} per second; same sandbox on our thread ${perSecond(N, inThreadMs)} per second; before (pac-resolver built-ins on our thread) ${perSecond(N, beforeMs)} per second`);
  console.log(`network: starting a PAC worker and loading a small PAC: median ${median(starts).toFixed(0)} ms over ${starts.length} (once per PAC URL per run)`);

  const pac = (body) => `function FindProxyForURL(url, host) { ${body} }`;
  const dir = mkdtempSync(join(tmpdir(), 'pac-bench-'));
  const regexWorker = join(dir, 'regex-worker.cjs');
  // Stands in for pac-resolver's shExpMatch: a catastrophic V8 RegExp, native code no interrupt reaches.
  writeFileSync(regexWorker, `const { parentPort } = require('node:worker_threads'); parentPort.postMessage({ type: 'loaded' }); parentPort.postMessage({ type: 'ready' }); parentPort.on('message', () => /^([^X]+)+X$/.test('a'.repeat(64)));`);
  const call = `call deadline ${m.PAC_EVAL_TIMEOUT_MS} ms`;
  const cases = [
    [`endless loop (${call}: QuickJS interrupt, then the worker is ended)`, pac('while (true) {}'), {}],
    ['allocation loop (64 MB memory maximum)', pac('var a = []; while (true) a.push("x".repeat(100000) + a.length);'), {}],
    [`top-level code that never returns (load deadline ${m.PAC_COMPILE_TIMEOUT_MS} ms)`, `for (;;) {} ${pac('return "DIRECT";')}`, {}],
    [`worker stuck in a V8 RegExp (${call} + 500 ms grace, then terminate())`, pac('return "DIRECT";'), { workerFile: regexWorker }],
  ];
  for (const [label, script, options] of cases) {
    const r = await stopTime(m, script, options);
    console.log(`network: hostile PAC, ${label}: stopped after ${r.ms.toFixed(0)} ms (${r.reason}), ${r.left} workers left running`);
  }
}

export async function run() {
  const m = await loadTs('scripts/bench/network/entry.ts', 'network-bench');
  // 1. PAC evaluations and hostile PACs
  await buildPacWorker();
  await pacBench(m);

  const ca = await m.createTestCa('Bench Public Root CA');
  const leaf = await ca.issueServer({ commonName: 'localhost', dnsNames: ['localhost'], ips: ['127.0.0.1'] });
  const endpoints = await Promise.all([1, 2, 3, 4, 5, 6].map(() => m.startHttpsEndpoint({ leaf })));
  const silent = await Promise.all([1, 2, 3, 4, 5, 6].map(() => m.startSilentServer()));
  const refused = await Promise.all([1, 2, 3, 4, 5, 6].map(() => m.freePort()));
  const stateDir = mkdtempSync(join(tmpdir(), 'network-bench-'));
  const env = { PATH: process.env.PATH, HOME: stateDir, SIGNIN_DOCTOR_PLATFORM: 'linux' };
  const probe = (list, tlsMs) =>
    m.runNetworkProbe(
      m.createEngineContext({ env, stateDir, config: { network: { publicRoots: ca.pem, udp: false, proxy: 'DIRECT', timeouts: { tcpMs: 1000, tlsMs, httpMs: 2000 }, endpoints: list } } }),
      {},
    );
  try {
    // 2. a full round against loopback endpoints
    const live = endpoints.map((e, i) => ({ name: `ep${i}`, host: 'localhost', port: e.port, openIdPath: m.OPENID_PATH }));
    const walls = [];
    let report;
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      report = await probe(live, 2000);
      walls.push(performance.now() - t);
    }
    const okCount = report.endpoints.filter((e) => e.ok).length;
    // The reachability part alone (the report's duration also covers proxy sources and VPN).
    const reachMs = report.findings.find((f) => f.id === 'network.reachability').evidence.durationMs;
    console.log(
      `network: full round (${live.length} loopback endpoints, DNS+TCP+TLS+HTTP, incl. proxy sources + VPN): median wall ${median(walls).toFixed(1)} ms over ${walls.length} rounds; last round: probes ${reachMs} ms wall vs ${report.probeMsSum.toFixed(1)} ms probe-time sum (concurrency ratio ${(report.probeMsSum / Math.max(reachMs, 1)).toFixed(2)}); ${okCount}/${live.length} ok`,
    );
    // 3. dead network: silent peers (TLS never answers) and refused ports
    const dead = [
      ...silent.map((s, i) => ({ name: `silent${i}`, host: '127.0.0.1', port: s.port })),
      ...refused.map((p, i) => ({ name: `refused${i}`, host: '127.0.0.1', port: p })),
    ];
    const t = performance.now();
    const deadReport = await probe(dead, 1000);
    const wall = performance.now() - t;
    const kinds = {};
    for (const e of deadReport.endpoints) kinds[e.failure ?? 'ok'] = (kinds[e.failure ?? 'ok'] ?? 0) + 1;
    console.log(
      `network: dead round (${dead.length} endpoints: ${silent.length} silent, ${refused.length} refused; TLS timeout 1000 ms): wall ${wall.toFixed(0)} ms (bound ~1 timeout, serial would be >= ${silent.length * 1000} ms); probe-time sum ${deadReport.probeMsSum.toFixed(0)} ms; failures ${JSON.stringify(kinds)}`,
    );
  } finally {
    await Promise.all([...endpoints.map((e) => e.close()), ...silent.map((s) => s.close())]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
