// Every domain's checks, run for real on this machine (peers pointed at loopback: a closed port for
// the endpoints and NTP, a local Date header, a Teams profile with a sign-in failure in a temp HOME),
// and the device findings of every recorded dsregcmd output: under vitest the check runner fails
// the run on any finding whose evidence does not fit its id's schema, and each is checked here too.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDsregcmd } from '../../../../src/main/device/dsregcmd-parse';
import { windowsFindings } from '../../../../src/main/device/device-checks';
import { DOMAIN_LIST } from '../../../../src/main/domains';
import { createEngineContext } from '../../../../src/main/engine-context';
import { evidenceValidation, runChecks } from '../../../../src/main/engine/check-runner';
import { evidenceMismatch } from '../../../../src/shared/contract/findings';

let dateServer: Server;
let closedPort: number;

beforeAll(async () => {
  dateServer = createServer((_req, res) => res.writeHead(200, { Date: new Date().toUTCString() }).end('{}'));
  await new Promise<void>((r) => dateServer.listen(0, '127.0.0.1', r));
  const probe = createTcpServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
});
afterAll(() => new Promise((r) => dateServer.close(r)));

describe('finding evidence fits its schema', () => {
  it("every domain's checks on this machine", async () => {
    expect(evidenceValidation.strict).toBe(true);
    const home = mkdtempSync(join(tmpdir(), 'sd-evidence-'));
    const logs = join(home, '.config', 'teams-for-linux', 'logs');
    mkdirSync(logs, { recursive: true });
    writeFileSync(join(logs, 'main.log'), '2026-11-23T06:59:00.000Z <ERR> AADSTS53003 Correlation ID: 3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b\n');
    const ctx = createEngineContext({
      stateDir: join(home, 'state'),
      env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), SIGNIN_DOCTOR_PLATFORM: 'linux', PATH: process.env.PATH },
      config: {
        clock: { servers: ['127.0.0.1:9'], dateUrl: `http://127.0.0.1:${(dateServer.address() as AddressInfo).port}/`, timeoutMs: 2000 },
        network: { endpoints: [{ host: '127.0.0.1', port: closedPort, role: 'sign-in' }], udp: false },
      },
    });
    const checks = (await Promise.all(DOMAIN_LIST.map((d) => d.load()))).flatMap((m) => m.checks);
    const findings = await runChecks(checks, ctx);
    expect(findings.map((f) => evidenceMismatch(f)).filter(Boolean)).toEqual([]);
    expect(new Set(findings.map((f) => f.domain))).toEqual(new Set(['teams', 'cac', 'clock', 'network', 'device']));
    expect(findings.map((f) => f.id)).toEqual(expect.arrayContaining(['teams.client-linux', 'teams.log-signin-failure', 'clock.skew', 'network.reachability']));
  });

  it('the device findings of every recorded dsregcmd output', () => {
    const dir = join(__dirname, '../../../fixtures/device');
    const outputs = readdirSync(dir).filter((n) => n.startsWith('dsregcmd-'));
    expect(outputs.length).toBeGreaterThanOrEqual(5);
    for (const name of outputs) {
      const { findings } = windowsFindings(parseDsregcmd(readFileSync(join(dir, name), 'utf8')), new Date('2026-11-23T07:00:00Z'));
      expect(findings.map((f) => evidenceMismatch(f)).filter(Boolean), name).toEqual([]);
    }
  });
});
