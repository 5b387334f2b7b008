// After a repair, older sign-in failures are history, through the built CLI (`npm run build`
// first): a real new-Teams profile tree with the loop story (its failures moved to yesterday, so
// within the last 7 days), `fix teams.cache-clear --yes` applied, then `diagnose --json` says the
// newest failure is from before that repair (beforeRepair with the run id), the loop cause is
// addressed and no longer strong, and the human output says "before your repair at". A failure
// written to the log after the repair counts again.
import { existsSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli } from '../../support/cli';
import { CORRELATION_LOOP, buildTeamsTree } from '../../support/teams-tree';

interface Cause {
  id: string;
  strength: string;
  addressedBy?: { runId: string; fixId: string; at: string };
}

describe('diagnose after a repair, built CLI', () => {
  beforeAll(() => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  });

  it('failures older than teams.cache-clear are before the repair; a newer failure counts again', async () => {
    const tree = await buildTeamsTree(tempDir('before-repair'), 'win32', { files: 24, logs: 'loop', clients: ['new'] });
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const log = join(tree.roots.new![0]!, 'Logs/MSTeams_2026-11-23_06-40-00.00.log');
    await writeFile(log, (await readFile(log, 'utf8')).replaceAll('2026-11-23', day));
    const env = { ...tree.env, SIGNIN_DOCTOR_STATE_DIR: join(tree.base, 'state') };
    const diagnose = async (json: boolean) => {
      const r = await runBuiltCli(['diagnose', '--only', 'teams', ...(json ? ['--json'] : [])], { env, timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };

    // Before any repair: the loop is the strong cause of the newest failure.
    const first = JSON.parse(await diagnose(true));
    expect(first.error.source).toMatchObject({ kind: 'teams-log', time: `${day}T06:41:01.000Z` });
    expect(first.error.source.beforeRepair).toBeUndefined();
    expect(first.causes.find((c: Cause) => c.id === 'signin-loop')?.strength).toBe('strong');

    const fix = await runBuiltCli(['fix', 'teams.cache-clear', '--yes', '--json'], { env, timeoutMs: 120_000 });
    expect(fix.code, fix.stderr).toBe(0);
    const history = JSON.parse((await runBuiltCli(['history', '--json'], { env })).stdout) as Array<{ runId: string; fixId: string; status: string; startedAt: string }>;
    const runRec = history.find((h) => h.fixId === 'teams.cache-clear')!;
    expect(runRec.status).toBe('verified');

    const after = JSON.parse(await diagnose(true));
    expect(after.error.source.beforeRepair).toEqual({ runId: runRec.runId, fixId: 'teams.cache-clear', at: runRec.startedAt });
    expect(after.error.verdict).toMatch(/^Before your repair at /);
    const loop = after.causes.find((c: Cause) => c.id === 'signin-loop');
    expect(loop).toMatchObject({ strength: 'ruled-out', addressedBy: { runId: runRec.runId } });
    expect(after.causes.filter((c: Cause) => c.strength === 'strong').map((c: Cause) => c.id)).not.toContain('signin-loop');
    const human = await diagnose(false);
    expect(human).toContain('before your repair at ');
    expect(human).toContain('(teams.cache-clear)');

    // A failure written after the repair is current again.
    const at = new Date(Date.now() + 1000).toISOString().replace(/\.\d{3}Z$/, '.000000Z');
    await appendFile(log, `${at} 0x00002a10 <WARN> TokenBroker: AcquireTokenSilently failed with AADSTS700082, status: InteractionRequired. Correlation ID: ${CORRELATION_LOOP}\r\n`);
    const again = JSON.parse(await diagnose(true));
    expect(again.error.source.beforeRepair).toBeUndefined();
    expect(again.error.source.time).toBe(at.replace('.000000Z', '.000Z'));
    expect(again.error.codes.map((c: { code: string }) => c.code)).toContain('700082');
  });
});
