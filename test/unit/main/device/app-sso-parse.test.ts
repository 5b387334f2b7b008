import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAppSsoPlatform } from '../../../../src/main/device/app-sso-parse';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/device', name), 'utf8');

describe('parseAppSsoPlatform', () => {
  it('reads a configuration dump and keeps no token material', () => {
    const s = parseAppSsoPlatform(fixture('app-sso-registered.txt'));
    expect(s).toMatchObject({
      deviceRegistration: 'registered',
      userRegistration: 'registered',
      extensionIdentifier: 'com.microsoft.CompanyPortalMac.ssoextension',
      loginType: 'POLoginTypeUserSecureEnclaveKey',
      notConfigured: false,
    });
    const kept = JSON.stringify(s);
    expect(kept).not.toContain('0.AXoAv4j5');
    expect(kept).not.toMatch(/token/i);
    expect(s.otherEntries['device._deviceKeyType']).toBe('UserSecureEnclaveKey');
  });

  it('reads plain "Device Registration: REGISTERED" lines', () => {
    expect(parseAppSsoPlatform(fixture('app-sso-plain-lines.txt'))).toMatchObject({
      deviceRegistration: 'registered',
      userRegistration: 'not-registered',
      extensionIdentifier: 'com.microsoft.CompanyPortalMac.ssoextension',
      loginType: 'Password',
    });
  });

  it('says when Platform SSO is not configured, and survives junk', () => {
    expect(parseAppSsoPlatform(fixture('app-sso-not-configured.txt')).notConfigured).toBe(true);
    expect(parseAppSsoPlatform('').notConfigured).toBe(true);
    for (const junk of [null, 7, '{{{{', ':\n:\n', 'a'.repeat(3_000_000)]) {
      const s = parseAppSsoPlatform(junk);
      expect(s.deviceRegistration).toBe('unknown');
    }
  });
});
