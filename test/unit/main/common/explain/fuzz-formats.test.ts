// Seeded fuzz of the new scanners: random mixes of code labels (English and localized), separators,
// URL encoding, line breaks, numbers in every base and sign, GUID spellings, tags and planted
// secrets. Whatever the mix, the result fits the contract, codes are canonical for their family,
// errors are bounded and keep the top level as the newest, and no secret reaches the output.
import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../../src/main/common/explain/explain-text';
import { ExplanationSchema } from '../../../../../src/shared/contract/explain';
import { rng } from '../../../../support/prng';

const LABELS = ['Error code', 'Sign-in error code', 'Fehlercode', "Code d'erreur", 'Código de error', 'Code', 'HRESULT', 'hr', 'Status', 'Microsoft_ADAL_api_error_code', 'Tag', 'Correlation ID', 'Korrelations-ID', 'ID de corrélation', 'Request Id', 'Anforderungs-ID', 'Trace ID', 'Timestamp', 'Zeitstempel', 'error_description', 'correlation_id'];
const SEPARATORS = [': ', ':', ' = ', '\n\n', '\n', '": "', '=', '%3a+', ' - ', '&', '?', '#', '\t'];
const SECRETS = ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl', 'password=Hunter2Hunter2', 'sig=AbCdEf0123456789AbCdEf0123456789%3D'];
const CODE_FORMS: Record<string, RegExp> = { aadsts: /^\d{5,7}$/, wam: /^CAA[0-9A-F]{5}$/, pcsc: /^8010[0-9A-F]{4}$/, hresult: /^8[0-9A-F]{7}$/, msa: /^8004[0-9A-F]{4}$/ };

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function hex(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdefABCDEF'[Math.floor(r() * 22)];
  return s;
}

function value(r: () => number): string {
  switch (Math.floor(r() * 9)) {
    case 0: return String(Math.floor(r() * 10 ** (1 + Math.floor(r() * 11))));
    case 1: return `-${Math.floor(2_130_000_000 + r() * 17_000_000)}`;
    case 2: return String(3_399_483_392 + Math.floor(r() * 1_048_576));
    case 3: return `0x${hex(r, 8)}`;
    case 4: return hex(r, 1 + Math.floor(r() * 12));
    case 5: return `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`;
    case 6: return `{${hex(r, 32)}}`;
    case 7: return `AADSTS${Math.floor(10_000 + r() * 990_000)}`;
    default: return pick(r, SECRETS);
  }
}

function sample(seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  const n = 1 + Math.floor(r() * 40);
  for (let i = 0; i < n; i++) {
    if (r() < 0.6) parts.push(pick(r, LABELS), pick(r, SEPARATORS));
    parts.push(value(r), r() < 0.3 ? '\n' : ' ');
    if (r() < 0.1) parts.push('2026-11-30 10:0', String(Math.floor(r() * 10)), ':00Z ');
  }
  return parts.join('');
}

describe('explainText on fuzzed formats', () => {
  it('500 seeded samples: valid, canonical, bounded, newest on top, no secrets', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const text = sample(seed);
      const ex = explainText(text);
      const where = `seed ${seed}`;
      expect(ExplanationSchema.safeParse(ex).success, where).toBe(true);
      expect(ex.errors.length, where).toBeLessThanOrEqual(20);
      if (ex.errors.length) expect(ex.codes, where).toEqual(ex.errors[0]!.codes);
      for (const e of ex.errors) {
        for (const c of e.codes) expect(c.code, `${where} ${c.family}`).toMatch(CODE_FORMS[c.family]!);
        for (const id of [e.fields.correlationId, e.fields.requestId, e.fields.traceId]) if (id) expect(id, where).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
        if (e.fields.correlationId && ex.errors.length > 1) expect(ex.itMessage, where).toContain(e.fields.correlationId);
      }
      const out = JSON.stringify({ fields: ex.errors.map((e) => e.fields), it: ex.itMessage });
      for (const secret of ['eyJhbGciOiJSUzI1NiJ9', 'Hunter2Hunter2', 'AbCdEf0123456789AbCdEf0123456789']) expect(out.includes(secret), `${where} leaks ${secret}`).toBe(false);
    }
  });
});
