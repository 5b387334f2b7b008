// The verdict's error from pasted text with the newer families: WinHTTP / WinINet codes reach the
// causes engine as its winhttp family once (in hex or signed decimal); other HRESULT and MSA codes
// go on as themselves; with several errors in the paste, the newest one is taken.
import { describe, expect, it } from 'vitest';
import { errorFromText } from '../../../../src/main/diagnosis/error-from-text';

describe('errorFromText, newer families', () => {
  it('0x80072EE7 in hex and as -2147012889 is one winhttp code with its name', () => {
    const err = errorFromText('Sign-in failed 0x80072EE7 (hr -2147012889)');
    expect(err.codes).toEqual([{ family: 'winhttp', code: '80072EE7', display: '0x80072EE7', name: 'ERROR_WINHTTP_NAME_NOT_RESOLVED', known: true }]);
  });

  it('other HRESULT and MSA codes keep their family', () => {
    const err = errorFromText('Error Code: 80043490 and NTE_BAD_KEYSET 0x80090016');
    expect(err.codes.map((c) => `${c.family}:${c.code}`)).toEqual(['msa:80043490', 'hresult:80090016']);
    expect(err.codes[0]!.name).toBeUndefined(); // family only: no name is made up
  });

  it('several errors: the newest one and its IDs', () => {
    const err = errorFromText('AADSTS70016\nCorrelation ID: 11111111-0000-4000-8000-000000000001\nTimestamp: 2026-11-30 09:00:00Z\nAADSTS53003\nCorrelation ID: 22222222-0000-4000-8000-000000000002\nTimestamp: 2026-11-30 10:00:00Z');
    expect(err.codes.map((c) => c.code)).toEqual(['53003']);
    expect(err.correlationId).toBe('22222222-0000-4000-8000-000000000002');
  });
});
