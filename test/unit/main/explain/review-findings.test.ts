// The review findings of issue #13 that show in the CLI: decimal Windows error numbers typed with
// --code are not AADSTS (#5), and an AADSTS number found without its prefix is shown with it (#8).
import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../src/main/common/explain/explain-text';
import { renderExplanation, renderLookup } from '../../../../src/main/explain/explain-render';
import { lookupCode } from '../../../../src/main/explain/lookup';

describe('decimal Windows error numbers typed as a code (review #5)', () => {
  it('12002 is the WinHTTP timeout, shown as its HRESULT, with no AADSTS page', () => {
    const found = lookupCode('12002');
    expect(found).toMatchObject([{ family: 'hresult', code: '80072EE2', known: true }]);
    expect(found[0]?.entry?.name).toBe('ERROR_WINHTTP_TIMEOUT');
    const out = renderLookup('12002', found);
    expect(out).not.toMatch(/AADSTS|error\?code=/);
  });

  it('a WinHTTP number outside the table gets the WinHTTP family', () => {
    expect(lookupCode('Error code: 12150')).toMatchObject([{ family: 'hresult', code: '80072F76', known: true, entry: { rangeOnly: true } }]);
  });

  it('Winsock 10060 is no code of ours, and the reply says why, without AADSTS', () => {
    expect(lookupCode('10060')).toEqual([]);
    const out = renderLookup('10060', []);
    expect(out).toMatch(/Windows error numbers/);
    expect(out).not.toMatch(/AADSTS10060|error\?code=/);
  });

  it('an explicit AADSTS12029 stays AADSTS, unknown, with its page', () => {
    const found = lookupCode('AADSTS12029');
    expect(found).toEqual([{ family: 'aadsts', code: '12029', raw: 'AADSTS12029', known: false }]);
    expect(renderLookup('AADSTS12029', found)).toMatch(/AADSTS12029: unknown code/);
  });

  it('AADSTS numbers outside 10000-15999 are still read without the prefix', () => {
    expect(lookupCode('16000')).toMatchObject([{ family: 'aadsts', code: '16000', known: true }]);
    expect(lookupCode('135011')).toMatchObject([{ family: 'aadsts', code: '135011' }]);
  });
});

describe('an AADSTS number found without its prefix (review #8)', () => {
  it('is shown as AADSTS50058', () => {
    const out = renderExplanation(explainText('Sign-in failed.\nError code: 50058'));
    expect(out).toMatch(/^AADSTS50058 — /m);
    expect(out).not.toMatch(/^50058 — /m);
  });
});
