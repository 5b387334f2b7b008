// The PIV reader against the virtual card's logic over an in-memory transport (the TCP + pcscd
// path is covered in test/integration/cac). Chaining, caps, removal and hostile answers.
import { beforeAll, describe, expect, it } from 'vitest';
import { PCSC, PcscError, type CardConnection } from '../../../../src/main/cac/pcsc-port';
import { CardReadError, DEFAULT_LIMITS, decompressCert, parseCertObject, readCard, ObjectError } from '../../../../src/main/cac/piv-reader';
import { gzipSync, deflateSync } from 'node:zlib';
import { PivCardLogic, buildObjects, createTestPki, type TestPki, type VirtualCardOptions } from '../../../support/virtual-piv-card';
import { encodeTlv } from '../../../../src/main/cac/tlv';

function memoryConnection(logic: PivCardLogic): CardConnection & { sent: Uint8Array[] } {
  let present = true;
  const sent: Uint8Array[] = [];
  return {
    sent,
    atr: Uint8Array.of(0x3b),
    async transmit(apdu) {
      sent.push(apdu);
      if (!present) throw new PcscError(PCSC.REMOVED, 'Card was removed');
      const a = logic.answer(Buffer.from(apdu));
      if (a === 'disconnect') {
        present = false;
        throw new PcscError(PCSC.REMOVED, 'Card was removed');
      }
      return new Uint8Array(a);
    },
    stillPresent: async () => present,
    disconnect() {},
  };
}

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki(new Date('2026-11-23T00:00:00Z'));
});

const read = (opts: VirtualCardOptions = {}) => {
  const logic = new PivCardLogic(buildObjects(pki), opts);
  const conn = memoryConnection(logic);
  return { logic, conn, result: readCard(conn, DEFAULT_LIMITS) };
};

describe('readCard', () => {
  it('reads CHUID, Discovery and the certificates with 61xx chaining and the fewest APDUs', async () => {
    const { conn, result } = read();
    const card = await result;
    expect(card.kind).toBe('piv');
    expect(card.discovery).toBe(true);
    expect(card.slots.map((s) => [s.slot, s.status])).toEqual([
      ['9a', 'present'],
      ['9c', 'present'],
      ['9d', 'present'],
      ['9e', 'empty'],
    ]);
    expect(Buffer.from(card.slots[0]!.der!).equals(Buffer.from(pki.certs['9a']!.rawData))).toBe(true);
    expect(card.slots[2]!.compressed).toBe(true);
    expect(Buffer.from(card.slots[2]!.der!).equals(Buffer.from(pki.certs['9d']!.rawData))).toBe(true);
    // The minimum: 1 SELECT + CHUID + Discovery + 4 GET DATA + one GET RESPONSE per extra 256 bytes.
    const objects = buildObjects(pki);
    const extra = ['5FC105', '5FC10A', '5FC10B', '5FC102'].reduce((n, t) => n + Math.ceil(objects.get(t)!.length / 256) - 1, 0);
    expect(card.apduCount).toBe(7 + extra);
    expect(conn.sent.length).toBe(card.apduCount);
  });

  it('a card removed mid-read throws card-removed (no partial result)', async () => {
    const { result } = read({ disconnectOnObject: '5FC10A' });
    await expect(result).rejects.toMatchObject({ name: 'CardReadError', code: 'card-removed' });
  });

  it('a card pulled mid-APDU that answers nothing while pcscd still says "present" is card-removed once presence drops', async () => {
    // What vpcd + pcscd really do: the transmit returns 0 bytes, and the reader state changes
    // only at pcscd's next poll (~400 ms later).
    const logic = new PivCardLogic(buildObjects(pki), { disconnectOnObject: '5FC10A' });
    let goneAt = 0;
    const conn: CardConnection = {
      atr: Uint8Array.of(0x3b),
      async transmit(apdu) {
        if (goneAt) return new Uint8Array(0);
        const a = logic.answer(Buffer.from(apdu));
        if (a === 'disconnect') {
          goneAt = Date.now();
          return new Uint8Array(0);
        }
        return new Uint8Array(a);
      },
      stillPresent: async () => !goneAt || Date.now() - goneAt < 400,
      disconnect() {},
    };
    await expect(readCard(conn, DEFAULT_LIMITS)).rejects.toMatchObject({ code: 'card-removed' });
  });

  it('an empty answer from a card that stays in is a hostile card after the grace period', async () => {
    const conn: CardConnection = { atr: Uint8Array.of(0x3b), transmit: async () => new Uint8Array(0), stillPresent: async () => true, disconnect() {} };
    await expect(readCard(conn, { ...DEFAULT_LIMITS, removalGraceMs: 200 })).rejects.toMatchObject({ code: 'hostile-card' });
  });

  it('endless 61xx stops after a bounded number of rounds', async () => {
    const { conn, result } = read({ hostile: 'endless-61xx' });
    await expect(result).rejects.toMatchObject({ code: 'hostile-card' });
    expect(conn.sent.length).toBeLessThanOrEqual(4 + Math.ceil(DEFAULT_LIMITS.maxObjectBytes / 256) + 4);
  });

  it('a 1-byte answer is a hostile card, not a crash', async () => {
    await expect(read({ hostile: 'wrong-length' }).result).rejects.toBeInstanceOf(CardReadError);
  });

  it('truncated TLV, gzip bomb and garbage DER make that slot unreadable, the rest still read', async () => {
    for (const hostile of ['truncated-tlv', 'gzip-bomb'] as const) {
      const card = await read({ hostile }).result;
      const bad = card.slots.filter((s) => s.status === 'unreadable');
      expect(bad.length, hostile).toBe(3);
      expect(bad.every((s) => s.der === undefined && typeof s.error === 'string')).toBe(true);
    }
    const garbage = await read({ hostile: 'garbage-der' }).result;
    expect(garbage.slots.filter((s) => s.status === 'present').length).toBe(3); // DER is judged later, by the certificate parser
  });

  it('a legacy CAC-only card is recognised by its CAC applets', async () => {
    const card = await read({ legacyCacOnly: true }).result;
    expect(card.kind).toBe('legacy-cac');
    expect(card.slots).toEqual([]);
  });

  it('6Cxx makes the reader resend with the length the card asked for, once', async () => {
    let step = 0;
    const conn: CardConnection = {
      atr: Uint8Array.of(0x3b),
      async transmit(apdu) {
        step++;
        if (apdu[1] === 0xa4) return Uint8Array.of(0x90, 0x00);
        if (apdu[apdu.length - 1] === 0x00) return Uint8Array.of(0x6c, 0x04);
        return Uint8Array.of(1, 2, 3, 4, 0x6a, 0x82);
      },
      stillPresent: async () => true,
      disconnect() {},
    };
    const card = await readCard(conn);
    expect(card.slots.every((s) => s.status === 'empty')).toBe(true);
    expect(step).toBe(1 + 6 * 2);
  });
});

describe('certificate objects', () => {
  const der = () => new Uint8Array(pki.certs['9a']!.rawData);
  it('accepts gzip and zlib, flagged by CertInfo 0x01 or 0x80', () => {
    const gz = encodeTlv(0x53, Uint8Array.from([...encodeTlv(0x70, gzipSync(der())), ...encodeTlv(0x71, Uint8Array.of(0x80))]));
    expect(parseCertObject(gz, 16384).compressed).toBe(true);
    const z = encodeTlv(0x53, Uint8Array.from([...encodeTlv(0x70, deflateSync(der())), ...encodeTlv(0x71, Uint8Array.of(0x01))]));
    expect(Buffer.from(parseCertObject(z, 16384).der).equals(Buffer.from(der()))).toBe(true);
  });
  it('refuses a gzip bomb at the size cap', () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024));
    expect(() => decompressCert(bomb, 16384)).toThrow(ObjectError);
    expect(() => decompressCert(bomb, 16384)).toThrow(/expands past 16384/);
  });
});
