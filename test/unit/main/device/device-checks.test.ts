import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeviceStatus } from '../../../../src/main/device/device-checks';
import { createEngineContext } from '../../../../src/main/engine-context';
import type { Exec, ExecResult } from '../../../../src/main/os/exec';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/device', name), 'utf8');
const ok = (stdout: string): ExecResult => ({ code: 0, signal: null, stdout, stderr: '', timedOut: false });
const enoent: ExecResult = { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' };
const NOW = new Date('2026-11-23T07:00:00Z');

/** Fakes only what cannot run here, at ctx.exec: dsregcmd and reg on Windows. */
function windows(dsreg: string | ExecResult) {
  const calls: string[] = [];
  const exec: Exec = async (file, args) => {
    calls.push([file, ...args].join(' '));
    if (file === 'C:\\Windows\\System32\\dsregcmd.exe') return typeof dsreg === 'string' ? ok(fixture(dsreg)) : dsreg;
    if (file === 'C:\\Windows\\System32\\reg.exe') return ok(fixture('reg-currentversion.txt'));
    return enoent;
  };
  return { ctx: createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'win32' }, stateDir: '/tmp/sd-device', exec, now: () => NOW }), calls };
}

const byId = (findings: { id: string }[]) => Object.fromEntries(findings.map((f) => [f.id, f])) as unknown as Record<string, { severity: string; title: string; detail: string; evidence: Record<string, unknown> }>;

describe('device state on Windows (dsregcmd faked at exec)', () => {
  it('an Entra joined device with a valid PRT is fine, and dsregcmd runs as /status with no shell', async () => {
    const { ctx, calls } = windows('dsregcmd-joined.txt');
    const { summary, findings } = await readDeviceStatus(ctx);
    expect(calls).toContain('C:\\Windows\\System32\\dsregcmd.exe /status');
    const f = byId(findings);
    expect(f['device.join-state']!.severity).toBe('ok');
    expect(f['device.prt']!.severity).toBe('ok');
    expect(f['device.tenant']!.title).toBe('Tenant: Contoso');
    expect(f['device.os']!.detail).toContain('Device platform as Conditional Access sees it: Windows');
    expect(summary).toMatchObject({ joinState: 'entra-joined', policyPlatform: 'Windows', osVersion: '10.0.22631.4400', tenantName: 'Contoso', prt: { present: true, expiresAt: '2026-12-07T05:58:11.000Z' } });
    expect(findings.some((x) => x.severity === 'fail' || x.severity === 'warn')).toBe(false);
  });

  it('hybrid and registered devices are named as such', async () => {
    expect((await readDeviceStatus(windows('dsregcmd-hybrid.txt').ctx)).summary.joinState).toBe('hybrid-joined');
    const reg = await readDeviceStatus(windows('dsregcmd-registered.txt').ctx);
    expect(reg.summary.joinState).toBe('registered');
    expect(byId(reg.findings)['device.join-state']!.detail).toMatch(/still block/);
    // A registered (not joined) device is not expected to hold a device PRT.
    expect(byId(reg.findings)['device.prt-missing']).toBeUndefined();
  });

  it('an unregistered device: warns, and hands over the registration error and its Correlation ID', async () => {
    const { summary, findings } = await readDeviceStatus(windows('dsregcmd-unregistered.txt').ctx);
    const f = byId(findings);
    expect(summary.joinState).toBe('not-registered');
    expect(f['device.join-state']!.severity).toBe('warn');
    expect(f['device.join-state']!.detail).toMatch(/53003/);
    expect(f['device.last-error']!.title).toContain('0x801c03f2');
    expect(f['device.last-error']!.detail).toContain('Correlation ID: 0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f');
    expect(summary.lastError?.correlationId).toBe('0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f');
  });

  it('failed device auth and a missing PRT are failures', async () => {
    const { findings, summary } = await readDeviceStatus(windows('dsregcmd-failed-auth.txt').ctx);
    const f = byId(findings);
    expect(f['device.auth-status']!.severity).toBe('fail');
    expect(f['device.auth-status']!.detail).toMatch(/disabled or deleted/);
    expect(f['device.prt-missing']!.severity).toBe('fail');
    expect(f['device.last-error']!.detail).toContain('63648321-fc5c-46eb-996e-ed1f3ba7740f');
    expect(summary.tenantName).toBe('Fabrikam');
  });

  it('an expired PRT is found by comparing AzureAdPrtExpiryTime with now', async () => {
    const { findings } = await readDeviceStatus(windows('dsregcmd-localized-odd-spacing.txt').ctx);
    const f = byId(findings);
    expect(f['device.prt-expired']!.severity).toBe('fail');
    expect(f['device.prt-expired']!.detail).toContain('2026-11-22T07:00:00.000Z');
    expect(f['device.prt']).toBeUndefined();
  });

  it('a missing or hanging dsregcmd is a readable warning, not a crash', async () => {
    const missing = await readDeviceStatus(windows(enoent).ctx);
    expect(missing.summary.joinState).toBe('unknown');
    expect(byId(missing.findings)['device.join-state']!.detail).toMatch(/not found/);
    const hung = await readDeviceStatus(windows({ code: null, signal: 'SIGTERM', stdout: '', stderr: '', timedOut: true }).ctx);
    expect(byId(hung.findings)['device.join-state']!.detail).toMatch(/did not answer/);
    const garbage = await readDeviceStatus(windows(ok('\u0000garbage\n::::')).ctx);
    expect(garbage.summary.joinState).toBe('unknown');
  });
});

describe('device state on macOS (app-sso faked at exec, Company Portal probed in a real folder)', () => {
  function mac(psso: string | ExecResult, portal: boolean, list: ExecResult = { code: 1, signal: null, stdout: '', stderr: 'not permitted', timedOut: false }) {
    const root = mkdtempSync(join(tmpdir(), 'sd-mac-root-'));
    if (portal) mkdirSync(join(root, 'Applications', 'Company Portal.app', 'Contents'), { recursive: true });
    const exec: Exec = async (file, args) => {
      if (file === '/usr/bin/app-sso' && args[0] === 'platform') return typeof psso === 'string' ? ok(fixture(psso)) : psso;
      if (file === '/usr/bin/app-sso' && args[0] === '-l') return list;
      if (file === '/usr/bin/sw_vers') return ok(fixture('sw-vers.txt'));
      return enoent;
    };
    return createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'darwin' }, stateDir: '/tmp/sd-device', exec, now: () => NOW, config: { device: { root } } });
  }

  it('registered through Platform SSO with Company Portal', async () => {
    const { summary, findings } = await readDeviceStatus(mac('app-sso-registered.txt', true));
    const f = byId(findings);
    expect(summary).toMatchObject({ joinState: 'platform-sso-registered', policyPlatform: 'macOS', osVersion: '14.6.1' });
    expect(f['device.platform-sso']!.severity).toBe('ok');
    expect(f['device.company-portal']!.severity).toBe('ok');
    expect(f['device.sso-extension']!.evidence.extensionIdentifier).toBe('com.microsoft.CompanyPortalMac.ssoextension');
  });

  it('no Platform SSO, no Company Portal: not registered, with a warning', async () => {
    const { summary, findings } = await readDeviceStatus(mac('app-sso-not-configured.txt', false));
    const f = byId(findings);
    expect(summary.joinState).toBe('not-registered');
    expect(f['device.company-portal']!.severity).toBe('warn');
    expect(f['device.sso-extension']!.detail).toMatch(/administrator/);
  });

  it('user not registered is a warning; the SSO extension list is used when readable', async () => {
    const list = ok('{ "com.microsoft.CompanyPortalMac.ssoextension" = { type = redirect; }; }');
    const { findings } = await readDeviceStatus(mac('app-sso-plain-lines.txt', true, list));
    expect(byId(findings)['device.platform-sso']!.severity).toBe('warn');
    expect(byId(findings)['device.sso-extension']!.severity).toBe('ok');
  });
});

describe('device state on Linux (real file probes)', () => {
  it('this machine has no Intune: "not managed" as information', async () => {
    const ctx = createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'linux' }, stateDir: '/tmp/sd-device' });
    const { summary, findings } = await readDeviceStatus(ctx);
    const f = byId(findings)['device.linux-management']!;
    expect(f.severity).toBe('info');
    expect(f.title).toMatch(/not managed/);
    expect(summary.policyPlatform).toBe('Linux');
  });

  it('finds the Microsoft Identity Broker when installed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sd-linux-root-'));
    mkdirSync(join(root, 'usr/bin'), { recursive: true });
    writeFileSync(join(root, 'usr/bin/microsoft-identity-broker'), '#!/bin/sh\n');
    const ctx = createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'linux' }, stateDir: '/tmp/sd-device', config: { device: { root } } });
    const { summary, findings } = await readDeviceStatus(ctx);
    expect(summary.joinState).toBe('managed');
    expect(byId(findings)['device.linux-management']!.evidence.found).toEqual(['/usr/bin/microsoft-identity-broker']);
  });
});
