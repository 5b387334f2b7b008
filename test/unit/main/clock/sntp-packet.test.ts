// The SNTP codec against replies built byte by byte here (not by the code under test): every
// rejection rule of RFC 4330, the era rollover of 2036, and the offset/delay formulas.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NTP_UNIX_OFFSET_S, ntpToUnixMs, unixMsToNtp } from '../../../../src/main/clock/ntp-time';
import { decodeReply, encodeRequest, offsetAndDelay } from '../../../../src/main/clock/sntp-packet';
import { serverReply } from '../../../support/ntp-server';

const NOW = Date.UTC(2026, 10, 23, 8, 0, 0);

function exchange(opts: Parameters<typeof serverReply>[2] = {}) {
  const req = encodeRequest();
  return { req, reply: serverReply(req.packet, NOW, opts) };
}

describe('encodeRequest', () => {
  it('is a 48-byte v4 client packet whose transmit timestamp is the random nonce', () => {
    const a = encodeRequest();
    const b = encodeRequest();
    expect(a.packet).toHaveLength(48);
    expect(a.packet[0]).toBe(0x23); // LI 0, VN 4, mode 3
    expect(a.packet.subarray(40, 48).equals(a.nonce)).toBe(true);
    expect(a.nonce.equals(b.nonce)).toBe(false);
    expect(a.packet.subarray(1, 40).every((x) => x === 0)).toBe(true); // our clock is not disclosed
  });
});

describe('decodeReply', () => {
  it('accepts a proper server reply and reads its fields', () => {
    const { req, reply } = exchange({ stratum: 3 });
    const r = decodeReply(reply, req.nonce, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.reply.stratum).toBe(3);
    expect(r.reply.refid).toBe('127.0.0.1');
    expect(r.reply.receiveMs).toBeCloseTo(NOW, 3);
    expect(r.reply.rootDelayMs).toBeCloseTo(3.906, 2);
  });

  it('reads a stratum-1 refid as text', () => {
    const { req, reply } = exchange({ stratum: 1, refid: 'GPS' });
    const r = decodeReply(reply, req.nonce, NOW);
    expect(r.ok && r.reply.refid).toBe('GPS');
  });

  it('rejects a reply whose originate timestamp is not our nonce (spoofed), before anything else', () => {
    const { req, reply } = exchange({ origin: randomBytes(8) });
    expect(decodeReply(reply, req.nonce, NOW)).toMatchObject({ ok: false, reason: 'spoofed-origin' });
    // A forged kiss-o'-death must not silence us either.
    const kod = serverReply(req.packet, NOW, { stratum: 0, refid: 'DENY', origin: randomBytes(8) });
    expect(decodeReply(kod, req.nonce, NOW)).toMatchObject({ ok: false, reason: 'spoofed-origin' });
  });

  it('reads the kiss code of a kiss-o\'-death', () => {
    for (const code of ['RATE', 'DENY', 'RSTR']) {
      const { req, reply } = exchange({ stratum: 0, refid: code });
      expect(decodeReply(reply, req.nonce, NOW)).toMatchObject({ ok: false, reason: 'kiss-o-death', kissCode: code });
    }
    const { req, reply } = exchange({ stratum: 0 });
    reply.write('\x01\x02\xff\x00', 12, 'latin1');
    expect(decodeReply(reply, req.nonce, NOW)).toMatchObject({ reason: 'kiss-o-death', kissCode: '0x0102ff00' });
  });

  it('rejects truncated, wrong mode, bad version, leap 3, stratum 16, zero transmit, insane root distance', () => {
    const cases: Array<[string, (b: Buffer) => Buffer]> = [
      ['truncated', (b) => b.subarray(0, 47)],
      ['not-server-mode', (b) => ((b[0] = (b[0]! & ~7) | 3), b)],
      ['bad-version', (b) => ((b[0] = (b[0]! & ~0x38) | (7 << 3)), b)],
      ['unsynchronised', (b) => ((b[0] = b[0]! | 0xc0), b)],
      ['bad-stratum', (b) => ((b[1] = 16), b)],
      ['zero-transmit', (b) => b.fill(0, 40, 48)],
      ['bad-timestamps', (b) => b.fill(0, 32, 40)],
      ['bad-root-distance', (b) => (b.writeInt32BE(-65536, 4), b)],
      ['bad-root-distance', (b) => (b.writeUInt32BE(17 * 65536, 8), b)],
    ];
    for (const [reason, mutate] of cases) {
      const { req, reply } = exchange();
      expect(decodeReply(mutate(Buffer.from(reply)), req.nonce, NOW), reason).toMatchObject({ ok: false, reason });
    }
  });

  it('never throws on garbage of any length', () => {
    const { nonce } = encodeRequest();
    for (let n = 0; n < 200; n++) {
      const junk = randomBytes(n % 90);
      const r = decodeReply(junk, nonce, NOW);
      expect(r.ok).toBe(false);
    }
    // Garbage that happens to carry our nonce is still rejected by the field checks.
    const junk = Buffer.alloc(48, 0xff);
    nonce.copy(junk, 24);
    expect(decodeReply(junk, nonce, NOW)).toMatchObject({ ok: false });
  });
});

describe('NTP era math', () => {
  it('round-trips Unix ms through NTP timestamps', () => {
    for (const ms of [0, NOW, NOW + 0.5, Date.UTC(2036, 1, 7, 6, 28, 15), Date.UTC(2040, 0, 1)]) {
      const { seconds, fraction } = unixMsToNtp(ms);
      expect(ntpToUnixMs(seconds, fraction, ms)).toBeCloseTo(ms, 3);
    }
  });

  it('reads a timestamp just after the 2036 rollover as era 1 when our clock is near it', () => {
    const justAfter = Date.UTC(2036, 1, 7, 6, 28, 20); // era 0 ended 2036-02-07T06:28:16Z
    const { seconds } = unixMsToNtp(justAfter);
    expect(seconds).toBeLessThan(10); // wrapped
    expect(ntpToUnixMs(seconds, 0, justAfter - 10_000)).toBe(justAfter);
    // and one just before, read from a clock already past the rollover, stays in era 0
    const before = Date.UTC(2036, 1, 7, 6, 28, 10);
    const b = unixMsToNtp(before);
    expect(b.seconds).toBeGreaterThan(2 ** 32 - 10);
    expect(ntpToUnixMs(b.seconds, 0, justAfter)).toBe(before);
    expect(NTP_UNIX_OFFSET_S).toBe(2_208_988_800);
  });
});

describe('offsetAndDelay', () => {
  it('a clock 6 minutes fast with a 40 ms symmetric path', () => {
    const local = 1_000_000; // our clock says t1 = 1 000 000 but true time is 360 000 ms earlier
    const trueT1 = local - 360_000;
    const t2 = trueT1 + 20;
    const t3 = t2 + 5;
    const t4 = local + 45;
    expect(offsetAndDelay(local, t2, t3, t4)).toEqual({ offsetMs: -360_000, delayMs: 40 });
  });
});
