// Codes outside the catalog: a code in a family the reference table shows gets that family's meaning,
// marked family only; anything else is unknown. End to end through the explainer and the CLI text.
import { describe, expect, it } from 'vitest';
import { renderExplanation } from '../../../src/main/explain/explain-render';
import { explainText } from '../../../src/main/common/explain/explain-text';
import { CatalogEntrySchema } from '../../../src/shared/contract/explain';
import { DOCUMENTED_AADSTS } from '../../../src/shared/knowledge/aadsts/documented-codes';
import { AADSTS_FAMILIES } from '../../../src/shared/knowledge/aadsts/ranges';
import { findEntry, findExactEntry } from '../../../src/shared/knowledge/catalog';

// Undocumented codes (not in the table, not in the catalog), a few per family: code -> family name start.
const FAMILY_SAMPLES: [string, string][] = [
  ['16004', 'AADSTS160xx'],
  ['160022', 'AADSTS160xx'],
  ['20002', 'AADSTS20xxx'],
  ['20099', 'AADSTS20xxx'],
  ['28001', 'AADSTS28xxx'],
  ['40001', 'AADSTS40xxx'],
  ['50004', 'AADSTS50xxx'],
  ['50999', 'AADSTS50xxx'],
  ['500999', 'AADSTS50xxx'],
  ['5009999', 'AADSTS50xxx'],
  ['51002', 'AADSTS51xxx'],
  ['53005', 'AADSTS53xxx'],
  ['530099', 'AADSTS53xxx'],
  ['65003', 'AADSTS65xxx'],
  ['650099', 'AADSTS65xxx'],
  ['70099', 'AADSTS70xxx'],
  ['700999', 'AADSTS70xxx'],
  ['7000999', 'AADSTS70xxx'],
  ['75002', 'AADSTS75xxx'],
  ['750099', 'AADSTS75xxx'],
  ['76001', 'AADSTS75xxx'],
  ['80003', 'AADSTS80xxx'],
  ['80099', 'AADSTS80xxx'],
  ['81001', 'AADSTS81xxx'],
  ['81099', 'AADSTS81xxx'],
  ['90001', 'AADSTS90xxx'],
  ['900999', 'AADSTS90xxx'],
  ['9009999', 'AADSTS90xxx'],
  ['120001', 'AADSTS120xxx'],
  ['120099', 'AADSTS120xxx'],
  ['130001', 'AADSTS130xxx'],
  ['135001', 'AADSTS135xxx'],
  ['140002', 'AADSTS140xxx'],
];

// Prefixes the table shows once or with unrelated meanings, and numbers of no family: never guessed.
const UNKNOWN = ['99999', '10000', '17004', '30000', '52005', '54001', '60000', '67004', '165005', '220001', '230001', '240003', '399001', '1000001', '1234567', '531000', '16500'];

describe('AADSTS families (range entries)', () => {
  it.each(FAMILY_SAMPLES)('AADSTS%s is family only: %s', (code, family) => {
    expect(findExactEntry('aadsts', code)).toBeUndefined();
    const e = findEntry('aadsts', code);
    expect(e).toMatchObject({ family: 'aadsts', code, rangeOnly: true });
    expect(e?.name.startsWith(family), e?.name).toBe(true);
    expect(e?.meaning).toMatch(/only its family is known/);
    expect(CatalogEntrySchema.parse(e)).toEqual(e);
  });

  it.each(UNKNOWN)('AADSTS%s stays unknown', (code) => {
    expect(findEntry('aadsts', code)).toBeUndefined();
  });

  it('every family is one the reference table shows: each matches at least two documented codes', () => {
    for (const f of AADSTS_FAMILIES) {
      const members = DOCUMENTED_AADSTS.filter(([c]) => f.pattern.test(c));
      expect(members.length, f.entry.name).toBeGreaterThanOrEqual(2);
    }
  });

  it('a documented code is always explained exactly, never by its family', () => {
    for (const [code] of DOCUMENTED_AADSTS) expect(findEntry('aadsts', code)?.rangeOnly, code).toBe(false);
  });
});

describe('family-only and unknown codes in the explainer', () => {
  it('an undocumented code gets its family, said so in the headline, the notes and the CLI text', () => {
    const ex = explainText('AADSTS50999: something failed.\nCorrelation ID: 2c6a1f7e-3b9d-4e2a-8f10-5d4c3b2a1f0e');
    expect(ex.codes).toHaveLength(1);
    expect(ex.codes[0]).toMatchObject({ family: 'aadsts', code: '50999', known: true, entry: { rangeOnly: true } });
    expect(ex.headline).toMatch(/^AADSTS50999 belongs to the AADSTS50xxx sign-in family/);
    expect(ex.notes.join(' ')).toMatch(/only their family is known/);
    const text = renderExplanation(ex);
    expect(text).toMatch(/AADSTS50999 — AADSTS50xxx sign-in \(family only\)/);
    expect(text).toContain('https://login.microsoftonline.com/error?code=50999');
  });

  it('a code of no family is unknown, with no meaning made up, and still points at Microsoft\'s page', () => {
    const ex = explainText('Error: AADSTS99999 happened');
    expect(ex.codes[0]).toMatchObject({ family: 'aadsts', code: '99999', known: false });
    expect(ex.codes[0]?.entry).toBeUndefined();
    const text = renderExplanation(ex);
    expect(text).toMatch(/unknown code/);
    expect(text).toContain('https://login.microsoftonline.com/error?code=99999');
  });

  it('a newly covered documented code is explained by its own entry (AADSTS900144)', () => {
    const ex = explainText('{"error":"invalid_request","error_description":"AADSTS900144: The request body must contain the following parameter: \'grant_type\'.","error_codes":[900144]}');
    expect(ex.codes[0]).toMatchObject({ code: '900144', known: true, entry: { rangeOnly: false, fixer: 'developer' } });
    expect(renderExplanation(ex)).toMatch(/Who can fix it: the app's developer/);
  });
});
