// Coverage proof: every code of Microsoft's reference table (documented-codes.ts, with the commit it
// was read from) is explained exactly, under Microsoft's symbolic name where the table gives one.
import { describe, expect, it } from 'vitest';
import { AADSTS_CATALOG } from '../../../src/shared/knowledge/aadsts-catalog';
import { DOCUMENTED_AADSTS, DOCUMENTED_SOURCE } from '../../../src/shared/knowledge/aadsts/documented-codes';
import { findEntry, findExactEntry } from '../../../src/shared/knowledge/catalog';

describe('documented AADSTS codes', () => {
  it('the list names its source and holds canonical, unique codes', () => {
    expect(DOCUMENTED_SOURCE.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(DOCUMENTED_SOURCE.path).toBe('docs/identity-platform/reference-error-codes.md');
    const codes = DOCUMENTED_AADSTS.map(([c]) => c);
    for (const c of codes) expect(c).toMatch(/^\d{5,7}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThan(300);
  });

  it.each(DOCUMENTED_AADSTS.map(([code, name]) => [code, name]))('AADSTS%s is in the catalog exactly (%s)', (code, name) => {
    const e = findExactEntry('aadsts', code);
    expect(e, code).toBeDefined();
    expect(e?.rangeOnly).toBe(false);
    expect(findEntry('aadsts', code)).toBe(e);
    if (name) expect(e?.name).toBe(name);
  });

  it('covers all of them, and keeps the undocumented codes real errors carry', () => {
    const documented = new Set(DOCUMENTED_AADSTS.map(([c]) => c));
    const covered = AADSTS_CATALOG.filter((e) => documented.has(e.code)).length;
    expect(covered).toBe(documented.size);
    const extra = AADSTS_CATALOG.filter((e) => !documented.has(e.code)).map((e) => e.code).sort();
    expect(extra).toEqual(expect.arrayContaining(['500121', '530002', '530003', '530004', '53009', '700024']));
  });
});
