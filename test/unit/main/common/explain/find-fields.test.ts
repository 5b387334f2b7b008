import { describe, expect, it } from 'vitest';
import { findFields } from '../../../../../src/main/common/explain/find-fields';
import { prepareText } from '../../../../../src/main/common/explain/prepare-text';

const fields = (text: string) => findFields(prepareText(text).text).fields;
const A = 'aaaa0000-bb11-4222-83cc-444444dddddd';
const B = 'bbbb1111-cc22-4333-94dd-555555eeeeee';
const C = 'cccc2222-dd33-4444-a5ee-666666ffffff';

describe('findFields', () => {
  it('several fields on one line', () => {
    expect(fields(`Trace ID: ${A} Correlation ID: ${B} Timestamp: 2025-01-02 03:04:05Z`)).toEqual({
      traceId: A,
      correlationId: B,
      timestamp: '2025-01-02T03:04:05.000Z',
    });
  });

  it('label and value on separate lines, and labels split across lines', () => {
    expect(fields(`Request Id\n${A}\nCorrelation\nID:\n${B}`)).toEqual({ requestId: A, correlationId: B });
  });

  it('JSON keys and camelCase keys', () => {
    expect(fields(`{"trace_id": "${A}", "correlation_id":"${B}", "timestamp":"2025-01-02 03:04:05Z"}`)).toMatchObject({ traceId: A, correlationId: B });
    expect(fields(`{"correlationId":"${C}","requestId":"${A}"}`)).toEqual({ correlationId: C, requestId: A });
  });

  it('does not read client-request-id as the Request ID', () => {
    expect(fields(`client-request-id: ${A}\nx Client Request ID: ${B}\nRequest ID: ${C}`)).toEqual({ requestId: C });
  });

  it('repairs GUIDs broken across lines', () => {
    expect(fields('Correlation ID: aaaa0000-bb11-4222-\n83cc-444444dddddd')).toEqual({ correlationId: A });
    expect(fields('Correlation ID: aaaa0000-bb11-4222-83cc-4444\n44dddddd')).toEqual({ correlationId: A });
  });

  it('keeps the first value of each field and ignores labels without a GUID', () => {
    expect(fields(`Correlation ID: not shown\nCorrelation ID: ${A}\nCorrelation ID: ${B}`)).toEqual({ correlationId: A });
  });

  it('keeps an unreadable timestamp as written', () => {
    // A label in prose with no date-like value is not a timestamp.
    expect(findFields('the timestamp of the failure is shown below').fields).toEqual({});
    const r2 = findFields('Timestamp: 14 Mar 2025 10:00');
    expect(r2.fields.timestamp).toBe('14 Mar 2025 10:00');
    expect(r2.timestampUnparsed).toBe(true);
  });

  it('IP addresses must be addresses', () => {
    expect(fields('IP address: 10.1.2.3')).toEqual({ ipAddress: '10.1.2.3' });
    expect(fields('IP address: 999.1.2.3')).toEqual({});
    expect(fields('IP address: fe80::1')).toEqual({ ipAddress: 'fe80::1' });
  });

  it('OAuth error fields from JSON', () => {
    expect(fields('{"error":"invalid_grant","suberror":"bad_token","error_uri":"https://login.microsoftonline.com/error?code=50173"}')).toEqual({
      error: 'invalid_grant',
      suberror: 'bad_token',
      errorUri: 'https://login.microsoftonline.com/error?code=50173',
    });
  });
});
