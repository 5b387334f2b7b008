// kill -9 the built CLI at random instants while it clears (or undoes the clear of) a Windows-layout
// Teams tree, then recover with the CLI (--rollback or --finish): every file is, byte for byte,
// either in its original place or in the backup — never lost, never in both.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli, spawnBuiltCli } from '../../support/cli';
import { fingerprint } from '../../support/file-tree';
import { buildTeamsTree, type TeamsTree } from '../../support/teams-tree';

const TRIALS = 24;
const DELAY_MS = '8';

function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function killAfter(argv: string[], env: NodeJS.ProcessEnv, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawnBuiltCli(argv, env);
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
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

  it(`kill -9 at random instants of apply and undo, then recover: zero files lost (${TRIALS} trials)`, async () => {
    const random = prng(53003);
    let interrupted = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const tree = await buildTeamsTree(tempDir('teams-crash'), 'win32', { files: 120, logs: 'clean' });
      const stateDir = join(tree.base, 'state');
      const original = await fingerprint(tree.home);
      const env = { ...tree.env, SIGNIN_DOCTOR_TEST_STEP_DELAY_MS: DELAY_MS };
      const undoPhase = trial % 2 === 1;
      let runId: string | undefined;
      if (undoPhase) {
        const applied = await runBuiltCli(['fix', 'teams.cache-clear', '--yes', '--json', '--state-dir', stateDir], { env: tree.env });
        expect(applied.code, applied.stderr).toBe(0);
        runId = JSON.parse(applied.stdout).runId as string;
        await killAfter(['undo', runId, '--state-dir', stateDir], env, 250 + random() * 400);
      } else {
        await killAfter(['fix', 'teams.cache-clear', '--yes', '--state-dir', stateDir], env, 250 + random() * 450);
        runId = await journalRunId(stateDir);
      }
      if (!runId) {
        expect(await fingerprint(tree.home)).toEqual(original); // killed before the first journal write
        continue;
      }
      assertNothingLost(tree, original, await fingerprint(tree.home), runId);

      const listed = await runBuiltCli(['recover', '--json', '--state-dir', stateDir], { env: tree.env });
      expect(listed.code, listed.stderr).toBe(0);
      const open = JSON.parse(listed.stdout) as Array<{ runId: string }>;
      if (open.length) {
        interrupted++;
        const action = random() < 0.5 ? '--rollback' : '--finish';
        const recovered = await runBuiltCli(['recover', runId, action, '--json', '--state-dir', stateDir], { env: tree.env });
        expect(recovered.code, recovered.stderr).toBe(0);
        const status = JSON.parse(recovered.stdout).status as string;
        expect(['applied', 'verified', 'rolled-back', 'undone']).toContain(status);
        const after = await fingerprint(tree.home);
        if (status === 'rolled-back' || status === 'undone') {
          // Back to the original tree (an emptied backup folder may be left only if it holds folders).
          expect(new Map([...after].filter(([k]) => !k.includes('.signin-doctor-backup-')))).toEqual(original);
        }
        assertNothingLost(tree, original, after, runId);
      }
      const again = await runBuiltCli(['recover', '--json', '--state-dir', stateDir], { env: tree.env });
      expect(JSON.parse(again.stdout)).toEqual([]);
    }
    expect(interrupted).toBeGreaterThan(TRIALS / 4);
  }, 120_000);
});
