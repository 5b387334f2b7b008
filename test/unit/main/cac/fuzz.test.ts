// Thousands of mutated card answers through the TLV, CHUID, certificate-object and X.509 parsers,
// and random APDU responses through the reader: each ends in a result or one of our clear errors,
// never another exception, a hang or an unbounded buffer. Seeded, so a failure is reproducible.
import { beforeAll, describe, expect, it } from 'vitest';
import { CertParseError, certFacts } from '../../../../src/main/cac/cac-certificate';
import { parseChuid } from '../../../../src/main/cac/chuid';
import { PCSC, PcscError, type CardConnection } from '../../../../src/main/cac/pcsc-port';
import { CardReadError, ObjectError, parseCertObject, readCard } from '../../../../src/main/cac/piv-reader';
import { TlvError, parseTlvs } from '../../../../src/main/cac/tlv';
import { rng } from '../../../support/prng';
import { buildObjects, createTestPki } from '../../../support/virtual-piv-card';

const prng = rng;

function mutate(input: Uint8Array, rnd: () => number): Uint8Array {
  const b = Array.from(input);
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    const pos = Math.floor(rnd() * Math.max(1, b.length));
    switch (Math.floor(rnd() * 6)) {
      case 0:
        b[pos] = (b[pos] ?? 0) ^ (1 << Math.floor(rnd() * 8));
        break;
      case 1:
        b.length = pos; // truncate
        break;
      case 2:
        b.splice(pos, 0, Math.floor(rnd() * 256));
        break;
      case 3:
        b.splice(pos, 1 + Math.floor(rnd() * 8));
        break;
      case 4:
        b[pos] = [0x00, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0xff][Math.floor(rnd() * 8)]!; // length-ish bytes
        break;
      default:
        b.push(...Array.from({ length: Math.floor(rnd() * 16) }, () => Math.floor(rnd() * 256)));
    }
  }
  return Uint8Array.from(b);
}

const OURS = [TlvError, ObjectError, CertParseError];
function expectOurs(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!OURS.some((k) => error instanceof k)) throw new Error(`unexpected ${(error as Error).name}: ${(error as Error).message}`, { cause: error });
  }
}

let seeds: Uint8Array[] = [];
beforeAll(async () => {
  const pki = await createTestPki(new Date('2026-11-23T00:00:00Z'));
  seeds = [...buildObjects(pki).values()].map((b) => new Uint8Array(b));
});

describe('fuzzing the card parsers (seeded)', () => {
  it('5000 mutated objects: parsed or a clear error, never another exception', () => {
    const rnd = prng(0xcac);
    const now = new Date('2026-11-23T00:00:00Z');
    let parsed = 0;
    for (let i = 0; i < 5000; i++) {
      const input = mutate(seeds[i % seeds.length]!, rnd);
      expectOurs(() => parseTlvs(input));
      expectOurs(() => parseChuid(input));
      expectOurs(() => {
        const { der } = parseCertObject(input, 16384);
        expect(der.length).toBeLessThanOrEqual(16384);
        certFacts(der, now);
        parsed++;
      });
    }
    // Some mutations land in unimportant bytes and still parse: the fuzz reaches the X.509 parser.
    expect(parsed).toBeGreaterThan(50);
  });

  it('2000 random DER-ish blobs through the certificate parser', () => {
    const rnd = prng(7);
    for (let i = 0; i < 2000; i++) {
      const len = Math.floor(rnd() * 600);
      const blob = Uint8Array.from({ length: len }, () => Math.floor(rnd() * 256));
      if (len > 2) blob[0] = 0x30;
      expectOurs(() => certFacts(blob, new Date()));
    }
  });

  it('500 random cards: the reader resolves or throws CardReadError within a bounded APDU count', async () => {
    const rnd = prng(42);
    for (let i = 0; i < 500; i++) {
      let sent = 0;
      const conn: CardConnection = {
        atr: Uint8Array.of(0x3b),
        async transmit() {
          sent++;
          const kind = rnd();
          if (kind < 0.05) throw new PcscError(PCSC.REMOVED, 'Card was removed');
          const sw1 = [0x90, 0x61, 0x6c, 0x6a, 0x69, 0x63][Math.floor(rnd() * 6)]!;
          const data = Uint8Array.from({ length: Math.floor(rnd() * (kind < 0.1 ? 300 : 258)) }, () => Math.floor(rnd() * 256));
          return Uint8Array.from([...data, sw1, Math.floor(rnd() * 256)]);
        },
        stillPresent: async () => rnd() > 0.5,
        disconnect() {},
      };
      try {
        await readCard(conn, { apduTimeoutMs: 1000, totalTimeoutMs: 5000, maxObjectBytes: 16384, maxCertBytes: 16384 });
      } catch (error) {
        if (!(error instanceof CardReadError)) throw error;
      }
      expect(sent).toBeLessThanOrEqual(7 * (Math.ceil(16384 / 256) + 6));
    }
  });
});
