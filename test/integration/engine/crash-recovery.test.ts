// kill -9 a process in the middle of a repair at EVERY point where a crash can matter (after each
// journal write, and inside each step: its change made but not yet journaled), during apply and
// during undo, and prove that the journal always lets the next start finish or roll back with zero
// files lost. The child reports each event and holds at the chosen one, so the kill lands exactly
// there on any machine, however busy.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { Runner } from '../../../src/main/engine/runner';
import { fsSteps } from '../../../src/main/engine/steps/fs-steps';
import { HOLD_ENV } from '../../../src/main/engine/test-hold';
import { createEngineContext } from '../../../src/main/engine-context';
import { tempDir } from '../../support/browser';
import { runBuiltCli, spawnBuiltCli } from '../../support/cli';
import { fingerprint, writeTree, type TreeSpec } from '../../support/file-tree';
import { killWhenHeld, type HeldRun } from '../../support/held-child';
import { moveFilesFix } from '../../support/move-files-fix';

let childJs: string;

const SPEC: TreeSpec = Object.fromEntries([
  ...Array.from({ length: 10 }, (_, i) => [`file-${i}.txt`, `content ${i} `.repeat(i + 1)]),
  ['nested/deep/x.json', '{"a":1}'],
  ['outside-link', { link: '/etc/hostname' }],
]);
const ENTRIES = 12;

type Phase = 'apply' | 'undo';

function runChild(stateDir: string, target: string, phase: Phase, hold: number): Promise<HeldRun> {
  const child = spawn(process.execPath, [childJs, stateDir, target, phase, String(hold)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return killWhenHeld(child, child.stdout, /^held \d+$/);
}

const runnerAt = (stateDir: string) => new Runner({ ctx: createEngineContext({ stateDir, env: {} }), fixes: [moveFilesFix], steps: fsSteps });

interface Case {
  dir: string;
  stateDir: string;
  original: Map<string, string>;
  /** The applied run an undo case undoes. */
  runId?: string;
}

async function newCase(phase: Phase): Promise<Case> {
  const base = tempDir('crash');
  const dir = join(base, 'cache');
  const stateDir = join(base, 'state');
  await writeTree(dir, SPEC);
  const original = await fingerprint(dir);
  if (phase === 'apply') return { dir, stateDir, original };
  const record = await runnerAt(stateDir).apply('explain.test-move', { dir });
  expect(record.status).toBe('verified');
  return { dir, stateDir, original, runId: record.runId };
}

/** Every original entry is either in its place or in the backup, byte for byte, never in both. */
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
  const events: Record<Phase, number> = { apply: 0, undo: 0 };

  beforeAll(async () => {
    childJs = join(tempDir('crash-bundle'), 'child.cjs');
    await build({ entryPoints: [join(__dirname, '../../support/crash-child.ts')], outfile: childJs, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', define: { __APP_VERSION__: '"test"' } });
    // A whole run, not killed, says how many kill points there are.
    for (const phase of ['apply', 'undo'] as const) {
      const c = await newCase(phase);
      const run = await runChild(c.stateDir, phase === 'apply' ? c.dir : c.runId!, phase, 0);
      expect(run.last).toBe(phase === 'apply' ? 'done verified' : 'done undone');
      events[phase] = run.events;
    }
  });

  it('a run reports an event at every journal write and inside every step', () => {
    // apply: applying, then per step running / step-done / done, then applied and verified.
    expect(events.apply).toBe(1 + 3 * ENTRIES + 2);
    // undo: undoing, then per step undoing / step-done / undone, then undone.
    expect(events.undo).toBe(1 + 3 * ENTRIES + 1);
  });

  for (const phase of ['apply', 'undo'] as const) {
    for (const action of ['rollback', 'finish'] as const) {
      it(`kill -9 at each of the ${phase} events, then ${action}: nothing lost, nothing left interrupted`, async () => {
        expect(events[phase]).toBeGreaterThan(ENTRIES * 3);
        for (let at = 1; at <= events[phase]; at++) {
          const c = await newCase(phase);
          const run = await runChild(c.stateDir, phase === 'apply' ? c.dir : c.runId!, phase, at);
          expect(run.killed, `held at ${at}`).toBe(true);
          const runner = runnerAt(c.stateDir);
          const [record] = (await runner.journal.list()).records;
          expect(record, `a journal record after event ${at}`).toBeDefined();
          const backup = `${c.dir}.backup-${record!.runId}`;
          await assertNothingLost(c.dir, backup, c.original);
          if ((await runner.interrupted()).length) {
            const recovered = await runner.recover(record!.runId, action);
            const rolledBack = phase === 'apply' ? action === 'rollback' : action === 'finish';
            expect(recovered.status, `event ${at}`).toBe(rolledBack ? (phase === 'apply' ? 'rolled-back' : 'undone') : phase === 'apply' ? 'verified' : 'applied');
            expect(await fingerprint(c.dir)).toEqual(rolledBack ? c.original : new Map());
          } else {
            // Killed after the last write: the run had already ended.
            expect(at, 'only the final events leave nothing to recover').toBeGreaterThanOrEqual(events[phase] - 1);
          }
          await assertNothingLost(c.dir, backup, c.original);
          expect(await runner.interrupted()).toEqual([]);
        }
      }, 300_000);
    }
  }

  it('the CLI lists an interrupted repair after kill -9 and rolls it back', async () => {
    const stateDir = tempDir('crash-cli');
    // Event 2 is the journal write that marks the note's step "running".
    const child = spawnBuiltCli(['fix', 'explain.save-note', '--yes', '--text', 'AADSTS53003', '--state-dir', stateDir], { [HOLD_ENV]: '2' });
    const run = await killWhenHeld(child, child.stderr!, /^held at runner event 2$/);
    expect(run.killed).toBe(true);

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
