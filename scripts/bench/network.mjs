// Network benchmark: PAC evaluations per second in the sandbox; one full reachability round
// (DNS, TCP, TLS chain, OpenID over HTTP) against 6 loopback HTTPS endpoints: wall time vs the sum
// of the probe times (concurrency ratio); and a "dead network" round (6 silent peers + 6 refused
// ports, TLS timeout 1000 ms): the total stays near one timeout, not 6 x the timeout.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTs } from './_load-ts.mjs';

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

export async function run() {
  const m = await loadTs('scripts/bench/network/entry.ts', 'network-bench');
  // 1. PAC evaluations
  const pac = await m.createPacEvaluator(
    'function FindProxyForURL(url, host) { if (dnsDomainIs(host, ".microsoftonline.com") || shExpMatch(host, "*.msauth.net")) return "DIRECT"; if (isPlainHostName(host)) return "DIRECT"; return "PROXY proxy.contoso.com:8080; DIRECT"; }',
  );
  const hosts = ['login.microsoftonline.com', 'aadcdn.msauth.net', 'teams.microsoft.com', 'intranet'];
  const N = 2000;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await pac.find(`https://${hosts[i % hosts.length]}/`);
  const pacMs = performance.now() - t0;
  pac.dispose();
  console.log(`network: ${N} PAC evaluations (sandboxed) in ${pacMs.toFixed(0)} ms = ${Math.round(N / (pacMs / 1000)).toLocaleString('en-US')} per second`);

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
