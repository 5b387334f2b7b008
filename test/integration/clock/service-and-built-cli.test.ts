// The clock through the service (zod-validated both ways, as IPC and the harness use it) and the
// built dist/cli.js: diagnose's clock finding carries offsetMs exactly as the report and token
// inspector read it; `clock --json` prints one document; a bad --server exits 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockOffsetMs } from '../../../src/main/report/it-message';
import type { ClockStatus } from '../../../src/shared/contract/clock';
import type { Exec } from '../../../src/main/os/exec';
import { tempDir } from '../../support/browser';
import { runBuiltCli } from '../../support/cli';
import { startHarness, type Harness } from '../../support/harness/server';
import { startChrony, type NtpPeer } from '../../support/ntp-server';

const noTools: Exec = async () => ({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' });
let chrony: NtpPeer;
let harness: Harness;

beforeAll(async () => {
  chrony = await startChrony();
  harness = await startHarness({
    stateDir: join(tempDir('clock-service'), 'state'),
    env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'linux' },
    exec: noTools,
    config: { clock: { servers: [chrony.server], dateUrl: 'http://127.0.0.1:9/', timeoutMs: 10_000 } }, // a reply is expected: wait long
    now: () => new Date(Date.now() - 2 * 60_000), // local clock 2 minutes slow
  });
});
afterAll(async () => {
  await harness?.close();
  await chrony?.stop();
});

describe('through the service', () => {
  it('diagnose: clock.skew warns, and the report reads offsetMs ≈ +120 000 from it', async () => {
    const r = await harness.service.invoke('diagnose.run', { only: ['clock'] });
    if (!r.ok) throw new Error(r.error.message);
    const findings = r.value.findings.filter((f) => f.domain === 'clock');
    expect(findings.find((f) => f.id === 'clock.skew')).toMatchObject({ severity: 'warn', title: 'Your clock is 2 minutes slow', fixes: ['clock.resync'] });
    expect(findings.find((f) => f.id === 'clock.auto-time')).toMatchObject({ severity: 'info' }); // timedatectl missing: unknown
    const offset = clockOffsetMs(findings)!;
    // Same machine clock: within half the round trip (+1.1 ms for Date.now()'s millisecond steps).
    const [server] = findings.find((f) => f.id === 'clock.skew')!.evidence.servers as Array<{ delayMs: number }>;
    expect(Math.abs(offset - 120_000)).toBeLessThanOrEqual(server!.delayMs / 2 + 1.1);
  });

  it('clock.measure validates its input: a bad server is bad-input, unknown keys are refused', async () => {
    const bad = await harness.service.invoke('clock.measure', { servers: ['-x y'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const extra = await harness.service.invoke('clock.measure', { servers: [chrony.server], evil: 1 });
    expect(extra.ok).toBe(false);
    const good = await harness.service.invoke('clock.measure', { servers: [chrony.server] });
    expect(good.ok && good.value.measurement.method).toBe('sntp');
  });
});

// `npm test` builds dist/cli.js first (npm run build), as for the other built-CLI tests.
describe('the built CLI (dist/cli.js)', () => {
  it('clock --server --json: exit 0, one JSON document', async () => {
    const dir = tempDir('clock-built-cli');
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify({ clock: { dateUrl: 'http://127.0.0.1:9/', timeoutMs: 10_000 } }));
    const run = await runBuiltCli(['clock', '--server', chrony.server, '--json', '--config', configFile, '--state-dir', join(dir, 'state')]);
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout) as ClockStatus;
    expect(status.measurement.servers[0]).toMatchObject({ server: chrony.server, status: 'ok' });
    const bad = await runBuiltCli(['clock', '--server', 'host:0', '--json', '--state-dir', join(dir, 'state')]);
    expect(bad.code).toBe(2);
    expect(bad.stdout.trim()).not.toBe('');
  });
});
