// The journal is hostile input. Each attack of the security review, tried through the built CLI
// (and prune, which the GUI runs at start): a record that is unsealed, or sealed with the install's
// real key (an attacker who has it, or a bug of ours) but naming steps its fix never plans, is
// refused with a clear message, and no file anywhere is touched.
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOD_ROOT_CA_3 } from '../../../src/main/cac/dod-roots';
import { Runner } from '../../../src/main/engine/runner';
import { fsSteps } from '../../../src/main/engine/steps/fs-steps';
import { createEngineContext } from '../../../src/main/engine-context';
import { saveNoteFix } from '../../../src/main/explain/save-note-fix';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli } from '../../support/cli';
import { fingerprint, writeTree } from '../../support/file-tree';
import { forgedRecord, plantRecord, type ForgedRun } from '../../support/journal-forge';
import { buildTeamsTree } from '../../support/teams-tree';
import { createTestCa } from '../../support/test-ca';

const RUN = '20261120T060000Z-f0f0f0';

interface Victim {
  home: string;
  env: NodeJS.ProcessEnv;
  stateDir: string;
  /** A user's documents and autostart folder: nothing may ever change here. */
  docs: string;
  autostart: string;
  teamsRoot: string;
}

async function victim(): Promise<Victim> {
  const tree = await buildTeamsTree(tempDir('forged'), 'linux', { files: 20, logs: 'clean' });
  const docs = join(tree.home, 'Documents');
  const autostart = join(tree.home, '.config', 'autostart');
  await writeTree(docs, { 'thesis.txt': 'four years of work', 'photos/cat.jpg': 'meow' });
  await mkdir(autostart, { recursive: true });
  return { home: tree.home, env: tree.env, stateDir: join(tree.base, 'state'), docs, autostart, teamsRoot: tree.roots.linux![0]! };
}

async function attempt(v: Victim, run: ForgedRun, how: 'sealed' | 'unsealed', argv: string[]) {
  await plantRecord(v.stateDir, forgedRecord(run), how);
  const before = await fingerprint(v.home);
  const result = await runBuiltCli([...argv, '--state-dir', v.stateDir, '--json'], { env: v.env });
  expect(await fingerprint(v.home), 'a forged record touched a file').toEqual(before);
  return result;
}

describe('forged journal records (built CLI)', () => {
  beforeAll(() => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  });

  for (const how of ['unsealed', 'sealed'] as const) {
    it(`discard of an ${how} save-note record with a rootless rename never deletes a folder`, async () => {
      const v = await victim();
      const run: ForgedRun = { runId: RUN, fixId: 'explain.save-note', status: 'applied', steps: [{ kind: 'fs.rename', state: 'done', data: { from: join(v.home, 'gone'), to: v.docs } }] };
      const r = await attempt(v, run, how, ['discard', RUN]);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).error.message).toMatch(how === 'unsealed' ? /has no integrity seal .*; nothing was done/ : /not trusted, so nothing was done: explain.save-note never uses a step of kind "fs.rename"/);
    });

    it(`recover --finish / --rollback of an ${how} record never moves a user file nor writes into autostart`, async () => {
      const v = await victim();
      const backup = `${v.teamsRoot}.signin-doctor-backup-${RUN}`;
      const run: ForgedRun = {
        runId: RUN,
        fixId: 'teams.cache-clear',
        status: 'applying',
        steps: [
          { kind: 'fs.rename', state: 'done', data: { from: join(v.autostart, 'evil.desktop'), to: join(backup, 'Cache') } },
          { kind: 'fs.rename', state: 'pending', data: { from: join(v.docs, 'thesis.txt'), to: join(backup, 'thesis.txt') } },
        ],
      };
      for (const action of ['--finish', '--rollback']) {
        const r = await attempt(v, run, how, ['recover', RUN, action]);
        expect(r.code).toBe(1);
        expect(JSON.parse(r.stdout).error.message).toMatch(how === 'unsealed' ? /no integrity seal/ : /outside the folders teams.cache-clear may touch/);
      }
      expect(existsSync(join(v.autostart, 'evil.desktop'))).toBe(false);
    });

    it(`undo of an ${how} note whose content matches a user file never deletes that file`, async () => {
      const v = await victim();
      const run: ForgedRun = { runId: RUN, fixId: 'explain.save-note', status: 'applied', steps: [{ kind: 'fs.create-file', state: 'done', data: { path: join(v.docs, 'thesis.txt'), content: 'four years of work', encoding: 'utf8' } }] };
      const r = await attempt(v, run, how, ['undo', RUN]);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).error.message).toMatch(how === 'unsealed' ? /no integrity seal/ : /names .*thesis\.txt, outside the folders explain.save-note may touch/);
    });
  }

  it('a sealed record may not quit programs that are not Teams, nor create a backup folder of its choosing', async () => {
    const v = await victim();
    const quit: ForgedRun = { runId: RUN, fixId: 'teams.cache-clear', status: 'applying', steps: [{ kind: 'teams.quit-process', state: 'pending', data: { names: ['sshd', 'teams-for-linux'], force: true, graceMs: 0 } }] };
    const r1 = await attempt(v, quit, 'sealed', ['recover', RUN, '--finish']);
    expect(JSON.parse(r1.stdout).error.message).toMatch(/would quit a program that is not Teams/);
    const folder: ForgedRun = {
      runId: '20261120T060001Z-f0f0f0',
      fixId: 'teams.cache-clear',
      status: 'applied',
      steps: [{ kind: 'teams.backup-folder', state: 'done', data: { path: v.teamsRoot, client: 'linux', clientRoot: v.teamsRoot, kept: [] } }],
    };
    const r2 = await attempt(v, folder, 'sealed', ['discard', folder.runId]);
    expect(JSON.parse(r2.stdout).error.message).toMatch(/backup folder is not the one this run keeps/);
  });

  it('a sealed record may not make the DoD import trust a certificate of its choosing', async () => {
    const v = await victim();
    const evil = await createTestCa('Evil Root');
    const db = join(v.home, '.pki', 'nssdb');
    const run: ForgedRun = {
      runId: RUN,
      fixId: 'cac.import-dod-roots',
      status: 'applying',
      steps: [{ kind: 'cac.nss-add-root', state: 'pending', data: { db, sha1: DOD_ROOT_CA_3.sha1, name: DOD_ROOT_CA_3.name, pem: evil.pem } }],
    };
    const r = await attempt(v, run, 'sealed', ['recover', RUN, '--finish']);
    expect(JSON.parse(r.stdout).error.message).toMatch(/is not DoD Root CA 3 \(the thumbprint does not match\)/);
    const elsewhere = { ...run, runId: '20261120T060001Z-f0f0f0', steps: [{ ...run.steps[0]!, data: { ...run.steps[0]!.data, db: join(v.docs, 'nssdb') } }] };
    const r2 = await attempt(v, elsewhere, 'sealed', ['recover', elsewhere.runId, '--finish']);
    expect(JSON.parse(r2.stdout).error.message).toMatch(/names .*Documents\/nssdb, outside the folders cac.import-dod-roots may touch/);
  });

  it('history lists refused records and never acts on them; an unknown fix is refused by name', async () => {
    const v = await victim();
    await plantRecord(v.stateDir, forgedRecord({ runId: RUN, fixId: 'explain.save-note', status: 'applied', steps: [] }), 'unsealed');
    const unknown = forgedRecord({ runId: '20261120T060001Z-f0f0f0', fixId: 'evil.wipe', status: 'applied', steps: [] });
    await plantRecord(v.stateDir, unknown, 'sealed');
    const history = await runBuiltCli(['history', '--state-dir', v.stateDir], { env: v.env });
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/Not trusted, never acted on \(1\):\n {2}20261120T060000Z-f0f0f0\.json: .*no integrity seal/);
    const r = await runBuiltCli(['discard', unknown.runId, '--state-dir', v.stateDir, '--json'], { env: v.env });
    expect(JSON.parse(r.stdout).error.message).toMatch(/names a fix this version does not have \("evil.wipe"\)/);
  });

  it('a state folder other users can write is refused before anything is read or run', async () => {
    const v = await victim();
    await mkdir(v.stateDir, { mode: 0o777 });
    await chmod(v.stateDir, 0o777);
    const before = await fingerprint(v.home);
    const r = await runBuiltCli(['fix', 'explain.save-note', '--yes', '--text', 'AADSTS53003', '--state-dir', v.stateDir, '--json'], { env: v.env });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.message).toMatch(/can be written by other users \(mode 777\)/);
    expect(await fingerprint(v.home)).toEqual(before);
  });
});

describe('prune at start (what the GUI runs)', () => {
  it('discards old trusted runs, leaves a forged one and everything it names alone', async () => {
    const base = tempDir('prune-forged');
    const stateDir = join(base, 'state');
    const precious = join(base, 'precious');
    await writeTree(precious, { 'keep.txt': 'mine' });
    const ctx = createEngineContext({ stateDir, env: {}, now: () => new Date('2026-12-01T00:00:00Z') });
    const runner = new Runner({ ctx: { ...ctx, now: () => new Date('2026-11-01T00:00:00Z') }, fixes: [saveNoteFix], steps: fsSteps });
    const old = await runner.apply('explain.save-note', { text: 'AADSTS53003' });
    await plantRecord(stateDir, forgedRecord({ runId: RUN, fixId: 'explain.save-note', status: 'applied', startedAt: '2026-11-01T00:00:00.000Z', steps: [{ kind: 'fs.rename', state: 'done', data: { from: join(base, 'x'), to: precious } }] }), 'sealed');
    const pruned = await new Runner({ ctx, fixes: [saveNoteFix], steps: fsSteps }).prune();
    expect(pruned).toEqual([old.runId]);
    expect(await fingerprint(precious)).toEqual(new Map([['keep.txt', expect.any(String)]]));
  });
});
