// The proxy check and the repair plans on Windows, from recorded `reg query` / `netsh` outputs:
// the WinINET vs WinHTTP mismatch is flagged, the per-user proxy repairs offer exact undo and warn
// to coordinate with IT, and the DNS flush says there is nothing to undo.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineContext } from '../../../../src/main/engine-context';
import type { StepContext } from '../../../../src/main/engine/types';
import { proxyCheck } from '../../../../src/main/network/network-checks';
import { dnsFlushDescription, dnsFlushStep } from '../../../../src/main/network/network-steps';
import type { Exec } from '../../../../src/main/os/exec';
import { LINUX_FOLDERS, linuxProgram } from '../../../../src/main/os/programs';
import { createService } from '../../../../src/main/service';
import { tempDir } from '../../../support/browser';
import { windowsProxyExec } from '../../../support/network-windows-exec';

function setup(winhttpFixture?: string) {
  const fake = windowsProxyExec({ proxyServer: 'proxy.contoso.com:8080', ...(winhttpFixture ? { winhttpFixture } : {}) });
  const ctx = createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'win32' }, stateDir: join(tempDir('network-unit'), 'state'), config: {}, exec: fake.exec });
  return { ctx, fake, service: createService(ctx) };
}

describe('proxy check on Windows', () => {
  it('flags WinINET (proxy) vs WinHTTP (direct) as a mismatch, naming both roads', async () => {
    const { ctx } = setup();
    expect(ctx.platform).toBe('win32');
    const findings = await proxyCheck.run({ ...ctx, signal: new AbortController().signal });
    const proxy = findings.find((f) => f.id === 'network.proxy')!;
    expect(proxy.severity).toBe('info');
    expect(proxy.fixes).toEqual(['network.proxy-bypass-add', 'network.proxy-disable']);
    const mismatch = findings.find((f) => f.id === 'network.proxy-mismatch')!;
    expect(mismatch.severity).toBe('warn');
    expect(mismatch.detail).toMatch(/login\.microsoftonline\.com: WinINET PROXY proxy\.contoso\.com:8080, WinHTTP DIRECT/);
  });

  it('no mismatch when WinHTTP uses the same proxy', async () => {
    const { ctx } = setup('netsh-winhttp-proxy.txt');
    const findings = await proxyCheck.run({ ...ctx, signal: new AbortController().signal });
    expect(findings.map((f) => f.id)).not.toContain('network.proxy-mismatch');
  });
});

describe('repair plans', () => {
  it('bypass-add keeps the previous ProxyOverride for an exact undo and warns to coordinate with IT', async () => {
    const { service } = setup();
    const r = await service.invoke('fix.plan', { fixId: 'network.proxy-bypass-add', options: {} });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const plan = r.value;
    expect(plan.blockedBy).toBeUndefined();
    expect(plan.undoable).toBe(true);
    expect(plan.warnings.join('\n')).toMatch(/coordinate with IT/);
    expect(plan.undoDescription).toContain('*.contoso.com;<local>');
    const step = plan.steps.find((s) => s.kind === 'network.reg-set')!;
    expect(step.data).toMatchObject({ name: 'ProxyOverride', previous: { type: 'REG_SZ', data: '*.contoso.com;<local>' } });
    expect(JSON.stringify(step.data)).toContain('login.microsoftonline.com');
  });

  it('proxy-disable sets ProxyEnable 0 and remembers 1', async () => {
    const { service } = setup();
    const r = await service.invoke('fix.plan', { fixId: 'network.proxy-disable', options: {} });
    expect(r.ok && r.value.steps.map((s) => s.data)).toEqual([expect.objectContaining({ name: 'ProxyEnable', value: { type: 'REG_DWORD', data: '0' }, previous: { type: 'REG_DWORD', data: '1' } })]);
    expect(r.ok && r.value.warnings.join('\n')).toMatch(/coordinate with IT/);
  });

  it('the DNS flush says no undo is needed', async () => {
    const { service } = setup();
    const r = await service.invoke('fix.plan', { fixId: 'network.dns-flush', options: {} });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.undoable).toBe(false);
    expect(r.value.undoDescription).toMatch(/Nothing to undo/);
    expect(r.value.steps[0]!.description).toBe('Run C:\\Windows\\System32\\ipconfig.exe /flushdns');
  });
});

describe('programs by absolute path', () => {
  it('the check reads reg and netsh from C:\\Windows\\System32 even when the user points SystemRoot elsewhere', async () => {
    for (const SystemRoot of ['C:\\Users\\eve\\evil', '\\\\server\\share', 'D:\\x']) {
      const fake = windowsProxyExec({ proxyServer: 'proxy.contoso.com:8080' });
      const ctx = createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'win32', SystemRoot, windir: SystemRoot }, stateDir: join(tempDir('network-unit'), 'state'), config: {}, exec: fake.exec });
      const findings = await proxyCheck.run({ ...ctx, signal: new AbortController().signal });
      expect(findings.find((f) => f.id === 'network.proxy-mismatch')?.severity).toBe('warn');
      const programs = new Set(fake.calls.map((c) => c.split(' ')[0]));
      expect([...programs].sort()).toEqual(['C:\\Windows\\System32\\netsh.exe', 'C:\\Windows\\System32\\reg.exe']);
    }
  });

  it('the DNS flush runs exactly its fixed commands by full path, and its plan names them', async () => {
    const calls: string[][] = [];
    const exec: Exec = async (file, args) => (calls.push([file, ...args]), { code: 0, signal: null, stdout: '', stderr: '', timedOut: false });
    const ctx = { ...createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'win32' }, stateDir: join(tempDir('network-unit'), 'state'), config: {}, exec }), backupDir: '/nonexistent', runId: 'r1', roots: [] } as unknown as StepContext;
    for (const platform of ['win32', 'darwin', 'linux'] as const) await dnsFlushStep.apply({ platform }, ctx);
    expect(calls).toEqual([
      ['C:\\Windows\\System32\\ipconfig.exe', '/flushdns'],
      ['/usr/bin/dscacheutil', '-flushcache'],
      ['/usr/bin/killall', '-HUP', 'mDNSResponder'],
      [linuxProgram('resolvectl'), 'flush-caches'],
    ]);
    expect(LINUX_FOLDERS.map((d) => `${d}/resolvectl`)).toContain(calls[3]![0]);
    expect(dnsFlushDescription('darwin')).toBe('Run /usr/bin/dscacheutil -flushcache and /usr/bin/killall -HUP mDNSResponder');
  });
});
