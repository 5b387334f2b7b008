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

describe('one sign-in stays one error (review #2)', () => {
  it('the error line and the error page of the same request, timestamps at another precision', () => {
    const text = [
      `Connect-MgGraph : AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication. Trace ID: ${TRACE} Correlation ID: ${CORR} Timestamp: 2024-05-01 10:00:00Z`,
      '',
      `Request Id: ${TRACE}`,
      `Correlation Id: ${CORR}`,
      'Timestamp: 2024-05-01T10:00:00.512Z',
      'Message: AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.',
    ].join('\n');
    const ex = explainText(text);
    expect(ex.errors).toHaveLength(1);
    expect(ex.fields).toMatchObject({ correlationId: CORR, traceId: TRACE, requestId: TRACE });
  });

  it('the same GUID braced and upper case, then lower case', () => {
    const text = `AADSTS50076: MFA required. Correlation ID: {${CORR.toUpperCase()}}\nCorrelation ID: ${CORR}\nError: 0xCAA20003`;
    const ex = explainText(text);
    expect(ex.errors).toHaveLength(1);
    expect(ex.errors[0]!.fields.correlationId?.toLowerCase()).toBe(CORR);
    expect(ex.codes.map((c) => c.code)).toEqual(['50076', 'CAA20003']);
  });

  it('two requests with different IDs still split, each keeping its own', () => {
    const other = 'bbbbbbbb-0000-4000-8000-00000000000b';
    const text = `AADSTS50076: MFA required.\nCorrelation ID: ${CORR}\nTimestamp: 2024-05-01 10:00:00Z\nAADSTS53003: Access blocked.\nCorrelation ID: ${other}\nTimestamp: 2024-05-01 10:00:00Z`;
    const ex = explainText(text);
    expect(ex.errors.map((e) => [e.codes.map((c) => c.code), e.fields.correlationId])).toEqual([
      [['53003'], other],
      [['50076'], CORR],
    ]);
  });
});

describe('console unwrapping keeps labels on their own lines (review #3)', () => {
  it('two prose lines of the longest width, each before its Correlation ID, stay two errors', () => {
    const other = 'bbbbbbbb-0000-4000-8000-00000000000b';
    const prose1 = 'The sign-in to Teams did not work this morning, I tried it three times.';
    const prose2 = 'Then I tried again in the browser, and it failed once more for me today';
    expect(prose1.length).toBe(prose2.length);
    const text = [prose1, `Correlation ID: ${CORR}`, 'AADSTS50076', prose2, `Correlation ID: ${other}`, 'AADSTS53003'].join('\n');
    const ex = explainText(text);
    expect(ex.errors.map((e) => [e.codes.map((c) => c.code), e.fields.correlationId])).toEqual([
      [['53003'], other],
      [['50076'], CORR],
    ]);
  });

  it('a label really cut at the console width is still joined', () => {
    const row1 = 'Connect-MgGraph : AADSTS53003: Access was blocked by the policy. Correl';
    const row2 = 'Connect-MgGraph : AADSTS53003: Access has been blocked by Conditional A';
    expect(row1.length).toBe(row2.length);
    const text = [row1, `ation ID: ${CORR}`, row2, 'ccess policies.'].join('\n');
    const prepared = prepareText(text).text;
    expect(prepared).toContain('Conditional Access policies.');
    expect(explainText(text).fields.correlationId).toBe(CORR);
  });
});

describe('support tags only where a tag is labelled (review #4)', () => {
  it('ordinary English gives no tag', () => {
    expect(explainText('Please tag admin on this ticket.').fields.supportTag).toBeUndefined();
    expect(explainText('I will tag 12345 later').fields.supportTag).toBeUndefined();
    expect(explainText('Tag: admin').fields.supportTag).toBeUndefined();
  });

  it('a labelled tag with a digit still counts, in each form', () => {
    expect(explainText('Tag: 7q6ca').fields.supportTag).toBe('7q6ca');
    expect(explainText('error tag = 4usqa').fields.supportTag).toBe('4usqa');
    expect(explainText('"Microsoft_ADAL_api_error_tag": "7q6ca"').fields.supportTag).toBe('7q6ca');
    expect(explainText("We couldn't sign you in (Tag 4usqa)").fields.supportTag).toBe('4usqa');
  });
});

describe('decimal Windows error numbers after a label (review #5)', () => {
  it('"Error code: 12029" is WinHTTP cannot-connect, not AADSTS', () => {
    const ex = explainText('The request failed.\nError code: 12029');
    expect(ex.codes).toMatchObject([{ family: 'hresult', code: '80072EFD', raw: '12029', known: true }]);
    expect(ex.codes.some((c) => c.family === 'aadsts')).toBe(false);
  });

  it('"Error code: 10060" (Winsock) is no AADSTS code: only noted', () => {
    const ex = explainText('connect failed\nError code: 10060');
    expect(ex.codes).toEqual([]);
    expect(ex.notes.join('\n')).toMatch(/Also found 10060/);
  });

  it('an explicit AADSTS12029 stays AADSTS (unknown)', () => {
    expect(explainText('AADSTS12029: something').codes).toMatchObject([{ family: 'aadsts', code: '12029', known: false }]);
  });
});

describe('a code printed right after its own IDs stays with them (review #6)', () => {
  const other = 'bbbbbbbb-0000-4000-8000-00000000000b';
  const trace2 = '22222222-0000-4000-8000-000000000002';
  const session = (gap: readonly string[]) =>
    [
      'PS C:\\> az login',
      `WARNING: AADSTS50076: Due to a configuration change you must use multi-factor authentication. Trace ID: ${TRACE} Correlation ID: ${CORR} Timestamp: 2024-05-01 10:00:00Z`,
      'Error code: 3399614356',
      ...gap,
      "AADSTS53003: Access has been blocked by Conditional Access policies.",
      `Trace ID: ${trace2}`,
      `Correlation ID: ${other}`,
      'Timestamp: 2024-05-01 10:05:00Z',
    ].join('\n');

  it.each([
    ['a prompt', ['PS C:\\> Connect-MgGraph']],
    ['a blank line', ['']],
  ])('after %s, the next command has its own code', (_what, gap) => {
    const ex = explainText(session(gap));
    expect(ex.errors.map((e) => [e.codes.map((c) => c.code), e.fields.correlationId])).toEqual([
      [['53003'], other],
      [['50076', 'CAA1FF94'], CORR],
    ]);
  });
});

describe('0x8004xxxx is a shared range, not only Microsoft account (review #7)', () => {
  it.each(['0x80040154', '0x8004010F', 'Error Code: 80043490'])('%s gets the generic range with no sign-out advice', (text) => {
    const [code] = explainText(text).codes;
    expect(code?.entry).toMatchObject({ rangeOnly: true });
    expect(code?.entry?.name).toMatch(/COM error \(0x8004xxxx, FACILITY_ITF\)/);
    expect(code?.entry?.userActions.join(' ')).not.toMatch(/sign (?:out|in)/i);
  });

  it('the one documented code keeps its own entry', () => {
    const [code] = explainText('Error code: 0x8004DE40').codes;
    expect(code?.entry).toMatchObject({ code: '8004DE40', name: 'OneDrive / Office could not connect (0x8004DE40)' });
    expect(code?.entry?.rangeOnly).toBeFalsy();
  });
});
