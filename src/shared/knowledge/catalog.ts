// Lookups over the three catalogs: exact code first, then the family range (marked rangeOnly).
import type { CatalogEntry, CodeFamily } from '../contract/explain';
import { AADSTS_CATALOG } from './aadsts-catalog';
import { PCSC_CATALOG, PCSC_RANGE } from './pcsc-catalog';
import { WAM_CATALOG, WAM_RANGES } from './wam-catalog';

export const ALL_ENTRIES: readonly CatalogEntry[] = [...AADSTS_CATALOG, ...WAM_CATALOG, ...PCSC_CATALOG];

const byKey = new Map<string, CatalogEntry>(ALL_ENTRIES.map((e) => [`${e.family}:${e.code}`, e]));
const byName = new Map<string, CatalogEntry>(
  [...WAM_CATALOG, ...PCSC_CATALOG].filter((e) => /^[A-Z][A-Z0-9_]+$/.test(e.name)).map((e) => [e.name, e]),
);

export interface CodeRef {
  family: CodeFamily;
  code: string;
}

/** The exact catalog entry, or undefined. */
export function findExactEntry(family: CodeFamily, code: string): CatalogEntry | undefined {
  return byKey.get(`${family}:${code}`);
}

/** The family-range entry for a code not in the catalog, re-labelled with the code itself. */
export function findRangeEntry(family: CodeFamily, code: string): CatalogEntry | undefined {
  let range: CatalogEntry | undefined;
  if (family === 'wam' && /^CAA[0-9A-F]{5}$/.test(code)) range = WAM_RANGES[code.slice(0, 4)];
  if (family === 'pcsc' && /^8010[0-9A-F]{4}$/.test(code)) range = PCSC_RANGE;
  return range ? { ...range, code, rangeOnly: true } : undefined;
}

/** Exact entry, else the range entry, else undefined (unknown: we never guess). */
export function findEntry(family: CodeFamily, code: string): CatalogEntry | undefined {
  return findExactEntry(family, code) ?? findRangeEntry(family, code);
}

/** Entry by symbolic name (SCARD_E_NO_SERVICE, ERROR_ADAL_NEED_CREDENTIAL). */
export function findEntryByName(name: string): CatalogEntry | undefined {
  return byName.get(name.toUpperCase());
}

/** The Conditional Access family: 53xxx and 530xxx. These lead the headline. */
export function isConditionalAccessCode(family: CodeFamily, code: string): boolean {
  return family === 'aadsts' && /^53\d{3}$|^530\d{3}$/.test(code);
}

/**
 * Reads one code as a person would type it: 53003, AADSTS53003, 0xCAA2000B, caa2000b, 0x8010001D,
 * SCARD_E_NO_SERVICE. Returns undefined when it is not a code of our three families.
 */
export function parseCode(input: string): CodeRef | undefined {
  const s = input.trim().replace(/^error\s*code\s*[:#]?\s*/i, '');
  let m = /^(?:AADSTS)?\s*:?\s*(\d{5,7})$/i.exec(s);
  if (m?.[1]) return { family: 'aadsts', code: m[1] };
  m = /^(?:0x)?(caa[0-9a-f]{5})$/i.exec(s);
  if (m?.[1]) return { family: 'wam', code: m[1].toUpperCase() };
  m = /^(?:0x)?(8010[0-9a-f]{4})$/i.exec(s);
  if (m?.[1]) return { family: 'pcsc', code: m[1].toUpperCase() };
  const named = /^[A-Za-z][A-Za-z0-9_]+$/.test(s) ? findEntryByName(s) : undefined;
  return named ? { family: named.family, code: named.code } : undefined;
}

/** How a code is shown to people: AADSTS53003, 0xCAA2000B, 0x8010001D. */
export function displayCode(family: CodeFamily, code: string): string {
  return family === 'aadsts' ? `AADSTS${code}` : `0x${code}`;
}
