import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogEntrySchema } from '../../../../src/shared/contract/explain';
import { AADSTS_CATALOG } from '../../../../src/shared/knowledge/aadsts-catalog';
import { ALL_ENTRIES, findEntry, findExactEntry, isConditionalAccessCode, parseCode } from '../../../../src/shared/knowledge/catalog';
import { PCSC_CATALOG } from '../../../../src/shared/knowledge/pcsc-catalog';
import { WAM_CATALOG, WAM_RANGES } from '../../../../src/shared/knowledge/wam-catalog';

// The table of /work/shared/reference/signin-errors.md: code -> who can fix it
// (user column "nothing" -> admin; admin column "-" -> user; both filled -> both).
const REFERENCE_TABLE: Record<string, 'user' | 'admin' | 'both'> = {
  '53000': 'both',
  '53001': 'both',
  '53002': 'both',
  '53003': 'both',
  '53004': 'both',
  '53009': 'both',
  '530032': 'admin',
  '530035': 'both',
  '50076': 'user',
  '50079': 'user',
  '50158': 'both',
  '50126': 'user',
  '50053': 'both',
  '50055': 'both',
  '50057': 'admin',
  '50173': 'user',
  '700082': 'user',
  '7000222': 'admin',
  '90072': 'both',
  '50192': 'both',
  '50017': 'admin',
};

describe('catalog integrity', () => {
  it('every entry (and every range entry) validates with CatalogEntrySchema unchanged', () => {
    for (const e of [...ALL_ENTRIES, ...Object.values(WAM_RANGES)]) expect(CatalogEntrySchema.parse(e)).toEqual(e);
  });

  it('has the expected size per family', () => {
    expect(AADSTS_CATALOG.length).toBeGreaterThanOrEqual(60);
    expect(WAM_CATALOG.length).toBeGreaterThanOrEqual(25);
    expect(PCSC_CATALOG.length).toBeGreaterThanOrEqual(60);
  });

  it('codes are unique and canonical', () => {
    const keys = ALL_ENTRIES.map((e) => `${e.family}:${e.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of AADSTS_CATALOG) expect(e.code).toMatch(/^\d{5,7}$/);
    for (const e of WAM_CATALOG) expect(e.code).toMatch(/^CAA[0-9A-F]{5}$/);
    for (const e of PCSC_CATALOG) expect(e.code).toMatch(/^8010[0-9A-F]{4}$/);
    for (const e of ALL_ENTRIES) expect(e.rangeOnly).toBe(false);
  });

  it('every entry says something useful', () => {
    for (const e of ALL_ENTRIES) {
      expect(e.name.length, e.code).toBeGreaterThan(3);
      expect(e.meaning.length, e.code).toBeGreaterThan(20);
      expect(e.userActions.length + e.adminActions.length, e.code).toBeGreaterThan(0);
      if (e.fixer !== 'user') expect(e.adminActions.length, e.code).toBeGreaterThan(0);
    }
  });

  it.each(Object.entries(REFERENCE_TABLE))('reference code %s is present with fixer %s', (code, fixer) => {
    expect(findExactEntry('aadsts', code)?.fixer).toBe(fixer);
  });

  it('53003 tells the truth', () => {
    const e = findExactEntry('aadsts', '53003');
    expect(e?.name).toBe('BlockedByConditionalAccess');
    expect(e?.wontHelp.join(' ')).toMatch(/cache/i);
    expect(e?.wontHelp.join(' ')).toMatch(/unless the condition changes/);
    expect(e?.relatedFixes).toEqual([]);
    expect(e?.relatedChecks).toEqual(['device', 'network', 'clock', 'cac']);
    expect(e?.conditions.length).toBeGreaterThanOrEqual(6);
  });

  it('sign-in loop codes point at the Teams sign-in fixes; 50192 at network', () => {
    for (const code of ['50173', '700082']) expect(findExactEntry('aadsts', code)?.relatedFixes).toEqual(['teams.signin-reset', 'teams.cache-clear']);
    expect(findExactEntry('wam', 'CAA20003')?.relatedFixes).toContain('teams.cache-clear');
    expect(findExactEntry('aadsts', '50192')?.relatedChecks).toContain('network');
  });

  it('Conditional Access family entries carry conditions and wontHelp', () => {
    for (const e of AADSTS_CATALOG.filter((x) => isConditionalAccessCode('aadsts', x.code) && x.code !== '530034')) {
      expect(e.conditions.length + e.wontHelp.length, e.code).toBeGreaterThan(0);
    }
  });

  it('PC/SC table of cac-piv.md is present', () => {
    for (const [code, name] of [
      ['8010001D', 'SCARD_E_NO_SERVICE'],
      ['8010001E', 'SCARD_E_SERVICE_STOPPED'],
      ['8010002E', 'SCARD_E_NO_READERS_AVAILABLE'],
      ['80100066', 'SCARD_W_UNRESPONSIVE_CARD'],
      ['80100068', 'SCARD_W_RESET_CARD'],
      ['80100069', 'SCARD_W_REMOVED_CARD'],
      ['8010000B', 'SCARD_E_SHARING_VIOLATION'],
      ['8010006A', 'SCARD_W_SECURITY_VIOLATION'],
    ]) {
      expect(findExactEntry('pcsc', code ?? '')?.name).toBe(name);
    }
    // Every code from 0x80100001 to 0x80100034 and 0x80100065 to 0x8010006A is covered.
    const expected = [...Array(0x34).keys(), ...Array.from({ length: 6 }, (_, i) => 0x64 + i)].map((n) => (0x80100001 + n).toString(16).toUpperCase());
    for (const code of expected) expect(findExactEntry('pcsc', code), code).toBeDefined();
  });

  it('range fallback only inside known ranges', () => {
    expect(findEntry('wam', 'CAA2ABCD')).toMatchObject({ rangeOnly: true, code: 'CAA2ABCD' });
    expect(findEntry('wam', 'CAAF0001')).toBeUndefined();
    expect(findEntry('pcsc', '801000FE')).toMatchObject({ rangeOnly: true });
    expect(findEntry('aadsts', '99999')).toBeUndefined();
  });

  it('parseCode understands the usual spellings', () => {
    expect(parseCode('AADSTS 53003')).toEqual({ family: 'aadsts', code: '53003' });
    expect(parseCode('0xcaa5004b')).toEqual({ family: 'wam', code: 'CAA5004B' });
    expect(parseCode('8010002e')).toEqual({ family: 'pcsc', code: '8010002E' });
    expect(parseCode('ERROR_ADAL_NO_DEVICE_INFO')).toEqual({ family: 'wam', code: 'CAA5004B' });
    expect(parseCode('banana')).toBeUndefined();
  });
});

describe('layering', () => {
  it('src/shared/knowledge imports nothing from Node, the DOM or outside src/shared', () => {
    const dir = join(__dirname, '../../../../src/shared/knowledge');
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      const src = readFileSync(join(dir, file), 'utf8');
      for (const m of src.matchAll(/from\s+'([^']+)'/g)) {
        const spec = m[1] ?? '';
        const target = resolve(dirname(join(dir, file)), spec);
        expect(spec.startsWith('.') && (target.startsWith(`${dir}/`) || target.startsWith(`${resolve(dir, '../contract')}/`)), `${file} imports ${spec}`).toBe(true);
      }
      expect(src).not.toMatch(/\b(?:window|document|process|require)\b\s*[.(]/);
    }
  });
});
