// The WinINET repairs through the real runner and journal. The registry cannot run here, so
// `reg` is a small in-memory stand-in at the Exec boundary that answers `reg query` in the
// recorded format and applies `reg add` / `reg delete` (argument arrays checked exactly).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineContext } from '../../../../src/main/engine-context';
import type { Exec, ExecResult } from '../../../../src/main/os/exec';
import { INTERNET_SETTINGS_KEY } from '../../../../src/main/network/proxy-sources';
import { createService } from '../../../../src/main/service';
import { tempDir } from '../../../support/browser';
import { previewAndApply } from '../../../support/apply-fix';

const KEY = INTERNET_SETTINGS_KEY.replace(/^HKCU\\/, 'HKEY_CURRENT_USER\\');
const res = (code: number, stdout = ''): ExecResult => ({ code, signal: null, stdout, stderr: code ? 'ERROR: The system was unable to find the specified registry key or value.' : '', timedOut: false });

function fakeRegistry(initial: Record<string, [string, string]>) {
  const values = new Map(Object.entries(initial));
  const writes: string[][] = [];
  const exec: Exec = async (file, args) => {
    if (file === 'C:\\Windows\\System32\\netsh.exe') return res(0, '\r\nCurrent WinHTTP proxy settings:\r\n\r\n    Direct access (no proxy server).\r\n');
    if (file !== 'C:\\Windows\\System32\\reg.exe') return { ...res(1), code: null, spawnError: 'ENOENT' };
    const [verb, key, ...rest] = args;
    if (key !== INTERNET_SETTINGS_KEY) return res(1);
    const name = rest[rest.indexOf('/v') + 1];
    if (verb === 'query') {
      if (rest.includes('/v')) return values.has(name!) ? res(0, `\r\n${KEY}\r\n    ${name}    ${values.get(name!)![0]}    ${values.get(name!)![1]}\r\n`) : res(1);
      return res(0, `\r\n${KEY}\r\n${[...values].map(([n, [t, d]]) => `    ${n}    ${t}    ${d}`).join('\r\n')}\r\n`);
    }
    writes.push([...args]);
    if (verb === 'add') {
      const type = rest[rest.indexOf('/t') + 1]!;
      const data = rest[rest.indexOf('/d') + 1]!;
      values.set(name!, [type, type === 'REG_DWORD' ? `0x${Number(data).toString(16)}` : data]);
      return res(0, 'The operation completed successfully.');
    }
    if (verb === 'delete') return values.delete(name!) ? res(0) : res(1);
    return res(1);
  };
  return { exec, values, writes };
}

function service(reg: ReturnType<typeof fakeRegistry>) {
  const ctx = createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'win32' }, stateDir: join(tempDir('network-win-fix'), 'state'), config: {}, exec: reg.exec });
  return createService(ctx);
}

describe('WinINET repairs through the runner', () => {
  it('bypass-add writes ProxyOverride with the sign-in hosts; undo writes the exact previous text back', async () => {
    const reg = fakeRegistry({ ProxyEnable: ['REG_DWORD', '0x1'], ProxyServer: ['REG_SZ', 'proxy.contoso.com:8080'], ProxyOverride: ['REG_SZ', '*.contoso.com;<local>'] });
    const s = service(reg);
    const applied = await previewAndApply(s, 'network.proxy-bypass-add', {});
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const now = reg.values.get('ProxyOverride')![1];
    expect(now.startsWith('*.contoso.com;')).toBe(true);
    expect(now).toContain('login.microsoftonline.com');
    expect(now.endsWith('<local>')).toBe(true); // <local> stays last, as Internet Options writes it
    expect(reg.writes[0]!.slice(0, 4)).toEqual(['add', INTERNET_SETTINGS_KEY, '/v', 'ProxyOverride']);
    const undone = await s.invoke('fix.undo', { runId: applied.value.runId, options: {} });
    expect(undone.ok && undone.value.status).toBe('undone');
    expect(reg.values.get('ProxyOverride')).toEqual(['REG_SZ', '*.contoso.com;<local>']);
  });

  it('proxy-disable turns ProxyEnable off and removes AutoConfigURL; undo brings both back exactly', async () => {
    const reg = fakeRegistry({ ProxyEnable: ['REG_DWORD', '0x1'], ProxyServer: ['REG_SZ', 'stale.contoso.com:3128'], AutoConfigURL: ['REG_SZ', 'http://wpad.contoso.com/old.pac'] });
    const s = service(reg);
    const applied = await previewAndApply(s, 'network.proxy-disable', {});
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(reg.values.get('ProxyEnable')).toEqual(['REG_DWORD', '0x0']);
    expect(reg.values.has('AutoConfigURL')).toBe(false);
    expect(reg.values.get('ProxyServer')).toEqual(['REG_SZ', 'stale.contoso.com:3128']);
    await s.invoke('fix.undo', { runId: applied.value.runId, options: {} });
    expect(reg.values.get('ProxyEnable')).toEqual(['REG_DWORD', '0x1']);
    expect(reg.values.get('AutoConfigURL')).toEqual(['REG_SZ', 'http://wpad.contoso.com/old.pac']);
  });
});
