import { describe, expect, it } from 'vitest';
import { TlvError, encodeTlv, findTag, parseOuter, parseTlvs } from '../../../../src/main/cac/tlv';
import { parseChuid, chuidExpired } from '../../../../src/main/cac/chuid';
import { getData, selectAid, withLe, PIV_AID, splitResponse } from '../../../../src/main/cac/piv-apdu';

describe('BER-TLV', () => {
  it('round-trips short, 81 and 82 lengths and 3-byte tags', () => {
    for (const len of [0, 5, 127, 128, 255, 256, 3000]) {
      const v = new Uint8Array(len).fill(7);
      const enc = encodeTlv(0x5fc105, v);
      const [item] = parseTlvs(enc);
      expect(item!.tag).toBe(0x5fc105);
      expect(item!.value.length).toBe(len);
    }
  });

  it('rejects truncated values, lengths and tags with TlvError', () => {
    expect(() => parseTlvs(Uint8Array.from([0x70, 0x05, 1, 2]))).toThrow(TlvError);
    expect(() => parseTlvs(Uint8Array.from([0x70, 0x82, 0x01]))).toThrow(TlvError);
    expect(() => parseTlvs(Uint8Array.from([0x5f]))).toThrow(TlvError);
    expect(() => parseTlvs(Uint8Array.from([0x70, 0x84, 1, 1, 1, 1]))).toThrow(/length form/);
    expect(() => parseOuter(Uint8Array.from([0x54, 0x00]), 0x53)).toThrow(/expected tag 53/);
  });

  it('skips 00/FF padding between objects', () => {
    const items = parseTlvs(Uint8Array.from([0x00, 0x71, 0x01, 0x01, 0xff, 0xfe, 0x00]));
    expect(items.map((i) => i.tag)).toEqual([0x71, 0xfe]);
    expect(findTag(items, 0x71)).toEqual(Uint8Array.of(1));
  });
});

describe('PIV APDUs', () => {
  it('builds SELECT PIV and GET DATA exactly as SP 800-73-4 gives them', () => {
    expect(Buffer.from(selectAid(PIV_AID)).toString('hex')).toBe('00a4040009a00000030800001000' + '00');
    expect(Buffer.from(getData(0x5fc105)).toString('hex')).toBe('00cb3fff055c035fc10500');
    expect(Buffer.from(getData(0x7e)).toString('hex')).toBe('00cb3fff035c017e00');
    expect(Buffer.from(withLe(getData(0x7e), 0x20)).toString('hex')).toBe('00cb3fff035c017e20');
    expect(splitResponse(Uint8Array.of(1, 2, 0x61, 0x10)).sw).toBe(0x6110);
    expect(() => splitResponse(Uint8Array.of(0x90))).toThrow(RangeError);
  });
});

describe('CHUID', () => {
  const chuid = (exp: string) => encodeTlv(0x53, Uint8Array.from([...encodeTlv(0x34, new Uint8Array(16).fill(0xab)), ...encodeTlv(0x35, Buffer.from(exp)), ...encodeTlv(0xfe, new Uint8Array(0))]));
  it('reads the expiry and GUID', () => {
    const c = parseChuid(chuid('20301231'));
    expect(c.expiry).toBe('2030-12-31');
    expect(c.guid).toBe('AB'.repeat(16));
    expect(chuidExpired('2030-12-31', new Date('2030-12-31T12:00:00Z'))).toBe(false);
    expect(chuidExpired('2030-12-31', new Date('2031-01-01T00:00:01Z'))).toBe(true);
  });
  it('refuses an expiry that is not a date', () => {
    expect(() => parseChuid(chuid('2030AB31'))).toThrow(TlvError);
    expect(() => parseChuid(chuid('20301341'))).toThrow(TlvError);
  });
});
