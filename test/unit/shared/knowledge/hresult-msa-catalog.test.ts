// The HRESULT and MSA catalogs: valid, canonical, complete enough to act on, and linked only to
// checks and repairs that exist.
import { describe, expect, it } from 'vitest';
import { CatalogEntrySchema } from '../../../../src/shared/contract/explain';
import { DOMAIN_LIST } from '../../../../src/main/domains';
import { fixOptionSchemas } from '../../../../src/shared/contract/fixes';
import { findEntry, findExactEntry } from '../../../../src/shared/knowledge/catalog';
import { HRESULT_CATALOG, HRESULT_RANGES, findHresultRange } from '../../../../src/shared/knowledge/hresult-catalog';
import { MSA_CATALOG, MSA_RANGE } from '../../../../src/shared/knowledge/msa-catalog';

const FIX_IDS = Object.keys(fixOptionSchemas);

describe('HRESULT and MSA catalogs', () => {
  const all = [...HRESULT_CATALOG, ...MSA_CATALOG, ...Object.values(HRESULT_RANGES), MSA_RANGE];

  it('every entry validates unchanged and says who can act and what to do', () => {
    for (const e of all) {
      expect(CatalogEntrySchema.parse(e)).toEqual(e);
      expect(e.meaning.length, e.code).toBeGreaterThan(20);
      expect(e.userActions.length + e.adminActions.length, e.code).toBeGreaterThan(0);
    }
  });

  it('codes are canonical and unique, exact entries are not ranges', () => {
    const codes = HRESULT_CATALOG.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of HRESULT_CATALOG) {
      expect(e.code).toMatch(/^8[0-9A-F]{7}$/);
      expect(e.rangeOnly).toBe(false);
      expect(e.code.startsWith('8010'), 'PC/SC codes stay in their own catalog').toBe(false);
    }
    for (const e of MSA_CATALOG) expect(e.code).toMatch(/^8004[0-9A-F]{4}$/);
  });

  it('covers the families the issue names', () => {
    for (const code of ['80070422', '8007042B', '80072EE2', '80072EE7', '80072EFD', '80072F8F', '80090016', '80090030', '8009002D', '801C001D', '801C03F2', '801C0003', '80180014', '80180026']) {
      expect(findExactEntry('hresult', code), code).toBeDefined();
    }
  });

  it('links only to checks and repairs that exist', () => {
    const domains = new Set(DOMAIN_LIST.map((d) => d.domain));
    for (const e of all) {
      for (const c of e.relatedChecks) expect(domains.has(c as never), `${e.code} check ${c}`).toBe(true);
      for (const f of e.relatedFixes) expect(FIX_IDS, `${e.code} fix ${f}`).toContain(f);
    }
    expect(findExactEntry('hresult', '80072EE7')?.relatedFixes).toContain('network.dns-flush');
    expect(findExactEntry('hresult', '801C03F2')?.relatedChecks).toEqual(['device']);
  });

  it('ranges: the network part of 0x8007, the Win32 number otherwise, nothing for unknown facilities', () => {
    expect(findHresultRange('80072F30')?.name).toMatch(/WinINet/);
    expect(findHresultRange('80073CF0')?.name).toMatch(/Win32\) error 15600/);
    expect(findHresultRange('87D1FDF3')).toBeUndefined();
    expect(findEntry('msa', '80043490')).toMatchObject({ rangeOnly: true, code: '80043490' });
    expect(findEntry('msa', '80070005')).toBeUndefined();
  });
});
