import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegQuery, parseSwVers, readOsFacts } from '../../../../src/main/device/os-facts';
import { createEngineContext } from '../../../../src/main/engine-context';
import type { Exec } from '../../../../src/main/os/exec';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/device', name), 'utf8');
const ok = (stdout: string) => ({ code: 0, signal: null, stdout, stderr: '', timedOut: false });

describe('OS facts', () => {
  it('parses reg query and sw_vers output', () => {
    const reg = parseRegQuery(fixture('reg-currentversion.txt'));
    expect(reg).toMatchObject({ CurrentBuild: '22631', UBR: '4400', DisplayVersion: '23H2', CurrentMajorVersionNumber: '10', ProductName: 'Windows 10 Enterprise' });
    expect(parseSwVers(fixture('sw-vers.txt'))).toEqual({ ProductName: 'macOS', ProductVersion: '14.6.1', BuildVersion: '23G93' });
  });

  it('reports Windows 11 with build and patch level (UBR), asking reg with an argument array', async () => {
    const calls: Array<[string, readonly string[]]> = [];
    const exec: Exec = async (file, args) => {
      calls.push([file, args]);
      return ok(fixture('reg-currentversion.txt'));
    };
    const facts = await readOsFacts(createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'win32' }, stateDir: '/tmp/x', exec }));
    expect(calls).toEqual([['C:\\Windows\\System32\\reg.exe', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion']]]);
    expect(facts).toEqual({ policyPlatform: 'Windows', osName: 'Windows 11 Enterprise 23H2', osVersion: '10.0.22631.4400', patchLevel: 'build 22631.4400', source: 'reg' });
  });

  it('reports macOS from sw_vers, and an honest unknown when the tool is missing', async () => {
    const mac = await readOsFacts(createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'darwin' }, stateDir: '/tmp/x', exec: async () => ok(fixture('sw-vers.txt')) }));
    expect(mac).toMatchObject({ policyPlatform: 'macOS', osVersion: '14.6.1', patchLevel: 'build 23G93' });
    const missing: Exec = async () => ({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' });
    const win = await readOsFacts(createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'win32' }, stateDir: '/tmp/x', exec: missing }));
    expect(win.osVersion).toMatch(/unknown/);
  });

  it('reads this Linux machine for real', async () => {
    const facts = await readOsFacts(createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'linux' }, stateDir: '/tmp/x' }));
    expect(facts.policyPlatform).toBe('Linux');
    expect(facts.patchLevel).toContain(release());
  });
});
