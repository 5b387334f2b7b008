import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../../src/main/common/redact/redactor';

const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJ1cG4iOiJhbGljZUBjb250b3NvLmNvbSJ9.c2lnbmF0dXJlLXBhcnQtaGVyZQ';
const REFRESH = '0.AXoAv4j5cvGGr0GRqy180BHbR0x2mG7XzQpNfD1.AgABAAEAAAD--DLA3VO7QrddgJg7WevrAgDs_wUA9P';

describe('Redactor: secrets are always removed', () => {
  for (const includePersonal of [false, true]) {
    it(`tokens, secrets and passwords (includePersonal=${includePersonal})`, () => {
      const r = new Redactor({ includePersonal });
      const text = [
        `Authorization: Bearer ${JWT}`,
        `id_token=${JWT}&state=abc`,
        `{"access_token":"EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z","refresh_token":"${REFRESH}","expires_in":3599}`,
        `refresh token was ${REFRESH}`,
        'client_secret=Q~8Xy.abcDEF123_ghiJKL456',
        'password: 0x48756E74657232  "Hunter2!Secret"',
        'user settings: password=Hunter2!Secret; other=1',
        "pwd='Tr0ub4dor&3'",
        `cookie blob ${'XyZ9'.repeat(30)} end`,
      ].join('\n');
      const out = r.text(text);
      for (const secret of [JWT, JWT.slice(0, 30), REFRESH, REFRESH.slice(0, 25), 'EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z', 'Q~8Xy.abcDEF123_ghiJKL456', 'Hunter2!Secret', '48756E74657232', 'Tr0ub4dor', 'XyZ9XyZ9XyZ9XyZ9']) {
        expect(out, secret).not.toContain(secret);
      }
      expect(out).toContain('Bearer [removed: token]');
      expect(out).toContain('"expires_in":3599');
      expect(out).toContain('&state=abc');
      expect(r.counts.token).toBeGreaterThanOrEqual(3);
      expect(r.counts.secret).toBeGreaterThanOrEqual(4);
    });
  }

  it('keeps what IT needs: GUIDs, codes, hashes, timestamps, versions', () => {
    const r = new Redactor({ includePersonal: false });
    const keep = 'AADSTS53003 Correlation ID: 0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f at 2026-11-20T14:03:27.512Z, build 10.0.22631.4400, 0xCAA2000B, thumbprint 3F2A1B0C9D8E7F6A5B4C3D2E1F0A9B8C7D6E5F4A, sha256 ' + 'ab12'.repeat(16);
    expect(r.text(keep)).toBe(keep);
  });

  it('JSON values: string values under secret keys go whole, numbers and booleans stay', () => {
    const r = new Redactor({ includePersonal: true });
    expect(r.value({ password: 'x1', refreshToken: 'abc', tokenExpired: true, nested: [{ client_secret: 's', keychainData: 'blob', note: `see ${JWT}` }] })).toEqual({
      password: '[removed: secret]',
      refreshToken: '[removed: secret]',
      tokenExpired: true,
      nested: [{ client_secret: '[removed: secret]', keychainData: '[removed: secret]', note: 'see [removed: token]' }],
    });
  });
});

describe('Redactor: personal data', () => {
  const options = { includePersonal: false, home: '/tmp/sd-x/home/alice', userNames: ['alice', 'root'], hostNames: ['WS-0142', 'vm'] };

  it('removes user names, home paths, e-mails, host names and IPs by default', () => {
    const r = new Redactor(options);
    const out = r.text(
      [
        'log at /tmp/sd-x/home/alice/.config/Microsoft/Microsoft Teams/logs.txt',
        'C:\\Users\\alice.smith\\AppData\\Local and /Users/bob/Library and /home/carol/.cache',
        'signed in as alice@contoso.com (Alice) from 203.0.113.45 and fe80::1c2b:3d4e:5f60:7a8b',
        'Executing Account Name : CONTOSO\\bob.smith, bob.smith@contoso.com',
        'host WS-0142 / DESKTOP-3H8P1LQ; user alice; root certificate; vm image',
        'loopback 127.0.0.1 stays; version 10.0.22631.4400 stays; HKLM\\SOFTWARE\\Microsoft stays',
      ].join('\n'),
    );
    for (const personal of ['alice', 'bob', 'carol', 'contoso.com', '203.0.113.45', 'fe80::', 'WS-0142', 'DESKTOP-3H8P1LQ']) expect(out, personal).not.toContain(personal);
    expect(out).toContain('[home]/.config/Microsoft/Microsoft Teams/logs.txt');
    expect(out).toContain('CONTOSO\\[user]');
    expect(out).toContain('root certificate'); // generic names are not personal
    expect(out).toContain('vm image');
    expect(out).toContain('127.0.0.1 stays');
    expect(out).toContain('10.0.22631.4400 stays');
    expect(out).toContain('HKLM\\SOFTWARE\\Microsoft stays');
    expect(r.counts).toMatchObject({ home: expect.any(Number), email: expect.any(Number), ip: 2, host: 2 });
  });

  it('learns device and account names from evidence', () => {
    const r = new Redactor(options);
    r.learn({ deviceName: 'ws-77.corp.fabrikam.com', nested: { userName: 'FABRIKAM\\dave' } });
    expect(r.text('ws-77 and WS-77.corp.fabrikam.com and dave')).toBe('[host] and [host] and [user]');
    expect(r.value({ deviceName: 'anything', ipAddress: '10.1.2.3', upn: 'x@y.zz', tenantName: 'Fabrikam' })).toEqual({ deviceName: '[host]', ipAddress: '[ip]', upn: '[email]', tenantName: 'Fabrikam' });
  });

  it('keeps personal data when asked, but never secrets', () => {
    const r = new Redactor({ ...options, includePersonal: true });
    expect(r.text(`alice@contoso.com 203.0.113.45 /tmp/sd-x/home/alice Bearer ${JWT}`)).toBe('alice@contoso.com 203.0.113.45 /tmp/sd-x/home/alice Bearer [removed: token]');
  });
});
