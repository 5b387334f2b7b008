import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../../src/main/common/explain/explain-text';
import { looksLikeSecret } from '../../../../../src/main/common/explain/secret-filter';
import { findLeaks, plantedCases } from '../../../../support/planted-secrets';

describe('looksLikeSecret (fields of pasted text)', () => {
  it('knows every planted secret family in every encoding (the shared rules)', () => {
    const missed = plantedCases(99).filter((c) => !looksLikeSecret(c.text));
    expect(missed.map((c) => `${c.family} / ${c.encoding}`)).toEqual([]);
  });

  it('keeps plain field values', () => {
    for (const v of ['Microsoft Teams', 'e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d', '2026-11-23T06:58:02Z', 'https://login.microsoftonline.com/error?code=50173', '203.0.113.45']) expect(looksLikeSecret(v), v).toBe(false);
  });

  it('a field cut before the @ of a URL credential is still not shown', () => {
    const pw = 'Zq7-secret-proxy-password-9X';
    const ex = explainText(`AADSTS53003: blocked\nApp name: via http://svcproxy:${pw}${'x'.repeat(80)}@proxy.corp:8080\nCorrelation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d`);
    expect(ex.fields.appName).toBeUndefined();
    expect(findLeaks(JSON.stringify(ex), [pw])).toEqual([]);
  });

  it('generated secrets pasted as field values reach neither the fields nor the IT message', () => {
    const cases = plantedCases(1234);
    const leaks: string[] = [];
    for (const c of cases) {
      const ex = explainText(`AADSTS53003: Access has been blocked.\nApp name: ${c.text}\nDevice identifier: ${c.text}\nCorrelation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d\n${c.text}`);
      leaks.push(...findLeaks(`${JSON.stringify(ex.fields)}\n${ex.itMessage}`, c.secrets, `${c.family} / ${c.encoding}`));
    }
    expect(leaks).toEqual([]);
  });
});
