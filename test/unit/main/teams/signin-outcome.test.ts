import { describe, expect, it } from 'vitest';
import { firstOutcome, isAfter, lineTimeMs, scanSuccessText } from '../../../../src/main/teams/signin-outcome';

const SINCE = Date.parse('2026-11-23T06:40:00.000Z');
const CORR = '3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b';
const newFail = (t: string, code = '53003') => `${t} 0x00002a10 <ERR> AuthenticationService: acquireToken failed: AADSTS${code}: Access has been blocked by Conditional Access policies. Correlation ID: ${CORR}`;
const newOk = (t: string) => `${t} 0x00002a10 <INFO> AuthenticationService: acquireToken succeeded for resource https://api.spaces.skype.com`;

describe('sign-in outcome in a log text', () => {
  it('new Teams: the first failure after since, with its code explained by the catalog and its Correlation ID', () => {
    const text = [newFail('2026-11-23T06:39:59.000000Z', '700082'), newFail('2026-11-23T06:41:00.000000Z'), newOk('2026-11-23T06:42:00.000000Z')].join('\r\n');
    const o = firstOutcome(text, 'new', 'MSTeams.log', SINCE)!;
    expect(o.outcome).toBe('failed');
    expect(o.at).toBe('2026-11-23T06:41:00.000Z');
    expect(o.code).toMatchObject({ code: '53003', display: 'AADSTS53003', conditionalAccess: true });
    expect(o.code?.name).toBeTruthy();
    expect(o.correlationId).toBe(CORR);
  });

  it('lines at or before since never count; nothing after since is no outcome', () => {
    expect(firstOutcome([newFail('2026-11-23T06:39:00.000000Z'), newOk('2026-11-23T06:40:00.000000Z')].join('\n'), 'new', 'f', SINCE)).toBeUndefined();
  });

  it('a success line is signed in; a line that says "succeeded" but also fails is not', () => {
    expect(firstOutcome(newOk('2026-11-23T06:41:00.000000Z'), 'new', 'f', SINCE)).toMatchObject({ outcome: 'signed-in', at: '2026-11-23T06:41:00.000Z' });
    expect(scanSuccessText('2026-11-23T06:41:00.000000Z 0x1 <INFO> AuthenticationService: acquireToken succeeded=false, error: timeout', 'new', 'f')).toEqual([]);
  });

  it('step codes (MFA prompt, no session yet) do not end the watch; the later success does', () => {
    const text = [newFail('2026-11-23T06:41:00.000000Z', '50058'), newFail('2026-11-23T06:41:01.000000Z', '50076'), newOk('2026-11-23T06:41:30.000000Z')].join('\n');
    expect(firstOutcome(text, 'new', 'f', SINCE)).toMatchObject({ outcome: 'signed-in' });
  });

  it('classic: a sign-in "-- event --" with status success; whole-second times count from since\'s second', () => {
    const ok = 'Mon Nov 23 2026 06:40:00 GMT+0000 (Coordinated Universal Time) <4120> -- event -- name: desktop_auth_login, status: success, scenario: x, scenarioName: desktop_auth_login';
    expect(firstOutcome(ok, 'classic', 'logs.txt', SINCE + 400)).toMatchObject({ outcome: 'signed-in', at: '2026-11-23T06:40:00.000Z' });
    expect(firstOutcome(ok, 'classic', 'logs.txt', SINCE + 1000)).toBeUndefined();
    const other = ok.replace(/desktop_auth_login/g, 'launch_pear_app');
    expect(firstOutcome(other, 'classic', 'logs.txt', SINCE - 5000)).toBeUndefined();
    const fail = 'Mon Nov 23 2026 06:41:02 GMT+0000 (Coordinated Universal Time) <4120> -- error -- Sign-in failed. We couldn\'t sign you in. Error code: 53003 Correlation ID: ' + CORR;
    expect(firstOutcome(fail, 'classic', 'logs.txt', SINCE)).toMatchObject({ outcome: 'failed', code: { code: '53003' }, correlationId: CORR });
  });

  it('teams-for-linux: electron-log local times; its token refresh line is a success', () => {
    const local = new Date(2026, 10, 23, 6, 41, 12, 345);
    const line = '[2026-11-23 06:41:12.345] [debug] [TOKEN_CACHE] Token refresh successful for https://graph.microsoft.com';
    expect(lineTimeMs(line, 'linux')).toBe(local.getTime());
    expect(firstOutcome(line, 'linux', 'main.log', local.getTime() - 1)).toMatchObject({ outcome: 'signed-in', at: local.toISOString() });
    expect(isAfter(line, local.getTime(), local.getTime())).toBe(false);
  });
});
