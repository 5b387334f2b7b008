// The network probe against real peers on loopback: HTTPS servers with certificates from a test
// "public" CA standing in for the Microsoft endpoints, a REAL tinyproxy (with and without
// BasicAuth, and refusing a port), a TLS-intercepting proxy whose chain is signed by another CA,
// a refused port, a server that never speaks TLS, and PAC files from file:// and http://.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkReport } from '../../../src/shared/contract/network';
import { createEngineContext } from '../../../src/main/engine-context';
import { execFileSafe } from '../../../src/main/os/exec';
import { createService, type Service } from '../../../src/main/service';
import { tempDir } from '../../support/browser';
import { runCliInProcess } from '../../support/cli';
import { OPENID_PATH, startHttpsEndpoint, type HttpsEndpoint } from '../../support/https-endpoint';
import { freePort, startInterceptingProxy, startSilentServer, startTinyproxy, type InterceptingProxy, type Tinyproxy } from '../../support/proxy';
import { createTestCa, type TestCa } from '../../support/test-ca';

let publicCa: TestCa;
let inspectCa: TestCa;
let login: HttpsEndpoint;
let device: HttpsEndpoint;
let portal: HttpsEndpoint;
let silent: { port: number; close(): Promise<void> };
let refusedPort: number;
let proxy: Tinyproxy;
let authProxy: Tinyproxy;
let strictProxy: Tinyproxy;
let mitm: InterceptingProxy;
let pacServer: Server;
let pacPort: number;
const closers: Array<() => Promise<void>> = [];
const dir = tempDir('network-int');
// GNOME settings of this test only (real gsettings, keyfile backend in a temp folder).
const env = { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), GSETTINGS_BACKEND: 'keyfile', SIGNIN_DOCTOR_PLATFORM: 'linux' };

// Every stage is expected to succeed against these loopback peers: a busy machine is slow, not
// down, so each waits long. Where a timeout IS the expected outcome (the silent peer, Chromium's
// hanging answer), that probe gets its own short timeout for the one stage that must time out.
const TIMEOUTS = { dnsMs: 30_000, tcpMs: 30_000, connectMs: 30_000, tlsMs: 30_000, httpMs: 30_000 };
const SILENT_TLS_MS = 1500;

function endpointsConfig(extra: Array<Record<string, unknown>> = []) {
  return [
    { name: 'login', host: 'localhost', port: login.port, role: 'sign-in', critical: true, openIdPath: OPENID_PATH },
    { name: 'device', host: 'localhost', port: device.port, role: 'device', critical: true },
    ...extra,
  ];
}

function service(network: Record<string, unknown>): Service {
  const ctx = createEngineContext({
    env,
    stateDir: join(dir, 'state'),
    config: { network: { publicRoots: publicCa.pem, localRoots: inspectCa.pem, timeouts: TIMEOUTS, udp: false, endpoints: endpointsConfig(), ...network } },
    exec: (file, args, options) => execFileSafe(file, args, { ...options, env }),
  });
  return createService(ctx);
}

async function probe(network: Record<string, unknown>): Promise<NetworkReport> {
  const result = await service(network).invoke('network.probe', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as NetworkReport;
}

beforeAll(async () => {
  publicCa = await createTestCa('Test Public Root CA');
  const issuing = await publicCa.issueIntermediate('Test Public Issuing CA 01');
  inspectCa = await createTestCa('Contoso Inspection Root');
  const leaf = await issuing.issueServer({ commonName: 'localhost', dnsNames: ['localhost'], ips: ['127.0.0.1'] });
  login = await startHttpsEndpoint({ leaf });
  device = await startHttpsEndpoint({ leaf });
  portal = await startHttpsEndpoint({ leaf, respond: (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Please log in to the guest Wi-Fi</html>') });
  silent = await startSilentServer();
  refusedPort = await freePort();
  const ports = [login.port, device.port, portal.port, silent.port];
  proxy = await startTinyproxy({ connectPorts: ports });
  authProxy = await startTinyproxy({ connectPorts: ports, auth: { user: 'alice', pass: 's3cret' } });
  strictProxy = await startTinyproxy({ connectPorts: [] });
  mitm = await startInterceptingProxy(inspectCa);
  pacServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' }).end(`function FindProxyForURL(url, host) { if (shExpMatch(host, "localhost")) return "PROXY 127.0.0.1:${proxy.port}; DIRECT"; return "DIRECT"; }`));
  await new Promise<void>((r) => pacServer.listen(0, '127.0.0.1', r));
  pacPort = (pacServer.address() as AddressInfo).port;
  closers.push(login.close, device.close, portal.close, silent.close, proxy.close, authProxy.close, strictProxy.close, mitm.close, () => new Promise((r) => pacServer.close(() => r())));
}, 60_000);

afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
});

describe('direct to the endpoints', () => {
  it('reports DNS, TCP, the chain (presented leaf + intermediate, then the public root it reaches), public trust, and the OpenID document', async () => {
    const report = await probe({});
    const r = report.endpoints.find((e) => e.name === 'login')!;
    expect(r.ok).toBe(true);
    expect(r.route.decision).toBe('DIRECT');
    expect(r.dns.addresses).toContain('127.0.0.1');
    expect(r.tcp.ok).toBe(true);
    expect(r.tls.publicTrust).toBe(true);
    expect(r.tls.intercepted).toBe(false);
    expect(r.tls.chain.map((c) => c.subject)).toEqual(['localhost', 'Test Public Issuing CA 01, Sign-in Doctor tests', 'Test Public Root CA, Sign-in Doctor tests']);
    expect(r.tls.chain.map((c) => c.selfSigned)).toEqual([false, false, true]);
    expect(r.tls.chain[0]!.issuer).toContain('Test Public Issuing CA 01');
    expect(r.http).toMatchObject({ ok: true, status: 200, jsonValid: true });
    expect(Date.parse(r.http!.date!)).not.toBeNaN();
    expect(report.findings.find((f) => f.id === 'network.reachability')?.severity).toBe('ok');
    expect(login.requests).toContain(`GET ${OPENID_PATH}`);
  });

  it('a refused port, a peer that never speaks TLS and a captive-portal page are named as such', async () => {
    const report = await probe({
      endpoints: endpointsConfig([
        { name: 'refused', host: '127.0.0.1', port: refusedPort, role: 'sign-in' },
        { name: 'portal', host: 'localhost', port: portal.port, role: 'sign-in', openIdPath: OPENID_PATH },
      ]),
    });
    const by = (n: string) => report.endpoints.find((e) => e.name === n)!;
    expect(by('refused')).toMatchObject({ ok: false, failure: 'refused' });
    expect(by('refused').tcp.message).toMatch(/refused/);
    expect(by('portal')).toMatchObject({ ok: false, failure: 'http-invalid-json' });
    expect(by('login').ok).toBe(true);
    const ids = report.findings.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['network.unreachable', 'network.http-failed']));
    expect(report.findings.find((f) => f.id === 'network.unreachable')?.severity).toBe('fail');

    // The silent peer alone, with a short TLS timeout: timing out is what it must do.
    const silentReport = await probe({
      timeouts: { ...TIMEOUTS, tlsMs: SILENT_TLS_MS },
      endpoints: [{ name: 'silent', host: 'localhost', port: silent.port, role: 'assets' }],
    });
    const quiet = silentReport.endpoints.find((e) => e.name === 'silent')!;
    expect(quiet).toMatchObject({ ok: false, failure: 'timed-out' });
    expect(quiet.tcp.ok).toBe(true);
    expect(quiet.tls.ms).toBeGreaterThanOrEqual(SILENT_TLS_MS - 5); // it waited its whole timeout
    expect(silentReport.findings.find((f) => f.id === 'network.tls-failed')?.severity).toBe('warn'); // assets only
  });

  it('a name that does not resolve fails at DNS and offers the DNS flush', async () => {
    const report = await probe({ endpoints: [{ name: 'nx', host: 'does-not-exist.invalid', port: 443, role: 'sign-in' }] });
    expect(report.endpoints[0]!.failure).toMatch(/^dns-/);
    const f = report.findings.find((x) => x.id === 'network.dns-failed')!;
    expect(f.severity).toBe('fail');
    expect(f.fixes).toEqual(['network.dns-flush']);
  });
});

describe('through a real tinyproxy', () => {
  it('tunnels with CONNECT and still sees the public chain', async () => {
    const before = proxy.log();
    const report = await probe({ proxy: proxy.url });
    const r = report.endpoints.find((e) => e.name === 'login')!;
    expect(r.route.proxy).toBe(`127.0.0.1:${proxy.port}`);
    expect(r.connect).toMatchObject({ ok: true, status: 200 });
    expect(r.tls.publicTrust).toBe(true);
    expect(r.http?.jsonValid).toBe(true);
    expect(proxy.log().slice(before.length)).toContain(`localhost:${login.port}`);
    expect(report.findings.find((f) => f.id === 'network.proxy')?.severity).toBe('info');
  });

  it('a proxy that demands authentication gives "proxy authentication required"; the right credentials pass', async () => {
    const noAuth = await probe({ proxy: `http://127.0.0.1:${authProxy.port}` });
    const r = noAuth.endpoints.find((e) => e.name === 'login')!;
    expect(r.failure).toBe('proxy-auth-required');
    expect(r.connect?.message).toMatch(/proxy authentication required \(HTTP 407, the proxy asks for Basic\)/);
    const f = noAuth.findings.find((x) => x.id === 'network.proxy-auth-required')!;
    expect(f.severity).toBe('fail');
    expect(JSON.stringify(noAuth)).not.toContain('s3cret');

    const withAuth = await probe({ proxy: authProxy.url });
    expect(withAuth.endpoints.find((e) => e.name === 'login')!.ok).toBe(true);
    expect(JSON.stringify(withAuth)).not.toContain('s3cret');
  });

  it('a proxy that refuses the port is "proxy refused", not a network fault', async () => {
    const report = await probe({ proxy: `http://127.0.0.1:${strictProxy.port}` });
    const r = report.endpoints.find((e) => e.name === 'login')!;
    expect(r.failure).toBe('proxy-refused');
    expect(r.connect?.message).toMatch(/403/);
  });

  it('a PAC file (file:// and http://) decides the proxy, evaluated in the sandbox', async () => {
    const pacFile = join(dir, 'proxy.pac');
    writeFileSync(pacFile, `function FindProxyForURL(url, host) { return isPlainHostName(host) && host === "localhost" ? "PROXY 127.0.0.1:${proxy.port}" : "DIRECT"; }`);
    for (const url of [pathToFileURL(pacFile).href, `http://127.0.0.1:${pacPort}/proxy.pac`]) {
      const report = await probe({ proxy: `pac+${url}` });
      const r = report.endpoints.find((e) => e.name === 'login')!;
      expect(r.route.decision).toMatch(new RegExp(`^PROXY 127\\.0\\.0\\.1:${proxy.port}`));
      expect(r.connect?.status).toBe(200);
      expect(r.ok).toBe(true);
    }
  });

  it('a PAC that loops forever is stopped and reported, and the probe goes DIRECT', async () => {
    const pacFile = join(dir, 'loop.pac');
    writeFileSync(pacFile, 'function FindProxyForURL(url, host) { while (true) {} }');
    const report = await probe({ proxy: `pac+${pathToFileURL(pacFile).href}` });
    expect(report.endpoints.find((e) => e.name === 'login')!.route.decision).toBe('DIRECT');
    const f = report.findings.find((x) => x.id === 'network.proxy-config-error')!;
    expect(f.detail).toMatch(/ran longer than|took longer than/);
  });
});

describe('a TLS-inspecting proxy', () => {
  it('is detected from the presented chain: only a locally added root vouches for it', async () => {
    const before = login.requests.length;
    const report = await probe({ proxy: mitm.url });
    const r = report.endpoints.find((e) => e.name === 'login')!;
    expect(mitm.intercepted).toContain('localhost');
    expect(r.tls).toMatchObject({ intercepted: true, publicTrust: false, failure: 'tls-intercepted' });
    expect(r.tls.chain[0]!.issuer).toContain('Contoso Inspection Root');
    expect(r.tls.localRoot).toContain('Contoso Inspection Root');
    expect(r.http?.skipped).toBeDefined();
    expect(login.requests.length).toBe(before); // nothing was sent through the interceptor
    const f = report.findings.find((x) => x.id === 'network.tls-intercepted')!;
    expect(f.severity).toBe('fail');
    expect(f.detail).toMatch(/50192/);
    expect(f.fixes).toContain('network.proxy-bypass-add');
  });

  it('without its root installed, the same chain is "untrusted", not "intercepted"', async () => {
    const report = await probe({ proxy: mitm.url, localRoots: undefined });
    const r = report.endpoints.find((e) => e.name === 'login')!;
    expect(r.tls.failure).toBe('tls-untrusted');
    expect(r.tls.intercepted).toBe(false);
  });
});

describe("Chromium's answer (the app's host.resolveProxy)", () => {
  it('is asked per endpoint URL and shown beside ours; a hanging answer is dropped after the timeout', async () => {
    const ctx = createEngineContext({
      env,
      stateDir: join(dir, 'state-chromium'),
      config: { network: { publicRoots: publicCa.pem, timeouts: TIMEOUTS, udp: false, proxy: 'DIRECT', endpoints: endpointsConfig() } },
      exec: (file, args, options) => execFileSafe(file, args, { ...options, env }),
    });
    const asked: string[] = [];
    const answering = createService(ctx, { openExternal: async () => false, resolveProxy: async (url) => (asked.push(url), `PROXY 127.0.0.1:${proxy.port}`) });
    const result = await answering.invoke('network.probe', {});
    expect(result.ok).toBe(true);
    const report = result.ok ? (result.value as NetworkReport) : undefined;
    expect(asked).toEqual([`https://localhost:${login.port}/`, `https://localhost:${device.port}/`]);
    expect(report!.proxy.decisions.map((d) => [d.ours, d.chromium])).toEqual([
      ['DIRECT', `PROXY 127.0.0.1:${proxy.port}`],
      ['DIRECT', `PROXY 127.0.0.1:${proxy.port}`],
    ]);

    // Chromium's answer is waited for up to httpMs; here it never comes, so that wait is short.
    // (httpMs is also the endpoints' HTTP stage, whose results this part does not look at.)
    const hangingCtx = createEngineContext({
      env,
      stateDir: join(dir, 'state-chromium-hanging'),
      config: { network: { publicRoots: publicCa.pem, timeouts: { ...TIMEOUTS, httpMs: 1000 }, udp: false, proxy: 'DIRECT', endpoints: endpointsConfig() } },
      exec: (file, args, options) => execFileSafe(file, args, { ...options, env }),
    });
    const hanging = createService(hangingCtx, { openExternal: async () => false, resolveProxy: () => new Promise<string>(() => undefined) });
    const r2 = await hanging.invoke('network.probe', {});
    expect(r2.ok).toBe(true);
    expect(r2.ok && r2.value.proxy.decisions.map((d) => [d.ours, d.chromium])).toEqual([
      ['DIRECT', undefined],
      ['DIRECT', undefined],
    ]);
  });

  it('reaches the diagnose proxy check too, so the first view already compares it', async () => {
    const ctx = createEngineContext({
      env,
      stateDir: join(dir, 'state-chromium-diagnose'),
      config: { network: { publicRoots: publicCa.pem, timeouts: TIMEOUTS, udp: false, proxy: 'DIRECT', endpoints: endpointsConfig() } },
      exec: (file, args, options) => execFileSafe(file, args, { ...options, env }),
    });
    const app = createService(ctx, { openExternal: async () => false, resolveProxy: async () => `PROXY 127.0.0.1:${proxy.port}` });
    const result = await app.invoke('diagnose.run', { only: ['network'] });
    const finding = result.ok ? result.value.findings.find((f) => f.id === 'network.proxy') : undefined;
    const decisions = finding?.evidence.decisions as Array<{ ours: string; chromium?: string }>;
    expect(decisions.map((d) => [d.ours, d.chromium])).toEqual([
      ['DIRECT', `PROXY 127.0.0.1:${proxy.port}`],
      ['DIRECT', `PROXY 127.0.0.1:${proxy.port}`],
    ]);
    expect(finding?.detail).toContain(`(Chromium: PROXY 127.0.0.1:${proxy.port})`);
  });
});

describe('diagnose and the CLI', () => {
  it('diagnose --only network runs the proxy, VPN and reachability checks', async () => {
    const result = await service({}).invoke('diagnose.run', { only: ['network'] });
    expect(result.ok).toBe(true);
    const ids = result.ok ? result.value.findings.map((f) => f.id) : [];
    expect(ids).toEqual(expect.arrayContaining(['network.proxy', 'network.vpn', 'network.reachability']));
  });

  it('`network --json --config` prints the full evidence as one JSON document', async () => {
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify({ network: { publicRoots: publicCa.pem, timeouts: TIMEOUTS, udp: false, proxy: proxy.url, endpoints: endpointsConfig() } }));
    const run = await runCliInProcess(['network', '--json', '--config', configFile, '--state-dir', join(dir, 'cli-state')], { env });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as NetworkReport;
    expect(report.endpoints.map((e) => e.name)).toEqual(['login', 'device']);
    expect(report.endpoints[0]!.tls.chain.map((c) => c.subject)[2]).toBe('Test Public Root CA, Sign-in Doctor tests');
    expect(report.endpoints[0]!.connect?.status).toBe(200);
    const bad = await runCliInProcess(['network', '--cloud', 'mars', '--json'], { env });
    expect(bad.code).toBe(2);
  });
});
