import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../../src/main/common/explain/detect-format';

describe('detectFormat', () => {
  it.each([
    ['', 'empty'],
    ['  \n ', 'empty'],
    ['{"error":"invalid_grant"}', 'json'],
    ['log: body={"error_codes":[50126]} done', 'json'],
    ['[1,2,3]', 'json'],
    ['<s:Envelope><s:Body><s:Fault>x</s:Fault></s:Body></s:Envelope>', 'soap'],
    ['<psf:text>AADSTS53003: x</psf:text>', 'soap'],
    ['Troubleshooting details\nRequest Id\nx', 'error-page'],
    ['App name\nTeams\nDevice platform\nWindows', 'error-page'],
    ["We couldn't sign you in", 'teams-dialog'],
    ['Microsoft Teams\nError code: 53003', 'teams-dialog'],
    ['ERROR: AADSTS50126: Invalid username or password.', 'plain'],
    ['{not json', 'plain'],
  ] as const)('%j is %s', (text, format) => expect(detectFormat(text)).toBe(format));
});
