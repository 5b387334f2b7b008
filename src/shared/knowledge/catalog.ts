// Lookups over the catalogs: exact code first, then the family range (marked rangeOnly).
import type { CatalogEntry, CodeFamily } from '../contract/explain';
import { AADSTS_CATALOG } from './aadsts-catalog';
import { findAadstsFamily } from './aadsts/ranges';
import { findHresultRange, HRESULT_CATALOG } from './hresult-catalog';
import { MSA_CATALOG, MSA_RANGE } from './msa-catalog';
import { PCSC_CATALOG, pcscRangeEntry } from './pcsc-catalog';
import { WAM_CATALOG, WAM_RANGES } from './wam-catalog';

export const ALL_ENTRIES: readonly CatalogEntry[] = [...AADSTS_CATALOG, ...WAM_CATALOG, ...PCSC_CATALOG, ...HRESULT_CATALOG, ...MSA_CATALOG];

const byKey = new Map<string, CatalogEntry>(ALL_ENTRIES.map((e) => [`${e.family}:${e.code}`, e]));
const byName = new Map<string, CatalogEntry>(
  [...WAM_CATALOG, ...PCSC_CATALOG, ...HRESULT_CATALOG].filter((e) => /^[A-Z][A-Z0-9_]+$/.test(e.name)).map((e) => [e.name, e]),
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
  if (family === 'aadsts') range = findAadstsFamily(code);
  if (family === 'pcsc') range = pcscRangeEntry(code);
  if (family === 'hresult') range = findHresultRange(code);
  if (family === 'msa' && /^8004[0-9A-F]{4}$/.test(code)) range = MSA_RANGE;
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

const CAA_FIRST = 0xcaa00000;
const CAA_LAST = 0xcaafffff;

/** True for a 32-bit value in the WAM / ADAL range 0xCAA00000-0xCAAFFFFF. */
export function isWamValue(value: number): boolean {
  return value >= CAA_FIRST && value <= CAA_LAST;
}

/**
 * The family of an unsigned 32-bit code value, or undefined when it is none of ours. HRESULT and MSA
 * values count only when the catalog knows them or their family range, so a random number is not
 * taken for a code.
 */
export function classifyValue(value: number): CodeRef | undefined {
  if (!Number.isInteger(value) || value < 0x80000000 || value > 0xffffffff) return undefined;
  const code = value.toString(16).toUpperCase().padStart(8, '0');
  if (isWamValue(value)) return { family: 'wam', code };
  if (code.startsWith('8010')) return { family: 'pcsc', code };
  if (code.startsWith('8004')) return { family: 'msa', code };
  return findEntry('hresult', code) ? { family: 'hresult', code } : undefined;
}

/** A decimal code as tools print it: unsigned (3399614476) or signed 32-bit (-895352820). */
export function valueOfDecimal(digits: string): number | undefined {
  if (!/^-?\d{9,10}$/.test(digits)) return undefined;
  const n = Number(digits);
  if (n < 0) return n >= -0x80000000 ? n + 0x100000000 : undefined;
  return n <= 0xffffffff ? n : undefined;
}

/**
 * A bare decimal 10000-15999 is a Windows error number (Winsock 10xxx, WinINet / WinHTTP 12xxx, …):
 * no documented AADSTS code lies there, so without the AADSTS prefix it is not read as one.
 */
export function isWindowsErrorNumber(digits: string): boolean {
  if (!/^\d{5}$/.test(digits)) return false;
  const n = Number(digits);
  return n >= 10_000 && n <= 15_999;
}

/** WinHTTP / WinINet errors 12000-12187 as their HRESULT (0x80070000 | number): 12029 is 0x80072EFD. */
export function winHttpRef(digits: string): CodeRef | undefined {
  const n = /^\d{5}$/.test(digits) ? Number(digits) : NaN;
  if (!(n >= 12_000 && n <= 12_187)) return undefined;
  return { family: 'hresult', code: (0x80070000 + n).toString(16).toUpperCase() };
}

/**
 * Reads one code as a person would type it: 53003, AADSTS53003, 0xCAA2000B, caa2000b, 3399614476,
 * -895352820, 0x8010001D, 0x80070422, -2147023838, 80043490, SCARD_E_NO_SERVICE. Returns undefined
 * when it is not a code of our families.
 */
export function parseCode(input: string): CodeRef | undefined {
  const s = input.trim().replace(/^error\s*code\s*[:#]?\s*/i, '');
  let m = /^(AADSTS)?\s*:?\s*(\d{5,7})$/i.exec(s);
  if (m?.[2]) {
    // "12029" is WinHTTP's cannot-connect, "10060" a Winsock timeout; "AADSTS12029" stays AADSTS.
    if (!m[1] && isWindowsErrorNumber(m[2])) return winHttpRef(m[2]);
    return { family: 'aadsts', code: m[2] };
  }
  m = /^(?:0x)?(caa[0-9a-f]{5})$/i.exec(s);
  if (m?.[1]) return { family: 'wam', code: m[1].toUpperCase() };
  // Eight hex digits, with or without 0x (MSA codes are printed without it).
  m = /^(?:0x)?([0-9a-f]{8})$/i.exec(s);
  if (m?.[1]) return classifyValue(parseInt(m[1], 16));
  const decimal = valueOfDecimal(s);
  if (decimal !== undefined) return classifyValue(decimal);
  const named = /^[A-Za-z][A-Za-z0-9_]+$/.test(s) ? findEntryByName(s) : undefined;
  return named ? { family: named.family, code: named.code } : undefined;
}

/** How a code is shown to people: AADSTS53003, 0xCAA2000B, 0x8010001D. */
export function displayCode(family: CodeFamily, code: string): string {
  return family === 'aadsts' ? `AADSTS${code}` : `0x${code}`;
}
