// Generated secrets of every family in every encoding (test/support/planted-secrets.ts), through the
// real redactor: as text, as JSON evidence, in the secrets-only tier the app log uses. A leak of any
// planted secret, or of any 10-character piece of one, in any decoded form of the output fails.
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../../src/main/common/redact/redactor';
import { redactSecrets } from '../../../../../src/main/common/redact/redact-text';
import { ENCODINGS, FAMILIES, findLeaks, plantedCases } from '../../../../support/planted-secrets';

const cases = [...plantedCases(20261123, 2), ...plantedCases(7, 1)];
const line = (text: string) => `2026-11-23T06:41:12.345Z 0x00002a10 <ERR> AuthenticationService: AADSTS53003 ${text}`;

describe('redactor fuzz: generated secrets in every encoding', () => {
  it(`covers ${FAMILIES.length} families × ${ENCODINGS.length} encodings`, () => {
    expect(new Set(cases.map((c) => `${c.family}/${c.encoding}`)).size).toBe(FAMILIES.length * ENCODINGS.length);
  });

  it('the scanner finds the planted secrets in the unredacted text (so a leak cannot go unseen)', () => {
    // The first secret of a case is always written out (a base64-carried password is not: its header is).
    const missed = cases.filter((c) => findLeaks(line(c.text), c.secrets.slice(0, 1)).length === 0);
    expect(missed.map((c) => `${c.family} / ${c.encoding}`)).toEqual([]);
  });

  for (const includePersonal of [false, true]) {
    it(`text: no planted secret survives, and each family's rule says it fired (includePersonal=${includePersonal})`, () => {
      const leaks: string[] = [];
      const silent: string[] = [];
      for (const c of cases) {
        const r = new Redactor({ includePersonal });
        const out = r.text(line(c.text));
        leaks.push(...findLeaks(out, c.secrets, `${c.family} / ${c.encoding}`));
        for (const rule of c.rules) if (!r.rules[rule]) silent.push(`${c.family} / ${c.encoding}: ${rule} did not fire`);
        if (!out.includes('AADSTS53003')) silent.push(`${c.family} / ${c.encoding}: the code went too`);
      }
      expect(leaks).toEqual([]);
      expect(silent).toEqual([]);
    });
  }

  it('JSON evidence: strings anywhere in a structure, and keys, are redacted the same way', () => {
    const leaks: string[] = [];
    for (const c of cases) {
      const r = new Redactor({ includePersonal: true });
      const out = JSON.stringify(r.value({ check: 'teams.logs', lines: [line(c.text)], nested: { [`k ${c.text}`]: { deeper: [c.text] } } }));
      leaks.push(...findLeaks(out, c.secrets, `${c.family} / ${c.encoding}`));
    }
    expect(leaks).toEqual([]);
  });

  it('the secrets-only tier (app log, Teams excerpts) removes the same secrets', () => {
    const leaks = cases.flatMap((c) => findLeaks(redactSecrets(line(c.text)), c.secrets, `${c.family} / ${c.encoding}`));
    expect(leaks).toEqual([]);
  });

  it('several secrets of different families on one line, in one encoding, all go', () => {
    const leaks: string[] = [];
    for (const encoding of ENCODINGS.map((e) => e.name)) {
      const group = cases.filter((c) => c.encoding === encoding && !c.family.startsWith('keychain') && !c.family.startsWith('pem'));
      const out = new Redactor({ includePersonal: false }).text(line(group.map((c) => c.text).join(' | ')));
      leaks.push(...findLeaks(out, group.flatMap((c) => c.secrets), encoding));
    }
    expect(leaks).toEqual([]);
  });
});
