import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExplanationSchema } from '../../../../../src/shared/contract/explain';
import { explainText } from '../../../../../src/main/common/explain/explain-text';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../../../fixtures/explain', name), 'utf8');

function explain(name: string) {
  const ex = explainText(fixture(name));
  // The service validates output with the contract schema: every result must pass it unchanged.
  expect(ExplanationSchema.parse(ex)).toEqual(ex);
  return ex;
}

const codesOf = (ex: ReturnType<typeof explainText>) => ex.codes.map((c) => `${c.family}:${c.code}`);

describe('explainText on real-looking samples', () => {
  it('az CLI, fields on one line', () => {
    const ex = explain('az-cli-53003.txt');
    expect(ex.format).toBe('plain');
    expect(codesOf(ex)).toEqual(['aadsts:53003']);
    expect(ex.codes[0]?.entry?.name).toBe('BlockedByConditionalAccess');
    expect(ex.codes[0]?.raw).toBe('AADSTS53003');
    expect(ex.fixer).toBe('both');
    expect(ex.fields).toMatchObject({
      traceId: '5f0c2d1e-7a44-4b6e-9c3d-2e8f1a7b6c00',
      correlationId: '9b1e4c7a-3d2f-4e8a-b5c6-1a2b3c4d5e6f',
      timestamp: '2025-03-11T14:07:52.000Z',
    });
    expect(ex.fields.requestId).toBeUndefined();
    expect(ex.headline).toMatch(/Conditional Access/);
    expect(ex.notes.join('\n')).toMatch(/Trace ID is the value .* Request ID/);
  });

  it('PowerShell, fields on several lines', () => {
    const ex = explain('powershell-50076.txt');
    expect(codesOf(ex)).toEqual(['aadsts:50076']);
    expect(ex.codes[0]?.entry?.name).toBe('UserStrongAuthClientAuthNRequired');
    expect(ex.fixer).toBe('user');
    expect(ex.fields).toMatchObject({
      traceId: '0d3f9a72-1b6c-4e0f-8a57-c2e4b1d90e11',
      correlationId: '4c8e2b91-6a3d-47f5-9e10-b7d2a6c3f845',
      timestamp: '2025-02-03T08:15:09.000Z',
    });
  });

  it('JSON error response with escaped line breaks, de-duplicating error_codes', () => {
    const ex = explain('json-53003.json');
    expect(ex.format).toBe('json');
    expect(codesOf(ex)).toEqual(['aadsts:53003']);
    expect(ex.fields).toMatchObject({
      error: 'interaction_required',
      suberror: 'message_only',
      errorUri: 'https://login.microsoftonline.com/error?code=53003',
      traceId: '2a7b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
      correlationId: '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918',
      timestamp: '2025-04-22T17:45:03.000Z',
    });
    expect(ex.notes.join('\n')).toMatch(/message_only/);
    // The claims challenge names access_token: nothing of it may reach the message for IT.
    expect(ex.itMessage).not.toMatch(/access_token|capolids|c1d2e3f4/);
  });

  it('JSON embedded in a log line', () => {
    const ex = explain('json-embedded-log.txt');
    expect(ex.format).toBe('json');
    expect(codesOf(ex)).toEqual(['aadsts:700082']);
    expect(ex.codes[0]?.entry?.name).toBe('ExpiredOrRevokedGrantInactiveToken');
    expect(ex.codes[0]?.entry?.relatedFixes).toEqual(['teams.signin-reset', 'teams.cache-clear']);
    expect(ex.fixer).toBe('user');
    expect(ex.fields.error).toBe('invalid_grant');
    expect(ex.fields.correlationId).toBe('11223344-5566-4778-899a-abbccddeeff0');
    expect(ex.fields.timestamp).toBe('2025-01-17T06:02:11.000Z');
  });

  it('SOAP fault with psf:text and XML entities', () => {
    const ex = explain('soap-fault-53003.xml');
    expect(ex.format).toBe('soap');
    // The Passport fault value 0x80048821 is a Microsoft account code: listed, but only as its family.
    expect(codesOf(ex)).toEqual(['msa:80048821', 'aadsts:53003']);
    expect(ex.codes.find((c) => c.family === 'msa')?.entry?.rangeOnly).toBe(true);
    expect(ex.headline).toMatch(/^AADSTS53003/);
    expect(ex.fields).toMatchObject({
      traceId: '8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2919',
      correlationId: '0a1b2c3d-4e5f-4607-8899-aabbccddeeff',
      timestamp: '2025-05-06T11:22:33.000Z',
    });
  });

  it('browser error page, one field per line, "Not available" device kept verbatim', () => {
    const ex = explain('error-page-nextline.txt');
    expect(ex.format).toBe('error-page');
    expect(codesOf(ex)).toEqual(['aadsts:53003']);
    expect(ex.codes[0]?.raw).toBe('53003');
    expect(ex.fields).toEqual({
      requestId: '6a1f0e2d-93b4-4c57-a8e1-0f2d3c4b5a69',
      correlationId: 'd2c1b0a9-8f7e-46d5-b4c3-a2b1c0d9e8f7',
      timestamp: '2025-06-02T13:04:55.231Z',
      appName: 'Microsoft Teams',
      appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      ipAddress: '198.51.100.23',
      deviceId: 'Not available',
      devicePlatform: 'Windows 10',
      deviceState: 'Unregistered',
    });
    expect(ex.notes.join('\n')).toMatch(/not registered/);
  });

  it('browser error page, "Label: value" lines, IPv6 and a device GUID', () => {
    const ex = explain('error-page-colon.txt');
    expect(ex.format).toBe('error-page');
    expect(codesOf(ex)).toEqual(['aadsts:530003']);
    expect(ex.fixer).toBe('both');
    expect(ex.fields).toMatchObject({
      requestId: '3b2a1908-7f6e-45d4-83c2-b1a0f9e8d7c6',
      correlationId: '5c4b3a29-1807-46f5-a4d3-c2b1a0f9e8d7',
      timestamp: '2025-06-10T07:30:00.000Z',
      appName: 'Office 365 Exchange Online',
      appId: '00000002-0000-0ff1-ce00-000000000000',
      ipAddress: '2001:db8:85a3::8a2e:370:7334',
      deviceId: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8',
      devicePlatform: 'iOS',
      deviceState: 'Registered',
    });
  });

  it('Teams dialog with a WAM code', () => {
    const ex = explain('teams-dialog-caa2000b.txt');
    expect(ex.format).toBe('teams-dialog');
    expect(codesOf(ex)).toEqual(['wam:CAA2000B']);
    expect(ex.codes[0]?.raw).toBe('caa2000b');
    expect(ex.codes[0]?.entry?.name).toBe('ERROR_ADAL_SERVER_ERROR_INVALID_RESOURCE');
    expect(ex.codes[0]?.entry?.relatedFixes).toEqual(['teams.signin-reset', 'teams.cache-clear']);
    expect(ex.fields).toEqual({});
    expect(ex.notes.join('\n')).toMatch(/No Correlation ID or Request ID/);
  });

  it('Teams dialog with a bare "Error code: 53003" (curly apostrophe)', () => {
    const ex = explain('teams-dialog-53003.txt');
    expect(ex.format).toBe('teams-dialog');
    expect(codesOf(ex)).toEqual(['aadsts:53003']);
    expect(ex.codes[0]?.entry?.name).toBe('BlockedByConditionalAccess');
  });

  it('Teams dialog with only "code 53000"', () => {
    const ex = explain('teams-dialog-code-only.txt');
    expect(codesOf(ex)).toEqual(['aadsts:53000']);
    expect(ex.codes[0]?.entry?.name).toBe('DeviceNotCompliant');
  });

  it('OCR / line-wrapped text: split code, split label, GUID broken at a hyphen', () => {
    const ex = explain('ocr-mangled.txt');
    expect(codesOf(ex)).toEqual(['aadsts:53003']);
    expect(ex.codes[0]?.raw).toBe('AADSTS53003');
    expect(ex.fields).toMatchObject({
      traceId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      correlationId: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
      timestamp: '2025-07-01T22:10:05.000Z',
    });
    expect(ex.notes.join('\n')).toMatch(/repaired/);
  });

  it('OCR letter O for zero in a code and "ld" for "Id"', () => {
    const ex = explain('ocr-o-for-zero.txt');
    expect(codesOf(ex)).toEqual(['aadsts:53003']);
    expect(ex.codes[0]?.raw).toBe('AADSTS53OO3');
    expect(ex.fields.correlationId).toBe('2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e');
  });

  it('PC/SC codes by value and by name', () => {
    const ex = explain('pcsc-errors.txt');
    expect(codesOf(ex)).toEqual(['pcsc:8010001D', 'pcsc:8010002E', 'pcsc:80100066']);
    expect(ex.codes.map((c) => c.entry?.name)).toEqual(['SCARD_E_NO_SERVICE', 'SCARD_E_NO_READERS_AVAILABLE', 'SCARD_W_UNRESPONSIVE_CARD']);
    expect(ex.codes.every((c) => c.entry?.relatedChecks.includes('cac'))).toBe(true);
    expect(ex.fixer).toBe('user');
  });

  it('several codes: all listed in order, Conditional Access leads the headline', () => {
    const ex = explain('multi-code.txt');
    expect(codesOf(ex)).toEqual(['wam:CAA20004', 'aadsts:50076', 'aadsts:53003']);
    expect(ex.headline).toMatch(/^AADSTS53003 \(BlockedByConditionalAccess\)/);
    expect(ex.fixer).toBe('both');
    expect(ex.itMessage).toContain('0xCAA20004 (ERROR_ADAL_SERVER_ERROR_ACCESS_DENIED)');
    expect(ex.itMessage).toContain('AADSTS50076 (UserStrongAuthClientAuthNRequired)');
  });

  it('unknown codes are reported as unknown; family-only codes get the family entry', () => {
    const ex = explain('unknown-codes.txt');
    expect(codesOf(ex)).toEqual(['aadsts:99999', 'wam:CAA2FFFF', 'wam:CAAF0001', 'pcsc:801000FE']);
    const [aad, wamRange, wamUnknown, pcscRange] = ex.codes;
    expect(aad).toMatchObject({ known: false });
    expect(aad?.entry).toBeUndefined();
    expect(wamRange?.entry).toMatchObject({ rangeOnly: true, code: 'CAA2FFFF' });
    expect(wamUnknown).toMatchObject({ known: false });
    expect(wamUnknown?.entry).toBeUndefined();
    expect(pcscRange?.entry).toMatchObject({ rangeOnly: true, family: 'pcsc' });
    // Family-only beats unknown for the headline.
    expect(ex.headline).toMatch(/^0xCAA2FFFF belongs to/);
    expect(ex.notes.join('\n')).toMatch(/do not guess/);
  });

  it('53003: the truthful explanation', () => {
    const entry = explain('az-cli-53003.txt').codes[0]?.entry;
    expect(entry?.meaning).toMatch(/password was checked/);
    expect(entry?.wontHelp.join(' ')).toMatch(/cache/i);
    expect(entry?.wontHelp.join(' ')).toMatch(/reinstall/i);
    expect(entry?.relatedFixes).toEqual([]);
    expect(entry?.conditions.join(' ')).toMatch(/compliant/);
    expect(entry?.conditions.join(' ')).toMatch(/VPN/);
    expect(entry?.conditions.join(' ')).toMatch(/phishing-resistant/);
    expect(entry?.adminActions.join(' ')).toMatch(/Sign-in logs .*Conditional Access tab/);
    expect(entry?.adminActions.join(' ')).toMatch(/What If/);
    expect(entry?.adminActions.join(' ')).toMatch(/7 days .*30 days/);
  });
});
