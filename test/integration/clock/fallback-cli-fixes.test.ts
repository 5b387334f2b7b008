// The rest of the clock domain end to end on loopback: the HTTP Date fallback when no NTP server
// answers (and a TLS endpoint we cannot trust is refused, not believed), the `clock` CLI with the
// real chronyd, and fix verification re-measuring through the same client. Where a reply is
// expected the client waits long (REPLY_MS); a silent server's timeout runs on a clock the test
// moves by hand once the server has been asked.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resyncFix } from '../../../src/main/clock/clock-fixes';
import { measureClock } from '../../../src/main/clock/measure';
import type { ClockStatus } from '../../../src/shared/contract/clock';
import type { FixContext } from '../../../src/main/engine/types';
import type { Exec } from '../../../src/main/os/exec';
import { runCliInProcess } from '../../support/cli';
import { startHttpsEndpoint, type HttpsEndpoint } from '../../support/https-endpoint';
import { startChrony, startScriptedNtp, type NtpPeer, type ScriptedNtp } from '../../support/ntp-server';
import { driveSntpTimeouts } from '../../support/sntp-clock-driver';
import { createTestCa } from '../../support/test-ca';

const REPLY_MS = 10_000;
let chrony: NtpPeer;
let silent: ScriptedNtp;
let dateServer: Server;
let dateUrl: string;
let untrusted: HttpsEndpoint;
const AHEAD_MS = 10 * 60_000;

beforeAll(async () => {
  chrony = await startChrony();
  silent = await startScriptedNtp({ kind: 'silent' });
  // A server whose clock is 10 minutes ahead of ours, answering HEAD with only a Date header.
  dateServer = createServer((_req, res) => res.writeHead(204, { date: new Date(Date.now() + AHEAD_MS).toUTCString() }).end());
  await new Promise<void>((resolve) => dateServer.listen(0, '127.0.0.1', resolve));
  dateUrl = `http://127.0.0.1:${(dateServer.address() as { port: number }).port}/`;
  const ca = await createTestCa('Untrusted Test CA');
  untrusted = await startHttpsEndpoint({ leaf: await ca.issueServer({ commonName: '127.0.0.1', ips: ['127.0.0.1'] }) });
});

/**
 * Runs `work` (which asks `silent` once per sample, `samples` times) with the SNTP timeouts on a
 * hand-moved clock: each sample's timeout passes only after the silent server got that request.
 * What comes after (the HTTP Date fallback, other servers' replies) takes as long as it takes.
 */
async function withSilentTimeouts<T>(timeoutMs: number, samples: number, work: () => Promise<T>, before?: (clock: ReturnType<typeof driveSntpTimeouts>) => Promise<void>): Promise<T> {
  const clock = driveSntpTimeouts();
  try {
    const asked = silent.requests;
    const pending = work();
    if (before) await before(clock);
    for (let i = 1; i <= samples; i++) {
      await silent.requestsSeen(asked + i);
      await clock.elapse(timeoutMs);
    }
    return await pending;
  } finally {
    clock.restore();
  }
}

afterAll(async () => {
  await Promise.all([chrony?.stop(), silent?.stop(), untrusted?.close(), new Promise((r) => dateServer?.close(r))]);
});

describe('HTTP(S) Date fallback', () => {
  it('no NTP answer: the Date header gives the offset (1 s resolution) and method https-date', async () => {
    const m = await withSilentTimeouts(300, 1, () => measureClock({ servers: [silent.server], dateUrl, timeoutMs: 300, samples: 1, toleranceMs: 1000 }));
    expect(m.method).toBe('https-date');
    expect(m.servers[0]).toMatchObject({ status: 'timeout' });
    expect(Math.abs(m.offsetMs! - AHEAD_MS)).toBeLessThanOrEqual(1500);
    expect(m.httpsDate).toMatchObject({ ok: true, url: dateUrl });
  });

  it('an HTTPS endpoint with a certificate we do not trust is not believed: method none', async () => {
    const url = `https://127.0.0.1:${untrusted.port}/`;
    const m = await withSilentTimeouts(300, 1, () => measureClock({ servers: [silent.server], dateUrl: url, timeoutMs: 300, samples: 1, toleranceMs: 1000 }));
    expect(m.method).toBe('none');
    expect(m.offsetMs).toBeUndefined();
    expect(m.httpsDate?.detail).toMatch(/certificate|SELF_SIGNED|UNABLE_TO_VERIFY/i);
  });

  it('NTP answers: the Date header is not asked', async () => {
    const m = await measureClock({ servers: [chrony.server], dateUrl, timeoutMs: REPLY_MS, samples: 1, toleranceMs: 1000 });
    expect(m.method).toBe('sntp');
    expect(m.httpsDate).toBeUndefined();
  });
});

describe('signin-doctor clock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-clock-cli-'));
  const configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ clock: { dateUrl, timeoutMs: REPLY_MS } }));

  it('--server the loopback chronyd --json: one document with the measurement, findings with offsetMs', async () => {
    const run = await runCliInProcess(['clock', '--server', chrony.server, '--json', '--config', configFile, '--state-dir', join(dir, 'state')]);
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout) as ClockStatus;
    expect(status.measurement).toMatchObject({ method: 'sntp', agreeing: [chrony.server] });
    // Same machine clock: within half the round trip (+1.1 ms for Date.now()'s millisecond steps).
    const { delayMs } = status.measurement.servers[0]!;
    expect(Math.abs(status.measurement.offsetMs!)).toBeLessThanOrEqual(delayMs! / 2 + 1.1);
    const skew = status.findings.find((f) => f.id === 'clock.skew')!;
    expect(skew.severity).toBe('ok');
    expect(typeof skew.evidence.offsetMs).toBe('number');
    expect(status.findings.map((f) => f.id)).toContain('clock.auto-time');
  });

  it('human output: the server table, verdict, method, automatic time, time zone', async () => {
    // chronyd answers both samples before the silent server's timeouts are let pass.
    const run = await withSilentTimeouts(REPLY_MS, 2, () => runCliInProcess(['clock', '--server', chrony.server, '--server', silent.server, '--config', configFile, '--state-dir', join(dir, 'state')]), (clock) => clock.handled(chrony.port, 2));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Server\s+Address\s+Offset\s+Delay\s+Stratum\s+Refid/);
    expect(run.stdout).toContain(chrony.server);
    expect(run.stdout).toMatch(new RegExp(`${silent.server.replace(/\./g, '\\.')}\\s+127\\.0\\.0\\.1\\s+timeout`));
    expect(run.stdout).toMatch(/Verdict: +your clock is within 1 second of true time/);
    expect(run.stdout).toMatch(/Method: +NTP/);
    expect(run.stdout).toMatch(/Automatic time: /);
    expect(run.stdout).toMatch(/Time zone: /);
  });

  it('a bad --server is exit 2 and nothing is sent', async () => {
    for (const bad of ['-x', 'a b', 'host:99999', '1.2.3']) {
      const run = await runCliInProcess(['clock', '--server', bad, '--json', '--state-dir', join(dir, 'state')]);
      expect(run.code, bad).toBe(2);
    }
  });
});

describe('clock.resync verify re-measures through the same client', () => {
  const noExec: Exec = async () => ({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' });
  const ctx = (skewMs: number) =>
    ({ platform: 'linux', env: {}, exec: noExec, stateDir: '/nonexistent', config: { clock: { servers: [chrony.server], dateUrl, timeoutMs: REPLY_MS } }, now: () => new Date(Date.now() + skewMs), runId: 'r', backupDir: '/nonexistent' }) as unknown as FixContext;

  it('ok when the clock agrees with chronyd, not ok (with the words) when it is still 6 minutes fast', async () => {
    const good = await resyncFix.verify(ctx(0), {}, {} as never);
    expect(good.ok).toBe(true);
    const bad = await resyncFix.verify(ctx(360_000), {}, {} as never);
    expect(bad.ok).toBe(false);
    expect(bad.message).toBe('The clock is still 6 minutes fast.');
  });
});
