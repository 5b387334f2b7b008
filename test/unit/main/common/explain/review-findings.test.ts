// The findings of the review of issue #13, each on a sample written from its description: hostile
// query strings, one sign-in split in two, a console unwrap that glued a label onto prose, English
// read as a support tag, decimal Windows codes read as AADSTS, a code moved to the next error and
// COM codes given Microsoft account advice.
import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../../src/main/common/explain/explain-text';
import { prepareText } from '../../../../../src/main/common/explain/prepare-text';
import { MAX_EXPLAIN_INPUT } from '../../../../../src/shared/contract/explain';

const CORR = 'aaaaaaaa-0000-4000-8000-00000000000a';
const TRACE = '11111111-0000-4000-8000-000000000001';

describe('hostile query strings (review #1)', () => {
  it('1 MB of "?a=" repeated gives a plain result (no code, nothing decoded)', () => {
    const text = '?a='.repeat(350_000);
    const ex = explainText(text);
    expect(ex.codes).toEqual([]);
    expect(prepareText(text).text).toBe(text);
  });

  it('1 MB of "&a=%" repeated keeps the stray % signs and finds nothing', () => {
    const text = '&a=%'.repeat(250_000);
    expect(prepareText(text).text.split('%').length - 1).toBe(250_000);
    expect(explainText(text).codes).toEqual([]);
  });

  it('a hostile query around a real encoded error still yields the code and its ID', () => {
    const hostile = '?a='.repeat(100_000);
    const text = `${hostile}&error_description=AADSTS53003%3a+Access+blocked&correlation_id=${CORR}&x=%E2%9C%93${hostile}`;
    expect(text.length).toBeLessThan(MAX_EXPLAIN_INPUT);
    const ex = explainText(text);
    expect(ex.codes.map((c) => c.code)).toEqual(['53003']);
    expect(ex.fields.correlationId).toBe(CORR);
    expect(prepareText(text).text).toContain('x=\u2713');
  });
});
