import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineContext } from '../../../../src/main/engine-context';
import { createService } from '../../../../src/main/service';
import { tempDir } from '../../../support/browser';
import { runCliInProcess } from '../../../support/cli';

describe('signin-doctor report (CLI)', () => {
  const env = () => ({ SIGNIN_DOCTOR_PLATFORM: 'linux', SIGNIN_DOCTOR_STATE_DIR: join(tempDir('report-cli'), 'state') });

  it('--message prints the message for IT, explaining an error text from a file or stdin', async () => {
    const dir = tempDir('report-cli-msg');
    const file = join(dir, 'error.txt');
    writeFileSync(file, 'AADSTS50126: Error validating credentials. Trace ID: 5b1c7a2e-0f3d-4c6b-9a8e-7d6c5b4a3f21');
    const r = await runCliInProcess(['report', '--message', '--error', file, '--only', 'device'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('AADSTS50126');
    expect(r.stdout).toContain('Trace ID: 5b1c7a2e-0f3d-4c6b-9a8e-7d6c5b4a3f21');
    expect(r.stdout).toContain('Device platform: Linux');
    const piped = await runCliInProcess(['report', '--message', '--error', '-', '--only', 'device', '--json'], { env: env(), stdin: 'Error code: 53003' });
    expect(JSON.parse(piped.stdout).facts.errorCodes).toEqual(['AADSTS53003 (BlockedByConditionalAccess)']);
  });

  it('bad usage exits 2 with a reason', async () => {
    for (const [argv, reason] of [
      [['report'], /--out FILE.zip/],
      [['report', '--out', 'x.zip', '--message'], /not both/],
      [['report', '--message', '--only', 'nope'], /unknown domain/],
      [['report', '--message', '--error', '/nonexistent/error.txt'], /cannot read/],
      [['report', 'extra'], /unexpected argument/],
    ] as const) {
      const r = await runCliInProcess([...argv, '--json'], { env: env() });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(JSON.parse(r.stdout).error.message).toMatch(reason);
    }
  });
});

describe('report.write-bundle (service)', () => {
  const service = (host = {}) => createService(createEngineContext({ env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'linux' }, stateDir: join(tempDir('report-svc'), 'state') }), { openExternal: async () => false, ...host });

  it('asks for a path only through the host; without one it is a clear error', async () => {
    const r = await service().invoke('report.write-bundle', { only: ['device'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/where to save/) } });
  });

  it('refuses folders, unknown previews, and existing files unless confirmed', async () => {
    const dir = tempDir('report-svc-paths');
    const s = service();
    mkdirSync(join(dir, 'folder.zip'));
    expect(await s.invoke('report.write-bundle', { only: ['device'], path: join(dir, 'folder.zip') })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is a folder/) } });
    expect(await s.invoke('report.write-bundle', { previewId: 'nope', path: join(dir, 'a.zip') })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/expired/) } });
    expect(await s.invoke('report.write-bundle', { only: ['device'], path: join(dir, '.bashrc'), overwrite: true })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/must end in \.zip/) } });
    writeFileSync(join(dir, 'exists.zip'), 'keep me');
    expect(await s.invoke('report.write-bundle', { only: ['device'], path: join(dir, 'exists.zip') })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already exists/) } });
    const ok = await s.invoke('report.write-bundle', { only: ['device'], path: join(dir, 'exists.zip'), overwrite: true });
    expect(ok).toMatchObject({ ok: true, value: { saved: true, files: ['message-for-it.txt', 'report.json', 'report.html', 'fix-history.json'] } });
  });
});
