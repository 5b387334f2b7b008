import { describe, expect, it } from 'vitest';
import { findCodes } from '../../../../../src/main/common/explain/find-codes';

const codes = (text: string, format: Parameters<typeof findCodes>[1] = 'plain') => findCodes(text, format).hits.map((h) => `${h.family}:${h.code}`);

describe('findCodes', () => {
  it('reads AADSTS with and without separators', () => {
    expect(codes('AADSTS53003 / aadsts 50076 / AADSTS: 7000222 / AADSTS-700082')).toEqual(['aadsts:53003', 'aadsts:50076', 'aadsts:7000222', 'aadsts:700082']);
  });

  it('ignores numbers that cannot be AADSTS codes', () => {
    expect(codes('AADSTS1234 AADSTS12345678 AADSTS and AADSTSfoo')).toEqual([]);
  });

  it('joins a code wrapped onto the next line, but not a following date', () => {
    expect(codes('AADSTS5300\n3: blocked')).toEqual(['aadsts:53003']);
    expect(codes('AADSTS50076\n2025-01-01 failed')).toEqual(['aadsts:50076']);
    // 70002 is known but 7000215 is also known: prefer the joined one only when the short one is not known.
    expect(codes('AADSTS700\n082')).toEqual(['aadsts:700082']);
  });

  it('reads O as zero inside a code but not at the start of the next word', () => {
    expect(codes('AADSTS53OO3: blocked')).toEqual(['aadsts:53003']);
    expect(codes('AADSTS50058Once more')).toEqual(['aadsts:50058']);
    expect(findCodes('AADSTS53OO3', 'plain').hits[0]?.repaired).toBe(true);
  });

  it('reads labelled bare codes, error_codes arrays, and Teams "code" only in Teams dialogs', () => {
    expect(codes('Error Code: 53003')).toEqual(['aadsts:53003']);
    expect(codes('Error code\n530003')).toEqual(['aadsts:530003']);
    expect(codes('Sign-in error code 50053')).toEqual(['aadsts:50053']);
    expect(codes('{"error_codes":[50076, 53003]}')).toEqual(['aadsts:50076', 'aadsts:53003']);
    expect(codes('code 53003')).toEqual([]);
    expect(codes('code 53003', 'teams-dialog')).toEqual(['aadsts:53003']);
    expect(codes('Error code: 404, error code 1001')).toEqual([]);
  });

  it('reads WAM codes in every spelling, normalized to upper case', () => {
    expect(codes('0xCAA2000B caa20003 CAA5004B (0xcaa82ee2/-894947614)')).toEqual(['wam:CAA2000B', 'wam:CAA20003', 'wam:CAA5004B', 'wam:CAA82EE2']);
    expect(codes('mycaa2000b xcaa2000b1')).toEqual([]);
  });

  it('reads PC/SC codes by value (with 0x) and by symbolic name', () => {
    expect(codes('0x8010001d SCARD_W_REMOVED_CARD 8010000B SCARD_E_MADE_UP')).toEqual(['pcsc:8010001D', 'pcsc:80100069']);
    expect(codes('ERROR_ADAL_NEED_CREDENTIAL')).toEqual(['wam:CAA10001']);
  });

  it('keeps first appearance order and de-duplicates across spellings', () => {
    expect(codes('Error code: caa20004 ... 0xCAA20004 ... AADSTS53003 ... Error Code: 53003 ... "error_codes":[53003]')).toEqual(['wam:CAA20004', 'aadsts:53003']);
    const first = findCodes('Error Code: 53003 and AADSTS53003', 'plain').hits[0];
    expect(first?.raw).toBe('53003');
  });

  it('lists 0x........ values of no family of ours separately', () => {
    const found = findCodes('HRESULT 0x80070005 and 0xCAA20003 and 0x80048821 and 0x87D1FDF3 and 0x12345678', 'plain');
    expect(found.otherHex).toEqual(['0x87D1FDF3', '0x12345678']);
    expect(found.hits.map((h) => `${h.family}:${h.code}`)).toEqual(['hresult:80070005', 'wam:CAA20003', 'msa:80048821']);
  });
});
