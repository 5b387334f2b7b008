import { describe, expect, it } from 'vitest';
import { lookupCode } from '../../../../src/main/explain/lookup';

describe('lookupCode', () => {
  it.each([
    ['53003', 'aadsts', '53003', 'BlockedByConditionalAccess'],
    ['AADSTS53003', 'aadsts', '53003', 'BlockedByConditionalAccess'],
    [' Error code: 50126 ', 'aadsts', '50126', 'InvalidUserNameOrPassword'],
    ['0xCAA2000B', 'wam', 'CAA2000B', 'ERROR_ADAL_SERVER_ERROR_INVALID_RESOURCE'],
    ['caa20003', 'wam', 'CAA20003', 'ERROR_ADAL_SERVER_ERROR_INVALID_GRANT'],
    ['0x8010001D', 'pcsc', '8010001D', 'SCARD_E_NO_SERVICE'],
    ['scard_e_no_readers_available', 'pcsc', '8010002E', 'SCARD_E_NO_READERS_AVAILABLE'],
  ])('%s', (input, family, code, name) => {
    const [found, ...rest] = lookupCode(input);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ family, code, known: true });
    expect(found?.entry?.name).toBe(name);
  });

  it('unknown codes of our families are unknown, with no entry', () => {
    expect(lookupCode('AADSTS99999')).toEqual([{ family: 'aadsts', code: '99999', raw: 'AADSTS99999', known: false }]);
    expect(lookupCode('0xCAAF1234')).toEqual([{ family: 'wam', code: 'CAAF1234', raw: '0xCAAF1234', known: false }]);
  });

  it('unlisted codes inside a known WAM range get the range entry', () => {
    const [found] = lookupCode('0xCAA8FFFF');
    expect(found?.known).toBe(true);
    expect(found?.entry).toMatchObject({ rangeOnly: true, code: 'CAA8FFFF', family: 'wam' });
  });

  it('anything else is not a code', () => {
    expect(lookupCode('hello')).toEqual([]);
    expect(lookupCode('404')).toEqual([]);
    expect(lookupCode('0x12345678')).toEqual([]);
    expect(lookupCode('99999999999')).toEqual([]);
  });

  it('a Windows HRESULT is one of our families now (generic codes say so)', () => {
    const [found] = lookupCode('0x80070005');
    expect(found).toMatchObject({ family: 'hresult', code: '80070005', known: true, entry: { name: 'E_ACCESSDENIED' } });
    expect(found!.entry!.meaning).toMatch(/generic/);
  });
});
