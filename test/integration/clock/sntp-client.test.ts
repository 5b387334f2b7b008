// Our SNTP client against a REAL chronyd on loopback and a scripted hostile responder: offsets
// proven end to end (a skewed local clock, a server with a known offset, ntpdig's own answer),
// every rejection reported with its reason, agreement that ignores a liar, bounded timeouts.
// Where a reply is expected the client waits long (REPLY_MS: a busy machine is slow, not silent);
// where a timeout is the expected outcome, the timeout runs on a clock the test moves by hand.
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureClock } from '../../../src/main/clock/measure';
import { parseServerAddress, type ServerAddress } from '../../../src/main/clock/server-address';
import { queryServer, type ServerResult } from '../../../src/main/clock/sntp-client';
import { chronyAvailable, startChrony, startScriptedNtp, type NtpPeer } from '../../support/ntp-server';
import { driveSntpTimeouts } from '../../support/sntp-clock-driver';

const REPLY_MS = 10_000;
const addr = (s: string) => parseServerAddress(s) as ServerAddress;
const settings = (servers: string[], extra: Partial<{ timeoutMs: number; dateUrl: string }> = {}) => ({ servers, dateUrl: extra.dateUrl ?? 'http://127.0.0.1:9/', timeoutMs: extra.timeoutMs ?? REPLY_MS, samples: 2, toleranceMs: 1000 });

/**
 * Client and server share this machine's clock, so the only error of a measured offset is where
 * inside the round trip the server took its time: at most half the round trip, plus 1 ms for the
 * millisecond steps of Date.now() (our T1; the scripted server's clock) and 0.1 ms for the
 * scripted server's 0.05 ms between its receive and transmit stamps. No bound on the round trip.
 */
function expectOffset(r: Pick<ServerResult, 'offsetMs' | 'delayMs'>, expectedMs: number): void {
  expect(r.delayMs).toBeGreaterThanOrEqual(0);
  expect(Math.abs(r.offsetMs! - expectedMs)).toBeLessThanOrEqual(r.delayMs! / 2 + 1.1);
}

let chrony: NtpPeer;

beforeAll(async () => {
  if (!chronyAvailable()) throw new Error('chronyd is not installed (apt-get install chrony)');
  chrony = await startChrony();
});
afterAll(() => chrony?.stop());

describe('against a real chronyd', () => {
  it('answers with stratum 9 (local stratum 8 + 1), a refid, and an offset near 0 (same machine clock)', async () => {
    const r = await queryServer(addr(chrony.server), { timeoutMs: REPLY_MS, samples: 2 });
    expect(r).toMatchObject({ status: 'ok', address: '127.0.0.1', samples: 2 });
    expect(r.stratum).toBeGreaterThanOrEqual(8);
    expect(r.stratum).toBeLessThanOrEqual(9);
    expectOffset(r, 0);
  });

  it('a local clock 6 minutes fast is measured as offset -360 000 ms', async () => {
    const m = await measureClock(settings([chrony.server]), { now: () => Date.now() + 360_000 });
    expect(m.method).toBe('sntp');
    expect(m.agreeing).toEqual([chrony.server]);
    expectOffset({ offsetMs: m.offsetMs, delayMs: m.servers[0]!.delayMs }, -360_000);
  });

  it('agrees with ntpdig asking a chronyd on port 123', async () => {
    if (!existsSync('/usr/bin/ntpdig')) throw new Error('ntpdig is not installed (ntpsec-ntpdig)');
    const probe = dgram.createSocket('udp4');
    const free = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.bind(123, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) return; // another NTP server owns port 123 here; the random-port tests still ran
    const on123 = await startChrony({ port: 123 });
    try {
      const ours = await queryServer(addr('127.0.0.1'), { timeoutMs: REPLY_MS, samples: 2 });
      const theirs = await new Promise<string>((resolve) => execFile('/usr/bin/ntpdig', ['-j', '-t', '30', '127.0.0.1'], (_e, out) => resolve(String(out))));
      // ntpdig's "precision" is its synchronisation distance (half its round trip plus its clock's
      // precision): the bound of its own error, as expectOffset's is of ours. Printed to 1 µs.
      const ntpdig = JSON.parse(theirs) as { offset: number; precision: number };
      expect(ours.status).toBe('ok');
      expect(Math.abs(ours.offsetMs! - ntpdig.offset * 1000)).toBeLessThanOrEqual(ours.delayMs! / 2 + 1 + ntpdig.precision * 1000 + 0.002);
    } finally {
      await on123.stop();
    }
  });
});

describe('against a scripted responder', () => {
  const peers: NtpPeer[] = [];
  afterAll(() => Promise.all(peers.map((p) => p.stop())));
  const scripted = async (b: Parameters<typeof startScriptedNtp>[0]) => {
    const p = await startScriptedNtp(b);
    peers.push(p);
    return p;
  };

  it('a server 2 minutes ahead gives offset +120 000 ms', async () => {
    const p = await scripted({ kind: 'offset', offsetMs: 120_000, stratum: 2 });
    const r = await queryServer(addr(p.server), { timeoutMs: REPLY_MS, samples: 2 });
    expect(r.status).toBe('ok');
    expectOffset(r, 120_000);
    expect(r.refid).toBe('127.0.0.1');
  });

  it("kiss-o'-death RATE: rejected with its code, and we stop asking after the first one", async () => {
    const p = await scripted({ kind: 'kiss', code: 'RATE' });
    const r = await queryServer(addr(p.server), { timeoutMs: REPLY_MS, samples: 3 });
    expect(r).toMatchObject({ status: 'rejected', reason: 'kiss-o-death', kissCode: 'RATE' });
    expect(r.offsetMs).toBeUndefined();
    expect(p.requests).toBe(1);
  });

  it('spoofed origin, garbage, truncated, unsynchronised: rejected with the reason, never an offset', async () => {
    const cases = [
      [{ kind: 'spoofed-origin' }, 'spoofed-origin'],
      [{ kind: 'garbage', bytes: 48 }, 'spoofed-origin'], // random bytes cannot carry our nonce
      [{ kind: 'garbage', bytes: 7 }, 'truncated'],
      [{ kind: 'truncated' }, 'truncated'],
      [{ kind: 'unsynchronised' }, 'unsynchronised'],
    ] as const;
    for (const [behaviour, reason] of cases) {
      const p = await scripted(behaviour);
      let r: ServerResult;
      if (reason === 'spoofed-origin') {
        // A forged reply is ignored while the client listens on for the real one: the rejection is
        // what its timeout finds. That clock moves only once the client has handled the forgery.
        const clock = driveSntpTimeouts();
        try {
          const pending = queryServer(addr(p.server), { timeoutMs: 400, samples: 1 });
          await clock.handled(p.port, 1);
          await clock.elapse(400);
          r = await pending;
        } finally {
          clock.restore();
        }
      } else {
        r = await queryServer(addr(p.server), { timeoutMs: REPLY_MS, samples: 1 });
      }
      expect(r, behaviour.kind).toMatchObject({ status: 'rejected', reason });
      expect(r.offsetMs).toBeUndefined();
    }
  });

  it('a forged reply arriving first does not win and does not silence the real answer', async () => {
    const p = await scripted({ kind: 'spoofed-then-real', offsetMs: 1500 });
    const r = await queryServer(addr(p.server), { timeoutMs: REPLY_MS, samples: 1 });
    expect(r.status).toBe('ok');
    expectOffset(r, 1500);
  });

  // The wall-clock figure (dead servers among live ones) is printed by `npm run bench` (clock).
  it('silence is a timeout, bounded by the timeout even with many servers', async () => {
    const silent = await Promise.all([1, 2, 3, 4].map(() => scripted({ kind: 'silent' })));
    const clock = driveSntpTimeouts();
    try {
      const measuring = measureClock(settings(silent.map((s) => s.server), { timeoutMs: 300 }));
      // All four are asked at once: each first request arrives before any time has passed.
      await Promise.all(silent.map((s) => s.requestsSeen(1)));
      await clock.elapse(300); // every first sample times out together
      await Promise.all(silent.map((s) => s.requestsSeen(2)));
      await clock.elapse(300);
      // 2 samples x 300 ms for the four together: the measurement (with the refused Date
      // fallback) ends without any more time passing.
      const m = await measuring;
      expect(m.servers.map((s) => [s.status, s.samples])).toEqual(silent.map(() => ['timeout', 2]));
      expect(silent.map((s) => s.requests)).toEqual([2, 2, 2, 2]);
      expect(m.method).toBe('none'); // the Date URL (port 9) refuses too
    } finally {
      clock.restore();
    }
  });

  it('an IPv6 literal server ([::1]:port) is asked over udp6', async () => {
    const p = await startScriptedNtp({ kind: 'offset', offsetMs: -30_000 }, { host: '::1' });
    peers.push(p);
    const r = await queryServer(addr(p.server), { timeoutMs: REPLY_MS, samples: 1 });
    expect(r).toMatchObject({ status: 'ok', host: '::1', address: '::1' });
    expectOffset(r, -30_000);
  });

  it('a DNS failure is reported as such', async () => {
    // Failing lookup or lookup past its deadline: a dns-failure naming the host either way.
    const r = await queryServer(addr('no-such-host.invalid'), { timeoutMs: 300, samples: 1 });
    expect(r.status).toBe('dns-failure');
    expect(r.detail).toMatch(/no-such-host\.invalid/);
  });

  it('agreement: chrony and a close server agree; a liar 1 h off and a KoD are left out', async () => {
    const close = await scripted({ kind: 'offset', offsetMs: 200 });
    const liar = await scripted({ kind: 'offset', offsetMs: 3_600_000 });
    const kod = await scripted({ kind: 'kiss', code: 'DENY' });
    const m = await measureClock(settings([chrony.server, close.server, liar.server, kod.server]));
    expect(m.method).toBe('sntp');
    expect(m.agreeing.sort()).toEqual([chrony.server, close.server].sort());
    expect(m.disagreeing).toEqual([liar.server]);
    // The median of the two agreeing answers (0 and +200 ms), each within its round-trip bound,
    // rounded to the millisecond.
    const delay = (server: string) => m.servers.find((x) => x.server === server)!.delayMs!;
    expect(Math.abs(m.offsetMs! - 100)).toBeLessThanOrEqual((delay(chrony.server) + delay(close.server)) / 4 + 1.1 + 0.5);
    expect(m.servers.find((s) => s.server === kod.server)).toMatchObject({ status: 'rejected', kissCode: 'DENY' });
  });
});
