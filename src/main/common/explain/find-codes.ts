// Every sign-in error code in a text, in order of first appearance, each family:code once.
// All scanners are linear: a hand-written AADSTS reader (it must tolerate OCR and line wraps)
// and regexes whose quantifiers are bounded.
import type { CodeFamily } from '../../../shared/contract/explain';
import { classifyValue, findEntryByName, findExactEntry, isWamValue, isWindowsErrorNumber, valueOfDecimal, winHttpRef } from '../../../shared/knowledge/catalog';
import type { TextFormat } from './detect-format';

export interface CodeHit {
  family: CodeFamily;
  code: string;
  /** The code as it appeared, line breaks removed. */
  raw: string;
  index: number;
  /** The code was repaired (letter O read as zero, or digits joined across a line break). */
  repaired: boolean;
}

export interface FoundCodes {
  /** Each family:code once, in order of first appearance. */
  hits: CodeHit[];
  /** Every appearance, in text order (bounded): what the multi-error grouping reads. */
  occurrences: CodeHit[];
  /** 0x........ values (and labelled Windows error numbers) that belong to none of our families: a note only. */
  otherHex: string[];
}

const DIGITISH = /[0-9Oo]/;

interface DigitRun {
  digits: string;
  end: number;
  repaired: boolean;
}

/** Digits from `start`, reading O/o as 0 unless the run is really the start of a word. */
function readDigits(text: string, start: number, max: number): DigitRun | undefined {
  if (!/[0-9]/.test(text[start] ?? '')) return undefined;
  let end = start;
  while (end < text.length && end - start < max + 1 && DIGITISH.test(text[end] ?? '')) end++;
  // "AADSTS50058Once": trailing O's followed by a letter belong to the next word.
  if (/[A-Za-z]/.test(text[end] ?? '')) while (end > start && /[Oo]/.test(text[end - 1] ?? '')) end--;
  const run = text.slice(start, end);
  if (run.length === 0 || run.length > max) return undefined;
  const digits = run.replace(/[Oo]/g, '0');
  return { digits, end, repaired: digits !== run };
}

function scanAadsts(text: string, lower: string, out: CodeHit[]): void {
  let from = 0;
  for (;;) {
    const i = lower.indexOf('aadsts', from);
    if (i < 0) return;
    from = i + 6;
    let j = i + 6;
    for (let k = 0; k < 3 && /[ \t:#-]/.test(text[j] ?? ''); k++) j++;
    const first = readDigits(text, j, 8);
    if (!first) continue;
    let code: string | undefined = first.digits.length >= 5 && first.digits.length <= 7 ? first.digits : undefined;
    let end = first.end;
    let repaired = first.repaired;
    // "AADSTS5300\n3": the rest of the code is on the next line.
    const wrap = /^[ \t]{0,4}\n[ \t]{0,4}/.exec(text.slice(first.end, first.end + 10));
    if (wrap) {
      const second = readDigits(text, first.end + wrap[0].length, 7);
      const joined = second ? first.digits + second.digits : '';
      const joinedOk = second !== undefined && joined.length >= 5 && joined.length <= 7;
      const prefer = first.digits.length < 5 || (findExactEntry('aadsts', joined) !== undefined && findExactEntry('aadsts', first.digits) === undefined);
      if (joinedOk && second && prefer) {
        code = joined;
        end = second.end;
        repaired = true;
      }
    }
    if (!code) continue;
    out.push({ family: 'aadsts', code, raw: text.slice(i, end).replace(/\s+/g, ''), index: i, repaired });
    from = end;
  }
}

function scanRegex(text: string, re: RegExp, out: CodeHit[], make: (m: RegExpExecArray) => CodeHit | undefined): void {
  for (const m of text.matchAll(re)) {
    const hit = make(m);
    if (hit) out.push(hit);
  }
}

// "Error code" in the languages of Microsoft's error page, and the ADAL telemetry keys of classic
// Teams (Microsoft_ADAL_api_error_code, Microsoft_ADAL_server_error_code).
const LOCAL_CODE_WORD = [
  'fehlercode',
  "code[ \\t]{1,3}d'erreur",
  'c[oó]digo[ \\t]{1,3}de[ \\t]{1,3}erro[r]?',
  'codice[ \\t]{1,3}(?:di[ \\t]{1,3})?errore',
  'foutcode',
  'kod[ \\t]{1,3}b[łl][ęe]du',
  'felkod',
  'fejlkode',
  'feilkode',
  'virhekoodi',
].join('|');
const CODE_WORD = `error[ \\t_]{0,3}code|${LOCAL_CODE_WORD}`;
// Between label and value: a separator, then possibly blank lines (the Entra portal puts the value
// under its label: "Sign-in error code" / blank line / "50199").
const LABEL_GAP = '["\']?[ \\t]{0,3}[:=#-]?[ \\t]{0,3}["\']?(?:[ \\t]{0,8}\\n){0,3}[ \\t]{0,8}';
// Label words are found without a leading lookbehind (a fast scan); the character before them and
// the Microsoft_ADAL_ prefix are checked in code. CODE_WORD labels may carry an AADSTS number;
// "code", "hresult", "hr" and "status" only hex or decimal codes ("code" also AADSTS in a Teams dialog).
const LABEL_WORD = /error[ \t_]{0,3}code|hresult|hr|status|code/gi;
// The localized "error code" words get their own scan, only when one of their stems is in the text.
const LOCAL_LABEL_WORD = new RegExp(LOCAL_CODE_WORD, 'gi');
const LOCAL_CODE_HINT = /fehler|erreur|c[oó]digo|codice|fout|kod|koodi/i;
const STRONG_LABEL = new RegExp(`^(?:${CODE_WORD})$`, 'i');
const ADAL_PREFIX = /microsoft_adal_(?:api_|server_)?$/i;
// The value after a label, read where the label ends (sticky): a whole run, its form checked in code.
const VALUE_AFTER = new RegExp(`${LABEL_GAP}(0x)?(-?[0-9a-f]{1,12})`, 'iy');
// Codes that count without a label: signed 32-bit decimals and unsigned ones in the WAM range.
const SIGNED_DECIMAL = /-\d{9,10}/g;
const WAM_DECIMAL = /3(?:399|400)\d{6}/g;
const ERROR_CODES_ARRAY = /"error_codes"[ \t\n]{0,8}:[ \t\n]{0,8}\[([0-9, \t\n]{1,200})\]/g;
const WAM = /(?<![0-9A-Za-z_-])(?:0x)?(caa[0-9a-f]{5})(?![0-9A-Za-z_]|-[0-9a-f]{4}-)/gi;
const PCSC = /(?<![0-9A-Za-z_])0x(8010[0-9a-f]{4})(?![0-9A-Za-z_])/gi;
const SYMBOLIC = /(?<![0-9A-Za-z_])(SCARD_[EFPW]_[A-Z_]{2,40}|ERROR_ADAL_[A-Z_]{2,70})(?![0-9A-Za-z_])/g;
const ANY_HEX = /(?<![0-9A-Za-z_])0x([0-9a-f]{8})(?![0-9A-Za-z_])/gi;
const MAX_HITS = 10_000; // far beyond any real paste; keeps pathological input bounded

/** A hit for a 32-bit value, when it is a code of ours. */
function valueHit(value: number | undefined, raw: string, index: number): CodeHit | undefined {
  const ref = value === undefined ? undefined : classifyValue(value);
  return ref ? { family: ref.family, code: ref.code, raw, index, repaired: false } : undefined;
}

const WORD = /[\w]/;

/** A code value after a label word: "Error Code: 80043490", "Code: -2147023838", "Sign-in error code\n\n50199". */
function labelledValue(text: string, m: RegExpExecArray, format: TextFormat, other: string[]): CodeHit | undefined {
  const prev = text[m.index - 1] ?? '';
  const strong = STRONG_LABEL.test(m[0]);
  if ((WORD.test(prev) || prev === '-') && !(strong && ADAL_PREFIX.test(text.slice(Math.max(0, m.index - 22), m.index)))) return undefined;
  const end = m.index + m[0].length;
  if (WORD.test(text[end] ?? '') && !/[ \t_]$/.test(m[0])) return undefined; // "codes", "hrs"
  VALUE_AFTER.lastIndex = end;
  const v = VALUE_AFTER.exec(text);
  const token = v?.[2];
  if (!v || !token || v[1]) return undefined; // 0x values are read by ANY_HEX, WAM and PCSC
  const index = v.index + v[0].length - token.length;
  const next = text[index + token.length] ?? '';
  if (/^\d{5,7}$/.test(token)) {
    const ok = !WORD.test(next) && (strong || (format === 'teams-dialog' && /^code$/i.test(m[0])));
    if (!ok) return undefined;
    // 10000-15999 are Windows error numbers, never AADSTS: WinHTTP's are explained, the rest noted.
    if (isWindowsErrorNumber(token)) {
      const ref = winHttpRef(token);
      if (ref) return { ...ref, raw: token, index, repaired: false };
      if (other.length < 5 && !other.includes(token)) other.push(token);
      return undefined;
    }
    return { family: 'aadsts', code: token, raw: token, index, repaired: false };
  }
  if (/^-?\d{9,10}$/.test(token)) return /[\w.]/.test(next) ? undefined : valueHit(valueOfDecimal(token), token, index);
  if (/^[0-9a-f]{8}$/i.test(token)) return /[\w-]/.test(next) ? undefined : valueHit(parseInt(token, 16), token, index);
  return undefined;
}

/** A decimal code that needs no label, standing on its own (not part of a longer number, a word or a version). */
function bareDecimal(text: string, m: RegExpExecArray): CodeHit | undefined {
  if (/[\w.-]/.test(text[m.index - 1] ?? '') || /[\w.]/.test(text[m.index + m[0].length] ?? '')) return undefined;
  const value = valueOfDecimal(m[0]);
  if (value === undefined || (!m[0].startsWith('-') && !isWamValue(value))) return undefined;
  return valueHit(value, m[0], m.index);
}

export function findCodes(text: string, format: TextFormat): FoundCodes {
  const all: CodeHit[] = [];
  const otherHex: string[] = [];
  scanAadsts(text, text.toLowerCase(), all);
  let english = false;
  scanRegex(text, LABEL_WORD, all, (m) => {
    english ||= /^error/i.test(m[0]);
    return labelledValue(text, m, format, otherHex);
  });
  // A text that says "error code" (or error_code) in English is not a localized error page.
  if (!english && LOCAL_CODE_HINT.test(text)) scanRegex(text, LOCAL_LABEL_WORD, all, (m) => labelledValue(text, m, format, otherHex));
  scanRegex(text, SIGNED_DECIMAL, all, (m) => bareDecimal(text, m));
  scanRegex(text, WAM_DECIMAL, all, (m) => bareDecimal(text, m));
  for (const m of text.matchAll(ERROR_CODES_ARRAY)) {
    const list = m[1]?.split(/[\s,]+/).filter((n) => /^\d{5,7}$/.test(n)) ?? [];
    list.forEach((code, k) => all.push({ family: 'aadsts', code, raw: code, index: m.index + k / 1000, repaired: false }));
  }
  scanRegex(text, WAM, all, (m) => (m[1] ? { family: 'wam', code: m[1].toUpperCase(), raw: m[0], index: m.index, repaired: false } : undefined));
  scanRegex(text, PCSC, all, (m) => (m[1] ? { family: 'pcsc', code: m[1].toUpperCase(), raw: m[0], index: m.index, repaired: false } : undefined));
  scanRegex(text, SYMBOLIC, all, (m) => {
    const entry = m[1] ? findEntryByName(m[1]) : undefined;
    return entry ? { family: entry.family, code: entry.code, raw: m[0], index: m.index, repaired: false } : undefined;
  });
  for (const m of text.matchAll(ANY_HEX)) {
    const v = (m[1] ?? '').toUpperCase();
    if (v.startsWith('CAA') || v.startsWith('8010')) continue; // read above
    const hit = valueHit(parseInt(v, 16), m[0], m.index);
    if (hit) all.push(hit);
    else if (otherHex.length < 5 && !otherHex.includes(`0x${v}`)) otherHex.push(`0x${v}`);
  }
  all.sort((a, b) => a.index - b.index);
  const occurrences = all.slice(0, MAX_HITS);
  const seen = new Set<string>();
  const hits: CodeHit[] = [];
  for (const h of occurrences) {
    const key = `${h.family}:${h.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push(h);
  }
  return { hits, occurrences, otherHex };
}
