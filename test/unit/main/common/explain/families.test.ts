// The code families beyond AADSTS: WAM in every spelling (hex, unsigned and signed decimal),
// Windows HRESULT / Win32, Microsoft account 8004xxxx, and support tags (which are not codes).
// Samples are written here from the formats tools print, not copied.
import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../../src/main/common/explain/explain-text';
import { findCodes } from '../../../../../src/main/common/explain/find-codes';
import { lookupCode } from '../../../../../src/main/explain/lookup';
import { displayCode, parseCode } from '../../../../../src/shared/knowledge/catalog';

const codes = (text: string) => findCodes(text, 'plain').hits.map((h) => `${h.family}:${h.code}`);

describe('WAM codes in every form', () => {
  it('hex with or without 0x in any case, unsigned decimal and signed 32-bit decimal are one code', () => {
    for (const text of ['0xCAA2000C', 'caa2000c', '0xcaa2000C', 'Error code: 3399614476', 'WAM error -895352820', '"Microsoft_ADAL_api_error_code":"3399614476"']) {
      expect(codes(text), text).toEqual(['wam:CAA2000C']);
    }
  });

  it('reads the az CLI line and keeps an AADSTS code in the same text apart', () => {
    const ex = explainText('AADSTS50076: Due to a configuration change you must use multi-factor authentication. Error code: 3399614476');
    expect(ex.codes.map((c) => `${c.family}:${c.code}`)).toEqual(['aadsts:50076', 'wam:CAA2000C']);
    expect(ex.codes[1]?.entry?.name).toBe('ERROR_ADAL_SERVER_ERROR_INTERACTION_REQUIRED');
    expect(ex.codes[1]?.raw).toBe('3399614476');
  });

  it('a decimal outside the CAA range is not taken for WAM, and 5-7 digit AADSTS detection is unchanged', () => {
    expect(codes('order 3399483391 and 3400531968')).toEqual([]); // one below and one above the range
    expect(codes('order 3399483392')).toEqual(['wam:CAA00000']);
    expect(codes('Error code: 53003')).toEqual(['aadsts:53003']);
    expect(codes('Error code: 5300312345')).toEqual([]);
    expect(codes('epoch 1764583200 and ms 1764583200123')).toEqual([]);
  });
});

describe('Windows HRESULT / Win32 codes', () => {
  it('hex with 0x anywhere, signed decimal anywhere, bare hex and unsigned decimal after a label', () => {
    expect(codes('hr=0x80070422')).toEqual(['hresult:80070422']);
    expect(codes('Code: -2147023838')).toEqual(['hresult:80070422']);
    expect(codes('HRESULT 80072EE2')).toEqual(['hresult:80072EE2']);
    expect(codes('Error code: 2147943458')).toEqual(['hresult:80070422']);
    // Without a label, eight hex digits or an unsigned decimal are just numbers.
    expect(codes('build 80072EE2 took 2147943458 ms')).toEqual([]);
  });

  it('the named families are explained, with the Win32 meaning and our checks and repairs', () => {
    const ex = explainText('0x80072EFD 0x80090016 0x801C03F2 0x80180014 0x8007042B');
    const byCode = new Map(ex.codes.map((c) => [c.code, c.entry]));
    expect(byCode.get('80072EFD')).toMatchObject({ name: 'ERROR_WINHTTP_CANNOT_CONNECT', relatedChecks: ['network'], rangeOnly: false });
    expect(byCode.get('80090016')).toMatchObject({ name: 'NTE_BAD_KEYSET', relatedChecks: ['device'] });
    expect(byCode.get('80090016')?.meaning).toMatch(/TPM was cleared/);
    expect(byCode.get('801C03F2')?.name).toBe('DSREG_E_DIRECTORY_FAILURE');
    expect(byCode.get('80180014')?.name).toBe('MENROLL_E_DEVICENOTSUPPORTED');
    expect(byCode.get('8007042B')?.meaning).toMatch(/Win32 error 1067/);
  });

  it('says when a code is generic', () => {
    const entry = lookupCode('0x80070005')[0]?.entry;
    expect(entry?.name).toBe('E_ACCESSDENIED');
    expect(entry?.meaning).toMatch(/generic Windows code/);
  });

  it('unlisted codes of a known family get the family meaning marked rangeOnly; 0x8007 gives the Win32 number', () => {
    const [win32] = lookupCode('0x80070020');
    expect(win32).toMatchObject({ family: 'hresult', code: '80070020', known: true });
    expect(win32?.entry).toMatchObject({ rangeOnly: true, code: '80070020' });
    expect(win32?.entry?.name).toMatch(/Win32\) error 32/);
    expect(lookupCode('0x80072F30')[0]?.entry).toMatchObject({ rangeOnly: true, relatedChecks: ['network'] });
    expect(lookupCode('0x801C0099')[0]?.entry?.name).toMatch(/Device registration/);
    expect(lookupCode('0x80180099')[0]?.entry?.name).toMatch(/enrollment/);
    expect(lookupCode('0x80280099')[0]?.entry?.name).toMatch(/TPM/);
    // An HRESULT of a facility we do not know is not a code of ours: never guessed.
    expect(lookupCode('0x87D1FDF3')).toEqual([]);
    expect(explainText('0x87D1FDF3').notes.join('\n')).toMatch(/Also found 0x87D1FDF3/);
  });
});

describe('Microsoft account codes and support tags', () => {
  it('reads "Error Code: 80043490" printed without 0x as the MSA family, and its tag as a support tag', () => {
    const ex = explainText("Something went wrong. We couldn't sign you in.\nError Code: 80043490\nTag: 7q6ca");
    expect(ex.codes.map((c) => `${c.family}:${c.code}`)).toEqual(['msa:80043490']);
    expect(ex.codes[0]?.entry?.rangeOnly).toBe(true);
    expect(ex.fields.supportTag).toBe('7q6ca');
    expect(ex.notes.join('\n')).toMatch(/Support tag 7q6ca is not an error code/);
    expect(ex.itMessage).toContain('Support tag (for Microsoft support): 7q6ca');
  });

  it('a tag is never a code, and only a 4-6 character tag counts', () => {
    expect(codes('Tag: 7q6ca')).toEqual([]);
    expect(explainText('Tag: 7q6ca').fields.supportTag).toBe('7q6ca');
    expect(explainText('(Tag 4usqa)').fields.supportTag).toBe('4usqa');
    expect(explainText('Tag: 7q6caxyz').fields.supportTag).toBeUndefined();
    expect(explainText('hashtag: 7q6ca').fields.supportTag).toBeUndefined();
  });
});

describe('parseCode and displayCode for every family', () => {
  it.each([
    ['53003', 'aadsts', '53003', 'AADSTS53003'],
    ['3399614476', 'wam', 'CAA2000C', '0xCAA2000C'],
    ['-895352820', 'wam', 'CAA2000C', '0xCAA2000C'],
    ['0x8010001d', 'pcsc', '8010001D', '0x8010001D'],
    ['-2147023838', 'hresult', '80070422', '0x80070422'],
    ['0X80090016', 'hresult', '80090016', '0x80090016'],
    ['NTE_BAD_KEYSET', 'hresult', '80090016', '0x80090016'],
    ['80043490', 'msa', '80043490', '0x80043490'],
    ['Error code: 80043490', 'msa', '80043490', '0x80043490'],
  ])('%s', (input, family, code, shown) => {
    const ref = parseCode(input);
    expect(ref).toEqual({ family, code });
    expect(displayCode(ref!.family, ref!.code)).toBe(shown);
  });

  it('refuses what is no code of ours', () => {
    for (const input of ['12345678', '-1234567890', '99999999999', '0x12345678', 'banana']) expect(parseCode(input), input).toBeUndefined();
  });
});
