import { describe, expect, it } from 'vitest';
import { cleanTokenInput, formatDuration, inspectToken, TokenInputError } from '../../../../src/main/device/token-inspect';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const jwt = (payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'k1' }) => `${b64(header)}.${b64(payload)}.c2lnbmF0dXJl`;
const NOW = new Date('2026-11-23T07:00:00Z');
const at = (iso: string) => Date.parse(iso) / 1000;

const graphToken = {
  aud: '00000003-0000-0000-c000-000000000000',
  iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
  iat: at('2026-11-23T06:30:00Z'),
  nbf: at('2026-11-23T06:30:00Z'),
  exp: at('2026-11-23T07:42:00Z'),
  appid: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  scp: 'User.Read Chat.ReadWrite',
  upn: 'alice@contoso.com',
  amr: ['pwd', 'rsa', 'mfa'],
  deviceid: '6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
};

describe('inspectToken', () => {
  it('decodes header, payload and the claims that matter; says the signature is not verified', () => {
    const r = inspectToken(jwt(graphToken), { now: NOW });
    expect(r.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'k1' });
    expect(r.claims).toEqual({
      aud: ['00000003-0000-0000-c000-000000000000'],
      audienceName: 'Microsoft Graph',
      iss: graphToken.iss,
      tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      appid: graphToken.appid,
      scopes: ['User.Read', 'Chat.ReadWrite'],
      roles: [],
      upn: 'alice@contoso.com',
      amr: ['pwd', 'rsa', 'mfa'],
      deviceid: graphToken.deviceid,
    });
    expect(r.times).toEqual([
      { claim: 'exp', epochSeconds: graphToken.exp, iso: '2026-11-23T07:42:00.000Z', relative: 'expires in 42 min' },
      { claim: 'nbf', epochSeconds: graphToken.nbf, iso: '2026-11-23T06:30:00.000Z', relative: 'valid since 30 min ago' },
      { claim: 'iat', epochSeconds: graphToken.iat, iso: '2026-11-23T06:30:00.000Z', relative: 'issued 30 min ago' },
    ]);
    expect(r.flags).toEqual([]);
    expect(r.signatureVerified).toBe(false);
    expect(r.signatureNote).toMatch(/NOT verified/);
  });

  it('judges expiry against the corrected clock, not the local one', () => {
    // Local clock 1 h slow: true time is 08:00, the token expired 18 min ago.
    const r = inspectToken(jwt(graphToken), { now: NOW, offsetMs: 3_600_000 });
    expect(r.clock).toEqual({ now: '2026-11-23T08:00:00.000Z', offsetMs: 3_600_000, corrected: true });
    expect(r.times[0]!.relative).toBe('expired 18 min ago');
    const flag = r.flags.find((f) => f.id === 'expired')!;
    expect(flag.severity).toBe('fail');
    expect(flag.message).toMatch(/clock is off by 1 h/);
    // The same token against the uncorrected clock is still valid.
    expect(inspectToken(jwt(graphToken), { now: NOW }).flags.find((f) => f.id === 'expired')).toBeUndefined();
  });

  it('flags not yet valid, no expiry and unsigned tokens', () => {
    const future = inspectToken(jwt({ ...graphToken, nbf: at('2026-11-23T08:00:00Z') }), { now: NOW });
    expect(future.flags.map((f) => f.id)).toContain('not-yet-valid');
    const { exp: _exp, ...noExp } = graphToken;
    expect(inspectToken(jwt(noExp), { now: NOW }).flags.map((f) => f.id)).toContain('no-expiry');
    expect(inspectToken(jwt(graphToken, { alg: 'none' }), { now: NOW }).flags.map((f) => f.id)).toContain('unsigned');
  });

  it('wrong audience for Graph / Teams, by known ids and URIs', () => {
    const teams = jwt({ ...graphToken, aud: 'https://api.spaces.skype.com' });
    expect(inspectToken(teams, { now: NOW, expectAudience: 'teams' }).flags).toEqual([]);
    const wrong = inspectToken(teams, { now: NOW, expectAudience: 'graph' }).flags.find((f) => f.id === 'wrong-audience')!;
    expect(wrong.severity).toBe('fail');
    expect(wrong.message).toContain('Microsoft Teams Services, not Microsoft Graph');
    expect(inspectToken(jwt({ ...graphToken, aud: 'https://graph.microsoft.com/' }), { now: NOW, expectAudience: 'graph' }).flags).toEqual([]);
    const idToken = inspectToken(jwt({ ...graphToken, aud: '1fec8e78-bce4-4aaf-ab1b-5451cc387264' }), { now: NOW });
    expect(idToken.flags.find((f) => f.id === 'wrong-audience')).toMatchObject({ severity: 'info', message: expect.stringMatching(/ID token/) });
  });

  it('missing scopes that were asked for (case and resource prefix ignored; app roles count)', () => {
    const r = inspectToken(jwt(graphToken), { now: NOW, needScopes: ['user.read', 'https://graph.microsoft.com/Chat.ReadWrite', 'Calendars.Read', 'Mail.Send'] });
    const flag = r.flags.find((f) => f.id === 'missing-scopes')!;
    expect(flag.message).toContain('Missing scopes Calendars.Read, Mail.Send');
    const app = inspectToken(jwt({ ...graphToken, scp: undefined, roles: ['User.Read.All'] }), { now: NOW, needScopes: ['User.Read.All'] });
    expect(app.flags.find((f) => f.id === 'missing-scopes')).toBeUndefined();
    expect(app.claims.roles).toEqual(['User.Read.All']);
  });

  it('accepts what people paste around a token', () => {
    const t = jwt(graphToken);
    expect(cleanTokenInput(`  Authorization: Bearer ${t.slice(0, 40)}\n${t.slice(40)}  `)).toBe(t);
    expect(inspectToken(`"${t}"`, { now: NOW }).claims.upn).toBe('alice@contoso.com');
  });

  it('rejects malformed input with clear errors that never echo the token', () => {
    const secret = jwt(graphToken);
    const cases: Array<[string, RegExp]> = [
      ['', /No token/],
      ['abc.def', /three parts.*has 2/],
      [`${secret}.x.y`, /encrypted token \(JWE/],
      [`${b64({ alg: 'RS256' })}.pay$load.sig`, /payload part is not base64url/],
      [`${b64({ alg: 'RS256' })}.${b64('not json at all')}.sig`, /payload part is not JSON/],
      [`${b64({ alg: 'RS256' })}.${b64([1, 2])}.sig`, /not an object/],
      [`${Buffer.from([0xff, 0xfe, 0xfd]).toString('base64url')}.${b64(graphToken)}.sig`, /header part does not decode to UTF-8/],
      [`.${b64(graphToken)}.sig`, /header part is empty/],
      ['x'.repeat(64 * 1024 + 1), /larger than 64 KB/],
    ];
    for (const [input, message] of cases) {
      let error: unknown;
      try {
        inspectToken(input, { now: NOW });
      } catch (e) {
        error = e;
      }
      expect(error, input.slice(0, 40)).toBeInstanceOf(TokenInputError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain(secret.slice(0, 20));
    }
  });

  it('formats durations', () => {
    expect([formatDuration(5_000), formatDuration(-90_000), formatDuration(3 * 3_600_000 + 5 * 60_000), formatDuration(3 * 86_400_000)]).toEqual(['5 s', '1 min', '3 h 5 min', '3 days']);
  });
});
