// Hostile PAC files through the BUILT CLI (dist/cli.js with dist/pac-worker.js beside it; run
// `npm run build` first): a loopback HTTP server serves them as the config file's
// "pac+http://…" proxy setting and as GNOME's autoconfig-url (real gsettings, keyfile backend in
// a temp folder). Whatever the PAC does (a catastrophic shExpMatch pattern, an endless loop that
// also alerts, an allocation loop, top-level code that never returns, a huge answer, a syntax
// error, too big, not there, never finishing to arrive), `network --json` and
// `diagnose --only network --json` answer with exactly one JSON document, exit 0, and a broken PAC
// is the finding network.proxy-config-error with its reason. Before the PAC worker, the first
// two cases ran past 40 s and the CLI never answered (runBuiltCli's 90 s limit fails the test).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkReport } from '../../../src/shared/contract/network';
import type { Finding } from '../../../src/shared/model';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli } from '../../support/cli';
import { freePort } from '../../support/proxy';

const pac = (body: string) => `function FindProxyForURL(url, host) { ${body} }`;
const PACS: Record<string, string> = {
  // pac-resolver turned this pattern into new RegExp("^([^X]+)+X$") and ran it on our thread.
  'regex.pac': pac(`return shExpMatch("${'a'.repeat(43)}", "([^X]+)+X") ? "PROXY wrong.invalid:1" : "PROXY 127.0.0.1:9; DIRECT";`),
  'loop.pac': pac('alert("a PAC that prints"); while (true) {}'),
  'alloc.pac': pac('var a = []; while (true) a.push("x".repeat(100000) + a.length);'),
  'toplevel.pac': `for (;;) {}\n${pac('return "DIRECT";')}`,
  'huge.pac': pac('return "PROXY a:1;".repeat(1e6);'),
  'syntax.pac': pac('return "DIRECT"').slice(0, -1),
  'big.pac': `${pac('return "DIRECT";')}\n//${'x'.repeat(1024 * 1024)}`,
};

let server: Server;
let base: string;
let refused: number;
const dir = tempDir('pac-hostile');
const env = {
  PATH: process.env.PATH,
  HOME: dir,
  XDG_CONFIG_HOME: join(dir, 'config'),
  GSETTINGS_BACKEND: 'keyfile',
  SIGNIN_DOCTOR_PLATFORM: 'linux',
  // The machine's own proxy variables must not decide instead of the PAC (empty = not set).
  ...Object.fromEntries(['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((n) => [[n, ''], [n.toLowerCase(), '']])),
};
const TIMEOUTS = { dnsMs: 1000, tcpMs: 1000, connectMs: 1000, tlsMs: 1000, httpMs: 2000 };

function config(name: string, network: Record<string, unknown>): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ network: { udp: false, timeouts: TIMEOUTS, endpoints: [{ name: 'login', host: '127.0.0.1', port: refused, role: 'sign-in', critical: true }], ...network } }));
  return file;
}

async function cli<T>(args: string[]): Promise<T> {
  const run = await runBuiltCli([...args, '--json', '--state-dir', join(dir, 'state')], { env, timeoutMs: 90_000 });
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T; // exactly one JSON document: nothing the PAC did reached stdout
}

const configError = (findings: Finding[]) => findings.find((f) => f.id === 'network.proxy-config-error');

beforeAll(async () => {
  if (!existsSync(CLI_PATH) || !existsSync(join(CLI_PATH, '..', 'pac-worker.js'))) throw new Error('run `npm run build` first (dist/cli.js and dist/pac-worker.js)');
  refused = await freePort();
  server = createServer((req, res) => {
    const name = (req.url ?? '').slice(1);
    if (name === 'drip.pac') {
      res.writeHead(200); // starts, then never finishes
      res.write('function FindProxyForURL(url, host) {');
      return;
    }
    const body = PACS[name];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('signin-doctor network with a hostile PAC (config file "pac+http://…")', () => {
  it('a catastrophic shExpMatch pattern is matched as a glob: the PAC decides, no error', async () => {
    const report = await cli<NetworkReport>(['network', '--config', config('regex', { proxy: `pac+${base}/regex.pac` })]);
    expect(report.proxy.decisions[0]).toMatchObject({ ours: 'PROXY 127.0.0.1:9; DIRECT', source: 'config' });
    expect(report.proxy.decisions[0]!.error).toBeUndefined();
    expect(configError(report.findings)).toBeUndefined();
  }, 120_000);

  it.each([
    ['loop.pac', 'FindProxyForURL ran longer than 2000 ms and was stopped'],
    ['alloc.pac', 'FindProxyForURL ran out of memory (the sandbox has 64 MB)'],
    ['toplevel.pac', "the PAC file's top-level code ran longer than 4000 ms and was stopped"],
    ['huge.pac', 'FindProxyForURL returned 10000000 characters, more than 16 KB'],
    ['syntax.pac', 'the PAC file does not compile: '],
    ['big.pac', 'the PAC file is larger than 1024 KB'],
    ['missing.pac', 'the PAC server answered HTTP 404'],
    ['drip.pac', 'the PAC file did not arrive within 2000 ms'],
  ])('%s is network.proxy-config-error: "%s"', async (name, reason) => {
    const url = `${base}/${name}`;
    const report = await cli<NetworkReport>(['network', '--config', config(name, { proxy: `pac+${url}` })]);
    expect(report.proxy.decisions[0]!.ours).toBe('DIRECT'); // measured without the broken PAC
    expect(report.proxy.decisions[0]!.error).toContain(reason);
    const f = configError(report.findings)!;
    expect(f).toMatchObject({ domain: 'network', severity: 'warn' });
    expect(f.detail).toContain(`${reason}`);
    expect(f.detail).toContain(`PAC file: ${url}`);
    expect(f.evidence).toEqual({ errors: [{ host: '127.0.0.1', error: expect.stringContaining(reason) }] });
    // The proxy finding does not claim there is no proxy: the configuration says there is one.
    expect(report.findings.find((x) => x.id === 'network.proxy')!.title).toMatch(/could not be followed; .* measured without a proxy/);
    // The probe still ran, DIRECT, to the refused port.
    expect(report.endpoints[0]).toMatchObject({ name: 'login', ok: false, route: { decision: 'DIRECT' } });
  }, 120_000);
});

describe("GNOME's autoconfig-url serving a hostile PAC", () => {
  beforeAll(() => {
    const gs = (...args: string[]) => execFileSync('gsettings', args, { env, encoding: 'utf8' });
    gs('set', 'org.gnome.system.proxy', 'mode', 'auto');
    gs('set', 'org.gnome.system.proxy', 'autoconfig-url', `${base}/loop.pac`);
  });

  it('network answers with the reason', async () => {
    const report = await cli<NetworkReport>(['network', '--config', config('gnome', {})]);
    expect(report.proxy.primary).toBe('gnome');
    const f = configError(report.findings)!;
    expect(f.detail).toContain('FindProxyForURL ran longer than 2000 ms and was stopped');
    expect(f.detail).toContain(`PAC file: ${base}/loop.pac`);
    expect(f.fixes).toEqual(['network.proxy-disable']); // a per-user setting the user can turn off
  }, 120_000);

  it('diagnose --only network answers too (the proxy and reachability checks each ran the PAC)', async () => {
    const result = await cli<{ findings: Finding[] }>(['diagnose', '--only', 'network', '--config', config('gnome-diagnose', {})]);
    const f = configError(result.findings)!;
    expect(f.detail).toContain('FindProxyForURL ran longer than 2000 ms and was stopped');
    expect(result.findings.map((x) => x.id)).toContain('network.reachability');
  }, 120_000);
});
