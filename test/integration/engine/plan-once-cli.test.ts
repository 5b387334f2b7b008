// Plan once through the built CLI, on a real Teams for Linux profile: `fix X --dry-run --json`
// gives a planId, `fix --plan-id ID --yes` applies exactly that plan; when Teams starts between the
// preview and the apply, the apply is refused and not one file moves.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli } from '../../support/cli';
import { startFakeTeams } from '../../support/fake-process';
import { fingerprint } from '../../support/file-tree';
import { buildTeamsTree } from '../../support/teams-tree';

describe('fix --plan-id (built CLI)', () => {
  beforeAll(() => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  });

  it('applies exactly the previewed plan; a plan id is used once', async () => {
    const tree = await buildTeamsTree(tempDir('plan-cli'), 'linux', { files: 60, logs: 'clean' });
    const state = ['--state-dir', join(tree.base, 'state')];
    const dry = await runBuiltCli(['fix', 'teams.cache-clear', '--dry-run', '--json', ...state], { env: tree.env });
    expect(dry.code, dry.stderr).toBe(0);
    const { plan } = JSON.parse(dry.stdout) as { plan: { planId: string; steps: unknown[] } };
    expect(plan.steps.length).toBeGreaterThan(2);
    const applied = await runBuiltCli(['fix', '--plan-id', plan.planId, '--yes', '--json', ...state], { env: tree.env });
    expect(applied.code, applied.stderr).toBe(0);
    const record = JSON.parse(applied.stdout) as { runId: string; status: string; steps: Array<{ kind: string; description: string; data: unknown }> };
    expect(record.runId).toBe(plan.planId);
    expect(record.status).toBe('verified');
    expect(record.steps.map(({ kind, description, data }) => ({ kind, description, data }))).toEqual(plan.steps);
    const again = await runBuiltCli(['fix', '--plan-id', plan.planId, '--yes', '--json', ...state], { env: tree.env });
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).error.message).toMatch(/no previewed plan/);
  });

  it('Teams started after the preview: refused, nothing moved', async () => {
    const tree = await buildTeamsTree(tempDir('plan-cli-changed'), 'linux', { files: 60, logs: 'clean' });
    const state = ['--state-dir', join(tree.base, 'state')];
    const dry = await runBuiltCli(['fix', 'teams.cache-clear', '--dry-run', '--json', ...state], { env: tree.env });
    const { plan } = JSON.parse(dry.stdout) as { plan: { planId: string } };
    const before = await fingerprint(tree.home);
    const teams = await startFakeTeams('teams-for-linux');
    try {
      const r = await runBuiltCli(['fix', '--plan-id', plan.planId, '--yes', '--json', ...state], { env: tree.env });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).error.message).toMatch(/this computer changed since you previewed this repair \(Teams is running .*\); nothing was changed: preview again/);
      expect(await fingerprint(tree.home)).toEqual(before);
    } finally {
      await teams.stop();
    }
  });

  it('--plan-id wants --yes and no fix id', async () => {
    expect((await runBuiltCli(['fix', '--plan-id', '20261201T100000Z-abcdef'])).stderr).toMatch(/confirm with --yes/);
    expect((await runBuiltCli(['fix', 'teams.cache-clear', '--plan-id', '20261201T100000Z-abcdef', '--yes'])).stderr).toMatch(/takes no fix id or options/);
  });
});
