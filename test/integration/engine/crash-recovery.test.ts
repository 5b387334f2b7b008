// Kill -9 a process in the middle of a repair, many times at random instants, and prove that the
// journal always lets the next start finish or roll back with zero files lost.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { Runner } from '../../../src/main/engine/runner';
import { fsSteps } from '../../../src/main/engine/steps/fs-steps';
import { createEngineContext } from '../../../src/main/engine-context';
import { tempDir } from '../../support/browser';
import { runBuiltCli, spawnBuiltCli } from '../../support/cli';
import { fingerprint, writeTree, type TreeSpec } from '../../support/file-tree';
import { moveFilesFix } from '../../support/move-files-fix';

const TRIALS = 24;
const DELAY_MS = 4;
let childJs: string;

// Deterministic pseudo-random instants, so a failure can be replayed.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const SPEC: TreeSpec = Object.fromEntries([
  ...Array.from({ length: 10 }, (_, i) => [`file-${i}.txt`, `content ${i} `.repeat(i + 1)]),
  ['nested/deep/x.json', '{"a":1}'],
  ['outside-link', { link: '/etc/hostname' }],
]);

function runChild(args: string[], killAfterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childJs, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Every original entry is either in its place or in the backup, byte for byte. */
async function assertNothingLost(dir: string, backup: string, original: Map<string, string>) {
  const here = existsSync(dir) ? await fingerprint(dir) : new Map<string, string>();
  const there = existsSync(backup) ? await fingerprint(backup) : new Map<string, string>();
  for (const [path, print] of original) {
    if (print === 'dir') continue;
    const found = here.get(path) ?? there.get(path);
    expect(found, `${path} lost`).toBe(print);
    expect(here.has(path) && there.has(path), `${path} duplicated`).toBe(false);
  }
}

describe('journal crash recovery', () => {
  beforeAll(async () => {
    childJs = join(tempDir('crash-bundle'), 'child.cjs');
    await build({ entryPoints: [join(__dirname, '../../support/crash-child.ts')], outfile: childJs, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', define: { __APP_VERSION__: '"test"' } });
  });

  it(`survives kill -9 at random instants of apply and undo (${TRIALS} trials, alternating)`, async () => {
    const random = prng(53003);
    let interruptedSeen = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const base = tempDir('crash');
      const dir = join(base, 'cache');
      const stateDir = join(base, 'state');
      await writeTree(dir, SPEC);
      const original = await fingerprint(dir);
      const undoPhase = trial % 2 === 1;
      let runId: string | undefined;
      if (undoPhase) {
        const record = await new Runner({ ctx: createEngineContext({ stateDir, env: {} }), fixes: [moveFilesFix], steps: fsSteps }).apply('explain.test-move', { dir });
        runId = record.runId;
      }
      // Start-up of the child takes ~100 ms; the steps take ~DELAY_MS each after that.
      await runChild([stateDir, undoPhase ? runId! : dir, undoPhase ? 'undo' : 'apply', String(DELAY_MS)], 60 + random() * 160);

      const runner = new Runner({ ctx: createEngineContext({ stateDir, env: {} }), fixes: [moveFilesFix], steps: fsSteps });
      const [record] = (await runner.journal.list()).records;
      if (!record) continue; // killed before the first journal write: nothing was touched
      const backup = `${dir}.backup-${record.runId}`;
      await assertNothingLost(dir, backup, original);
      const interrupted = await runner.interrupted();
      if (interrupted.length) {
        interruptedSeen++;
        const action = random() < 0.5 ? 'rollback' : 'finish';
        const recovered = await runner.recover(record.runId, action);
        expect(['applied', 'verified', 'rolled-back', 'undone']).toContain(recovered.status);
        if (recovered.status === 'rolled-back' || recovered.status === 'undone') expect(await fingerprint(dir)).toEqual(original);
        else expect(await fingerprint(dir)).toEqual(new Map());
      }
      await assertNothingLost(dir, backup, original);
      expect(await runner.interrupted()).toEqual([]);
    }
    // The random instants must really land mid-run in a good share of trials.
    expect(interruptedSeen).toBeGreaterThan(TRIALS / 4);
  });

  it('the CLI lists an interrupted repair after kill -9 and rolls it back', async () => {
    const stateDir = tempDir('crash-cli');
    const child = spawnBuiltCli(['fix', 'explain.save-note', '--yes', '--text', 'AADSTS53003', '--state-dir', stateDir], { SIGNIN_DOCTOR_TEST_STEP_DELAY_MS: '3000' });
    // Wait until the journal says "running", then kill.
    const journalDir = join(stateDir, 'journal');
    for (let i = 0; i < 200 && !(existsSync(journalDir) && (await import('node:fs/promises')).readdir(journalDir).then((n) => n.length > 0)); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    const listed = await runBuiltCli(['recover', '--json', '--state-dir', stateDir]);
    expect(listed.code).toBe(0);
    const interrupted = JSON.parse(listed.stdout) as Array<{ runId: string; interrupted: boolean }>;
    expect(interrupted).toHaveLength(1);
    expect(interrupted[0]!.interrupted).toBe(true);

    const rolled = await runBuiltCli(['recover', interrupted[0]!.runId, '--rollback', '--json', '--state-dir', stateDir]);
    expect(rolled.code).toBe(0);
    expect(JSON.parse(rolled.stdout).status).toBe('rolled-back');
    expect(existsSync(join(stateDir, 'notes', `it-note-${interrupted[0]!.runId}.txt`))).toBe(false);
  });
});
