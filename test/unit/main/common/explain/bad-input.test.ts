// Hostile or broken input: a clear result or a clear error, never a crash or a hang.
import { describe, expect, it } from 'vitest';
import { MAX_EXPLAIN_INPUT, ExplanationSchema } from '../../../../../src/shared/contract/explain';
import { ExplainInputTooLargeError, explainText } from '../../../../../src/main/common/explain/explain-text';

function seededBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const guid = (i: number) => `${i.toString(16).padStart(8, '0')}-1111-4222-8333-${i.toString(16).padStart(12, '0')}`;

describe('explainText on bad input', () => {
  it('empty and whitespace-only text', () => {
    for (const text of ['', '   \n\t  ']) {
      const ex = explainText(text);
      expect(ex.format).toBe('empty');
      expect(ex.codes).toEqual([]);
      expect(ex.fields).toEqual({});
      expect(ex.headline).toMatch(/empty/);
      expect(ExplanationSchema.safeParse(ex).success).toBe(true);
    }
  });

  it('text without any code says so', () => {
    const ex = explainText('Teams is slow today and the camera flickers.');
    expect(ex.format).toBe('plain');
    expect(ex.codes).toEqual([]);
    expect(ex.fixer).toBeUndefined();
    expect(ex.headline).toBe('No sign-in error code was found in this text.');
    expect(ex.notes.join('\n')).toMatch(/No AADSTS code/);
    expect(ex.itMessage).toMatch(/showed no error code/);
  });

  it('1 MB of random bytes (decoded as latin1 and as UTF-8) completes with a valid result', () => {
    const bytes = seededBytes(1024 * 1024, 42);
    for (const text of [Buffer.from(bytes).toString('latin1'), Buffer.from(bytes).toString('utf8')]) {
      const ex = explainText(text);
      expect(ExplanationSchema.safeParse(ex).success).toBe(true);
      expect(ex.notes.join('\n')).toMatch(/binary data/);
    }
  });

  it('binary data with NUL bytes around a real code still finds it', () => {
    const ex = explainText('\u0000\u0001\u0002AADSTS50126\u0000 Correlation ID:\u0000 aaaa0000-bb11-4222-83cc-444444dddddd\u0000');
    expect(ex.codes.map((c) => c.code)).toEqual(['50126']);
    expect(ex.fields.correlationId).toBe('aaaa0000-bb11-4222-83cc-444444dddddd');
    expect(ex.notes.join('\n')).toMatch(/binary data/);
  });

  it('a JSON document nested 10,000 deep does not overflow the stack', () => {
    const deep = '{"a":'.repeat(10_000) + '"AADSTS50058"' + '}'.repeat(10_000);
    const ex = explainText(deep);
    expect(ex.format).toBe('json');
    expect(ex.codes.map((c) => c.code)).toEqual(['50058']);
    const arrays = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(explainText(arrays).codes).toEqual([]);
  });

  it('100,000 unlabeled GUIDs give no IDs; only a labeled one counts', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => guid(i)).join('\n');
    const ex = explainText(many);
    expect(ex.codes).toEqual([]);
    expect(ex.fields).toEqual({});
    const labeled = explainText(`${many}\nCorrelation ID: ${guid(7)}\n`);
    expect(labeled.fields).toEqual({ correlationId: guid(7) });
  });

  it('GUIDs that start with "caa" are not mistaken for WAM codes', () => {
    const ex = explainText('Request Id: caa2000b-1234-4abc-8def-0123456789ab');
    expect(ex.codes).toEqual([]);
    expect(ex.fields.requestId).toBe('caa2000b-1234-4abc-8def-0123456789ab');
  });

  it('text longer than MAX_EXPLAIN_INPUT is refused with a clear error', () => {
    const big = 'x'.repeat(MAX_EXPLAIN_INPUT + 1);
    expect(() => explainText(big)).toThrow(ExplainInputTooLargeError);
    expect(() => explainText(big)).toThrow(/at most 4194304/);
  });

  it('text of exactly MAX_EXPLAIN_INPUT with pathological runs completes', () => {
    // Long runs after labels are where a careless regex backtracks quadratically.
    const unit = `error code${' '.repeat(1000)}\tAADSTS${'0'.repeat(1000)}Correlation ID:${' '.repeat(1000)}`;
    const text = unit.repeat(Math.floor(MAX_EXPLAIN_INPUT / unit.length));
    const ex = explainText(text);
    expect(ex.codes).toEqual([]);
    expect(ExplanationSchema.safeParse(ex).success).toBe(true);
  });

  it('many different codes are capped with a note', () => {
    const text = Array.from({ length: 80 }, (_, i) => `AADSTS${90000 + i}`).join(' ');
    const ex = explainText(text);
    expect(ex.codes).toHaveLength(50);
    expect(ex.notes.join('\n')).toMatch(/first 50 of 80/);
  });

  it('tokens in the text never reach fields or the IT message', () => {
    const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2ln';
    const text = `AADSTS50173: grant revoked\nApp name: ${jwt}\nDevice identifier: Bearer ${jwt}\nrefresh_token=0.AAAA${'x'.repeat(120)}\nCorrelation ID: 12345678-1234-4234-8234-123456789abc`;
    const ex = explainText(text);
    expect(ex.fields.appName).toBeUndefined();
    expect(ex.fields.deviceId).toBeUndefined();
    expect(ex.fields.correlationId).toBe('12345678-1234-4234-8234-123456789abc');
    expect(ex.itMessage).not.toContain('eyJ');
    expect(ex.itMessage).not.toMatch(/refresh_token|xxxxxxxx/);
  });
});
