// `--cli` as the first argument (src/main/app/cli-mode.ts): the Electron binary runs one CLI
// command as a child process, prints one JSON document and exits with the CLI's code. Once in the
// stock Electron running dist/ (test switches honoured), once in the packaged app from
// electron-builder --dir (app.asar, fuses flipped, test switches ignored).
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appEnv, oneJsonDocument, PACKAGED_APP, packagedHomeEnv, removeTempDirs, ROOT, run, STOCK_ELECTRON, tempDir } from './support';

interface Diagnosis {
  domains: string[];
  findings: Array<{ id: string; domain: string; severity: string; evidence?: Record<string, unknown> }>;
}

afterAll(() => removeTempDirs());

/** One diagnose --json document, with the PC/SC check answered (not by a missing binding). */
function expectDiagnosis(doc: unknown): Diagnosis {
  const diagnosis = doc as Diagnosis;
  expect(diagnosis.domains).toEqual(expect.arrayContaining(['teams', 'cac', 'clock', 'network', 'device']));
  for (const f of diagnosis.findings) expect(f.id.startsWith(`${f.domain}.`), f.id).toBe(true);
  expect(diagnosis.findings.map((f) => f.id)).not.toContain('cac.binding-missing');
  const service = diagnosis.findings.find((f) => f.id === 'cac.service');
  expect(service, 'the cac.service finding').toBeDefined();
  // The app's PC/SC port is the worker one (its bundle, pcsc-worker.js, was found beside ours) and
  // the smartcard binding loaded: a missing service (SCARD_E_NO_SERVICE) is fine on a runner.
  expect(service!.evidence?.binding).toMatch(/in a worker thread/);
  expect(service!.evidence?.code).not.toBe('binding-missing');
  return diagnosis;
}

describe.skipIf(!STOCK_ELECTRON)('--cli in Electron, running the built app (dist/)', () => {
  it('diagnose --json prints one JSON document and exits 0', async () => {
    const out = await run(STOCK_ELECTRON!, [ROOT, '--cli', 'diagnose', '--json'], appEnv({ SIGNIN_DOCTOR_STATE_DIR: tempDir('cli-state') }));
    expect(out.code, out.stderr).toBe(0);
    expectDiagnosis(oneJsonDocument(out));
  });

  it('exits with the CLI code: bad usage is 2, as a JSON error document', async () => {
    const out = await run(STOCK_ELECTRON!, [ROOT, '--cli', 'diagnose', '--only', 'nosuchdomain', '--json'], appEnv({ SIGNIN_DOCTOR_STATE_DIR: tempDir('cli-state') }));
    expect(out.code, out.stderr).toBe(2);
    expect(oneJsonDocument(out)).toMatchObject({ error: { code: 'usage' } });
  });
});

describe.skipIf(!PACKAGED_APP)('--cli in the packaged app (electron-builder --dir)', () => {
  it('diagnose --json prints one JSON document and exits 0; the PC/SC worker bundle is found inside app.asar', async () => {
    const out = await run(PACKAGED_APP!, ['--cli', 'diagnose', '--json'], appEnv(packagedHomeEnv(tempDir('home'))));
    expect(out.code, out.stderr).toBe(0);
    expectDiagnosis(oneJsonDocument(out));
  });

  it('ignores SIGNIN_DOCTOR_STATE_DIR and refuses --state-dir: its journal stays in its own folder', async () => {
    const home = tempDir('home');
    const decoy = join(tempDir('decoy'), 'state');
    const note = join(tempDir('note'), 'error.txt');
    writeFileSync(note, 'AADSTS53003: Access has been blocked by Conditional Access policies.\n');
    const env = appEnv({ ...packagedHomeEnv(home), SIGNIN_DOCTOR_STATE_DIR: decoy });

    const saved = await run(PACKAGED_APP!, ['--cli', 'fix', 'explain.save-note', '--yes', '--file', note, '--json'], env);
    expect(saved.code, saved.stderr).toBe(0);
    expect(oneJsonDocument(saved)).toMatchObject({ fixId: 'explain.save-note', status: 'verified' });
    expect(existsSync(decoy)).toBe(false);
    const own =
      process.platform === 'win32'
        ? join(home, 'Roaming', 'Sign-in Doctor')
        : process.platform === 'darwin'
          ? join(home, 'Library', 'Application Support', 'Sign-in Doctor')
          : join(home, 'state', 'signin-doctor');
    expect(readdirSync(join(own, 'notes')).some((name) => /^it-note-.*\.txt$/.test(name))).toBe(true);

    const refused = await run(PACKAGED_APP!, ['--cli', 'history', '--json', '--state-dir', decoy], env);
    expect(refused.code, refused.stderr).toBe(2);
    expect(existsSync(decoy)).toBe(false);
  });

  it('keeps its fuses at run time: ELECTRON_RUN_AS_NODE and NODE_OPTIONS change nothing', async () => {
    // With RunAsNode on, the binary would be Node and reject --cli as an option; with the
    // NODE_OPTIONS fuse on, the --require of a missing file would stop it before any app code.
    const env = appEnv({ ...packagedHomeEnv(tempDir('home')), ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: `--require ${join(tempDir('nothing'), 'missing.js')}` });
    const out = await run(PACKAGED_APP!, ['--cli', 'explain', 'AADSTS53003', '--json'], env);
    expect(out.code, out.stderr).toBe(0);
    expect(oneJsonDocument(out)).toMatchObject({ codes: [{ family: 'aadsts', code: '53003' }] });
  });
});
