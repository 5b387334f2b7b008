// The one fake boundary for the network domain on Windows: `reg query` and `netsh winhttp show
// proxy` answered from recorded outputs (test/fixtures/network), with the WinINET proxy address
// chosen by the test (so it can point at a real proxy on loopback). Only the absolute paths in
// C:\Windows\System32 answer; every other program (a bare name included) is missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exec, ExecResult } from '../../src/main/os/exec';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/network', name), 'utf8');
const ok = (stdout: string): ExecResult => ({ code: 0, signal: null, stdout, stderr: '', timedOut: false });
const missing: ExecResult = { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' };

export interface WindowsProxyExec {
  exec: Exec;
  /** Every call, as "file arg arg" (a test can see what a repair ran). */
  calls: string[];
}

/** WinINET: manual proxy `proxyServer` with bypass `*.contoso.com;<local>`; WinHTTP: direct (or the given fixture). */
export function windowsProxyExec(options: { proxyServer: string; winhttpFixture?: string }): WindowsProxyExec {
  const calls: string[] = [];
  const exec: Exec = async (file, args) => {
    calls.push([file, ...args].join(' '));
    if (file === 'C:\\Windows\\System32\\reg.exe' && args[0] === 'query') {
      if (args.includes('DefaultConnectionSettings')) return ok(fixture('reg-query-default-connection-settings.txt'));
      return ok(fixture('reg-query-internet-settings-manual.txt').replace('proxy.contoso.com:8080', options.proxyServer));
    }
    if (file === 'C:\\Windows\\System32\\netsh.exe' && args.join(' ') === 'winhttp show proxy') return ok(fixture(options.winhttpFixture ?? 'netsh-winhttp-direct.txt'));
    return missing;
  };
  return { exec, calls };
}
