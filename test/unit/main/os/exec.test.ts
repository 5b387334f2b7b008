import { describe, expect, it } from 'vitest';
import { execFileSafe } from '../../../../src/main/os/exec';

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
    const r = await execFileSafe('/usr/bin/yes', [], { maxBytes: 10_000, timeoutMs: 5_000 });
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
  });
});
