// kill -9 the built CLI at chosen points while it clears (or undoes the clear of) a Windows-layout
// Teams tree, then recover with the CLI (--rollback or --finish): every file is, byte for byte,
// either in its original place or in the backup — never lost, never in both. The CLI holds at the
// chosen runner event (SIGNIN_DOCTOR_TEST_HOLD_AT) and says so, so each kill lands exactly there.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOLD_ENV } from '../../../src/main/engine/test-hold';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli, spawnBuiltCli } from '../../support/cli';
import { fingerprint } from '../../support/file-tree';
import { killWhenHeld, type HeldRun } from '../../support/held-child';
import { buildTeamsTree, type TeamsTree } from '../../support/teams-tree';

/** Kill points per phase: the first events, the last ones, and evenly spread ones between. */
const POINTS = 14;
/** Higher than any run's event count: the run reports every event and is never held. */
const NEVER = '1000000';

function runHeld(argv: string[], env: NodeJS.ProcessEnv, at: number | string): Promise<HeldRun> {
  const child = spawnBuiltCli(argv, { ...env, [HOLD_ENV]: String(at) });
  return killWhenHeld(child, child.stderr!, /^held at runner event \d+$/);
}

function killPoints(total: number): number[] {
  const points = new Set([1, 2, 3, 4, total - 1, total]);
  for (let i = 1; points.size < Math.min(POINTS, total); i++) points.add(Math.max(1, Math.round((i * total) / (POINTS - 5))));
  return [...points].filter((p) => p >= 1 && p <= total).sort((a, b) => a - b);
}

/** Where a file of a Teams root would be in the backup of run `runId`. */
function backupOf(tree: TeamsTree, rel: string, runId: string): string | undefined {
  for (const root of Object.values(tree.roots).flat()) {
    const r = relative(tree.home, root);
    if (rel.startsWith(r + sep)) return `${r}.signin-doctor-backup-${runId}${rel.slice(r.length)}`;
  }
  return undefined;
}

function assertNothingLost(tree: TeamsTree, original: Map<string, string>, now: Map<string, string>, runId: string) {
  for (const [rel, print] of original) {
    if (print === 'dir') continue;
    const backup = backupOf(tree, rel, runId);
    const here = now.get(rel);
    const there = backup ? now.get(backup) : undefined;
    expect(here ?? there, `${rel} lost`).toBe(print);
    expect(here !== undefined && there !== undefined, `${rel} in both places`).toBe(false);
  }
}

async function journalRunId(stateDir: string): Promise<string | undefined> {
  const dir = join(stateDir, 'journal');
  if (!existsSync(dir)) return undefined;
  const names = (await readdir(dir)).filter((n) => /^\d{8}T\d{6}Z-[a-z0-9]{6}\.json$/.test(n)).sort();
  return names.at(-1)?.replace(/\.json$/, '');
}

describe('teams.cache-clear survives kill -9 (built CLI)', () => {
  beforeAll(() => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `node scripts/build-cli.mjs` first');
  });

  const newTree = () => buildTeamsTree(tempDir('teams-crash'), 'win32', { files: 120, logs: 'clean' });

  async function applied(tree: TeamsTree, stateDir: string): Promise<string> {
    const r = await runBuiltCli(['fix', 'teams.cache-clear', '--yes', '--json', '--state-dir', stateDir], { env: tree.env });
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).runId as string;
  }

  for (const phase of ['apply', 'undo'] as const) {
    it(`kill -9 at chosen events of ${phase}, then recover: zero files lost`, async () => {
      // A whole run, never held, says how many events there are.
      const probeTree = await newTree();
      const probeState = join(probeTree.base, 'state');
      const argvOf = (stateDir: string, runId?: string) => (phase === 'apply' ? ['fix', 'teams.cache-clear', '--yes', '--state-dir', stateDir] : ['undo', runId!, '--state-dir', stateDir]);
      const whole = await runHeld(argvOf(probeState, phase === 'undo' ? await applied(probeTree, probeState) : undefined), probeTree.env, NEVER);
      expect(whole.killed).toBe(false);
      expect(whole.events).toBeGreaterThan(20);
      let interrupted = 0;
      for (const [n, at] of killPoints(whole.events).entries()) {
        const tree = await newTree();
        const stateDir = join(tree.base, 'state');
        const original = await fingerprint(tree.home);
        const before = phase === 'undo' ? await applied(tree, stateDir) : undefined;
        const run = await runHeld(argvOf(stateDir, before), tree.env, at);
        expect(run.killed, `held at event ${at}`).toBe(true);
        const runId = before ?? (await journalRunId(stateDir));
        expect(runId, 'the first event is a journal write').toBeDefined();
        assertNothingLost(tree, original, await fingerprint(tree.home), runId!);

        const listed = await runBuiltCli(['recover', '--json', '--state-dir', stateDir], { env: tree.env });
        expect(listed.code, listed.stderr).toBe(0);
        const open = JSON.parse(listed.stdout) as Array<{ runId: string }>;
        if (open.length) {
          interrupted++;
          const action = n % 2 === 0 ? '--rollback' : '--finish';
          const recovered = await runBuiltCli(['recover', runId!, action, '--json', '--state-dir', stateDir], { env: tree.env });
          expect(recovered.code, recovered.stderr).toBe(0);
          const status = JSON.parse(recovered.stdout).status as string;
          expect(['applied', 'verified', 'rolled-back', 'undone']).toContain(status);
          const after = await fingerprint(tree.home);
          if (status === 'rolled-back' || status === 'undone') {
            // Back to the original tree (an emptied backup folder may be left only if it holds folders).
            expect(new Map([...after].filter(([k]) => !k.includes('.signin-doctor-backup-')))).toEqual(original);
          }
          assertNothingLost(tree, original, after, runId!);
        } else {
          expect(at, 'only the final events leave nothing to recover').toBeGreaterThanOrEqual(whole.events - 1);
        }
        const again = await runBuiltCli(['recover', '--json', '--state-dir', stateDir], { env: tree.env });
        expect(JSON.parse(again.stdout)).toEqual([]);
      }
      expect(interrupted).toBeGreaterThanOrEqual(killPoints(whole.events).length - 2);
    }, 300_000);
  }
});
