import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSafe, programForm } from '../../../../src/main/os/exec';

describe('execFileSafe', () => {
  it('runs a program with an argument array and never a shell', async () => {
    const r = await execFileSafe('/bin/echo', ['a; rm -rf /', '$(whoami)', '`id`']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('a; rm -rf / $(whoami) `id`\n');
  });

  it('reports a missing program as data, not a throw', async () => {
    const r = await execFileSafe('/nonexistent/dsregcmd', ['/status']);
    expect(r.spawnError).toBe('ENOENT');
    expect(r.code).toBeNull();
  });

  it('kills a program past its timeout', async () => {
    const r = await execFileSafe('/bin/sleep', ['5'], { timeoutMs: 100 });
    expect(r.timedOut).toBe(true);
    expect(r.code).toBeNull();
  });

  it('caps the output it keeps', async () => {
    // `yes` never ends on its own: the cap must stop it (the timeout is only a backstop).
    const r = await execFileSafe('/usr/bin/yes', [], { maxBytes: 10_000, timeoutMs: 60_000 });
    expect(r.stdout.length).toBeLessThanOrEqual(10_000);
    expect(r.timedOut).toBe(false);
  });

  it('passes non-zero exit codes and stdin', async () => {
    expect((await execFileSafe('/bin/sh', ['-c', 'exit 3'])).code).toBe(3);
    expect((await execFileSafe('/bin/cat', [], { input: 'hello' })).stdout).toBe('hello');
  });

  it('rejects malformed calls without running anything', async () => {
    expect((await execFileSafe('', [])).spawnError).toBe('EINVAL');
    expect((await execFileSafe('/bin/echo', [1 as unknown as string])).spawnError).toBe('EINVAL');
    expect((await execFileSafe('/bin/echo\0x', [])).spawnError).toBe('EINVAL');
    expect((await execFileSafe('/bin/echo', ['a\0b'])).spawnError).toBe('EINVAL');
  });
});

describe('execFileSafe runs programs by absolute path only', () => {
  // A folder early in PATH holding a program named like a system tool: a bare name would find it.
  let dir: string;
  let savedPath: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sd-path-'));
    for (const name of ['echo', 'ps', 'certutil']) {
      writeFileSync(join(dir, name), `#!/bin/sh\necho planted > "${join(dir, 'ran')}"\n`);
      chmodSync(join(dir, name), 0o755);
    }
    savedPath = process.env.PATH;
    process.env.PATH = `${dir}:${savedPath ?? ''}`;
  });
  afterAll(() => {
    process.env.PATH = savedPath;
    rmSync(dir, { recursive: true, force: true });
  });

  it.runIf(process.platform !== 'win32')('refuses a bare or relative program name (ENOTABS) and never runs what PATH would find', async () => {
    for (const file of ['echo', 'ps', 'certutil', './echo', 'bin/echo', '..\\echo', 'reg.exe']) {
      const r = await execFileSafe(file, ['x'], { cwd: dir });
      expect(r, file).toEqual({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOTABS' });
    }
    expect(existsSync(join(dir, 'ran'))).toBe(false);
    // The same program by absolute path runs.
    expect((await execFileSafe(join(dir, 'echo'), [])).code).toBe(0);
    expect(existsSync(join(dir, 'ran'))).toBe(true);
  });

  it.runIf(process.platform !== 'win32')("another OS's absolute path is 'not available here' (ENOENT) without running anything", async () => {
    rmSync(join(dir, 'ran'), { force: true });
    // On Linux "C:\\Windows\\System32\\reg.exe" is a bare file name: it must not be looked up in PATH.
    writeFileSync(join(dir, 'C:\\Windows\\System32\\reg.exe'), `#!/bin/sh\necho planted > "${join(dir, 'ran')}"\n`, { mode: 0o755 });
    const r = await execFileSafe('C:\\Windows\\System32\\reg.exe', ['query', 'HKCU']);
    expect(r).toEqual({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' });
    expect(existsSync(join(dir, 'ran'))).toBe(false);
  });

  it('tells the forms apart per host', () => {
    expect(programForm('/usr/bin/ps', 'linux')).toBe('absolute');
    expect(programForm('/bin/ps', 'darwin')).toBe('absolute');
    expect(programForm('C:\\Windows\\System32\\reg.exe', 'linux')).toBe('other-os');
    expect(programForm('C:\\Windows\\System32\\reg.exe', 'win32')).toBe('absolute');
    expect(programForm('/usr/bin/ps', 'win32')).toBe('other-os'); // C:\\usr\\bin\\ps on the current drive: never
    for (const file of ['reg', 'reg.exe', 'System32\\reg.exe', '.\\reg.exe', '\\\\server\\share\\reg.exe', '\\Windows\\reg.exe', 'C:reg.exe', 'C:/Windows/System32/reg.exe']) {
      expect(programForm(file, 'win32'), file).toBe('not-absolute');
    }
    for (const file of ['ps', './ps', 'usr/bin/ps', '~/bin/ps']) expect(programForm(file, 'linux'), file).toBe('not-absolute');
  });
});
