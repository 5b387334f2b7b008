import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dsregTime, parseDsregcmd, yesNo } from '../../../../src/main/device/dsregcmd-parse';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/device', name), 'utf8');

describe('parseDsregcmd', () => {
  it('reads every section of an Entra joined device into typed fields', () => {
    const d = parseDsregcmd(fixture('dsregcmd-joined.txt'));
    expect(d.sections.map((s) => s.title)).toEqual([
      'Device State',
      'Device Details',
      'Tenant Details',
      'User State',
      'SSO State',
      'Diagnostic Data',
      'IE Proxy Config for Current User',
      'WinHttp Default Proxy Config',
      'Ngc Prerequisite Check',
    ]);
    expect(d.deviceState).toMatchObject({ azureAdJoined: true, enterpriseJoined: false, domainJoined: false, deviceName: 'LAPTOP-7QK2M9' });
    expect(d.deviceDetails).toMatchObject({
      deviceId: '6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      tpmProtected: true,
      deviceAuthStatus: 'SUCCESS',
      deviceAuthOk: true,
      certificateValidity: { from: '2025-02-14T09:12:44.000Z', to: '2035-02-14T09:42:44.000Z' },
    });
    expect(d.tenant).toMatchObject({ tenantName: 'Contoso', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
    expect(d.user).toMatchObject({ ngcSet: true, workplaceJoined: false, wamDefaultSet: true, wamDefaultAuthority: 'organizations' });
    expect(d.sso).toMatchObject({ azureAdPrt: true, azureAdPrtUpdateTime: '2026-11-23T05:58:12.000Z', azureAdPrtExpiryTime: '2026-12-07T05:58:11.000Z', enterprisePrt: false });
    expect(d.lastError).toBeUndefined();
    expect(d.empty).toBe(false);
    // The trailing sentence is not an entry: it is kept, not lost.
    expect(d.unknownLines).toEqual(['For more information, please visit https://www.microsoft.com/aadjerrors']);
    // A value holding colons (a URL) stays whole.
    const tenant = d.sections.find((s) => s.title === 'Tenant Details')!;
    expect(tenant.entries.find((e) => e.key === 'AuthCodeUrl')?.value).toBe('https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/authorize');
  });

  it('reads hybrid joined, registered and unregistered devices', () => {
    const hybrid = parseDsregcmd(fixture('dsregcmd-hybrid.txt'));
    expect(hybrid.deviceState).toMatchObject({ azureAdJoined: true, domainJoined: true, domainName: 'CONTOSO' });
    expect(hybrid.sso.enterprisePrt).toBe(true);

    const registered = parseDsregcmd(fixture('dsregcmd-registered.txt'));
    expect(registered.deviceState.azureAdJoined).toBe(false);
    expect(registered.user.workplaceJoined).toBe(true);
    expect(registered.sso.azureAdPrt).toBe(false);

    const unregistered = parseDsregcmd(fixture('dsregcmd-unregistered.txt'));
    expect(unregistered.deviceState).toMatchObject({ azureAdJoined: false, domainJoined: false });
    expect(unregistered.lastError).toEqual({
      source: 'registration',
      code: '0x801c03f2',
      description: 'The device object by the given id (6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a) is not found.',
      correlationId: '0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
      requestId: '3c2b1a09-8f7e-4d6c-5b4a-39281706f5e4',
      time: '2026-11-20T14:01:55.000Z',
    });
  });

  it('takes the last error and Correlation ID from a failed PRT attempt', () => {
    const d = parseDsregcmd(fixture('dsregcmd-failed-auth.txt'));
    expect(d.deviceDetails.deviceAuthOk).toBe(false);
    expect(d.deviceDetails.deviceAuthStatus).toBe('FAILED. Device is either disabled or deleted');
    expect(d.sso.azureAdPrt).toBe(false);
    expect(d.lastError).toEqual({
      source: 'prt',
      code: 'invalid_grant',
      description: 'AADSTS135011: Device used during the authentication is disabled.',
      correlationId: '63648321-fc5c-46eb-996e-ed1f3ba7740f',
      time: '2026-11-23T06:02:41.221Z',
    });
  });

  it('copes with a BOM, CRLF, tabs, missing spaces, localized titles and values, and junk lines', () => {
    const d = parseDsregcmd(fixture('dsregcmd-localized-odd-spacing.txt'));
    expect(d.sections.map((s) => s.title)).toEqual(['Gerätestatus', 'Gerätedetails', 'Mandantendetails', 'SSO-Status']);
    expect(d.deviceState).toMatchObject({ azureAdJoined: true, enterpriseJoined: false, domainJoined: false, deviceName: 'PC-MÜLLER-01' });
    expect(d.deviceDetails.deviceAuthOk).toBe(true);
    expect(d.tenant.tenantName).toBe('Contoso GmbH');
    expect(d.sso).toMatchObject({ azureAdPrt: true, azureAdPrtExpiryTime: '2026-11-22T07:00:00.000Z' });
    expect(d.unknownLines).toEqual(['Dieser Text ist keine Zeile mit Doppelpunkt', '=====', '::: seltsam :::']);
  });

  it('reads UTF-16 text decoded as UTF-8 (NULs between characters)', () => {
    const utf16ish = fixture('dsregcmd-joined.txt').split('').join('\u0000');
    const d = parseDsregcmd(utf16ish);
    expect(d.deviceState.azureAdJoined).toBe(true);
    expect(d.sso.azureAdPrtExpiryTime).toBe('2026-12-07T05:58:11.000Z');
  });

  it('never throws on hostile input and says when nothing was recognised', () => {
    for (const input of ['', '\u0000\u0000', ':'.repeat(100_000), 'x'.repeat(1_000_000), '| | |\n+--+\n|', 42, null, undefined, { a: 1 }]) {
      const d = parseDsregcmd(input);
      expect(d.empty).toBe(true);
      expect(d.deviceState.azureAdJoined).toBeUndefined();
    }
    const long = Array.from({ length: 20_000 }, (_, i) => `Key${i} : ${i}`).join('\n');
    const d = parseDsregcmd(long);
    expect(d.sections[0]!.entries.length).toBe(5_000); // bounded
  });

  it('helpers: yes/no words and dsregcmd times', () => {
    expect([yesNo('YES'), yesNo(' ja '), yesNo('NON'), yesNo('maybe'), yesNo(undefined)]).toEqual([true, true, false, undefined, undefined]);
    expect(dsregTime('2026-11-30 10:15:00.000 UTC')).toBe('2026-11-30T10:15:00.000Z');
    expect(dsregTime('2026-11-30 10:15:00 UTC')).toBe('2026-11-30T10:15:00.000Z');
    expect(dsregTime('NONE')).toBeUndefined();
  });
});
