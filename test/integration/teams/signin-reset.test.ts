// teams.signin-reset: Windows broker accounts on a real tree (undo renames back), macOS keychain
// through `security` (the one faked boundary: there is no keychain here; `ps` stays real), and
// the official Reset link. Plus the CLI `teams` command's JSON contract.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Runner } from '../../../src/main/engine/runner';
import { fsSteps } from '../../../src/main/engine/steps/fs-steps';
import { createEngineContext } from '../../../src/main/engine-context';
import { execFileSafe, type Exec } from '../../../src/main/os/exec';
import { createService } from '../../../src/main/service';
import { teamsModule } from '../../../src/main/teams';
import { tempDir } from '../../support/browser';
import { runCliInProcess } from '../../support/cli';
import { fingerprint } from '../../support/file-tree';
import { buildTeamsTree } from '../../support/teams-tree';

const runner = (env: NodeJS.ProcessEnv, stateDir: string, exec?: Exec) =>
  new Runner({ ctx: createEngineContext({ stateDir, env: { PATH: process.env.PATH, ...env }, ...(exec ? { exec } : {}) }), fixes: teamsModule.fixes, steps: [...fsSteps, ...teamsModule.steps] });

describe('teams.signin-reset', () => {
  it('Windows: moves TokenBroker\\Accounts entries aside (never the BrokerPlugin folder); undo restores them', async () => {
    const tree = await buildTeamsTree(tempDir('reset-win'), 'win32', { files: 20, logs: 'loop' });
    const broker = join(tree.env.LOCALAPPDATA!, 'Packages', 'Microsoft.AAD.BrokerPlugin_cw5n1h2txyewy');
    const before = await fingerprint(broker);
    const r = runner(tree.env, join(tree.base, 'state'));
    const plan = await r.plan('teams.signin-reset', {});
    expect(plan.blockedBy).toBeUndefined();
    expect(plan.undoDescription).toMatch(/sign in again: tokens are re-issued/);
    expect(plan.warnings.join(' ')).not.toMatch(/53003/); // the loop tree has no CA block
    const record = await r.apply('teams.signin-reset', {});
    expect(record.status).toBe('verified');
    const after = await fingerprint(broker);
    expect([...after.keys()].filter((k) => k.startsWith('AC/TokenBroker/Accounts/'))).toEqual([]);
    expect(after.get('Settings/settings.dat')).toBe(before.get('Settings/settings.dat'));
    for (const step of record.steps.filter((s) => s.kind === 'fs.rename')) expect(String(step.data.from)).toMatch(/TokenBroker[/\\]Accounts[/\\][0-9a-f]{32}\.tbacct$/);
    await r.undo(record.runId);
    expect(await fingerprint(broker)).toEqual(before);

    // Signed in again since a second reset: the new account entry is not overwritten by undo.
    const again = await r.apply('teams.signin-reset', {});
    const first = String(again.steps.find((s) => s.kind === 'fs.rename')!.data.from);
    await writeFile(first, 'new sign-in');
    await expect(r.undo(again.runId)).rejects.toThrow(/signed in again since the reset/);
    expect(await readFile(first, 'utf8')).toBe('new sign-in');
  });

  it('warns that it will not fix 53003 when the logs show a Conditional Access block', async () => {
    const tree = await buildTeamsTree(tempDir('reset-ca'), 'win32', { files: 20, logs: 'conditional-access' });
    const plan = await runner(tree.env, join(tree.base, 'state')).plan('teams.signin-reset', {});
    expect(plan.warnings.join(' ')).toMatch(/AADSTS53003.*will not fix/);
  });

  it('macOS: lists the identity labels first, deletes only those found, and is honestly not undoable', async () => {
    const tree = await buildTeamsTree(tempDir('reset-mac'), 'darwin', { files: 20, logs: 'loop' });
    const keychain = new Map<string, number>([['Microsoft Teams Identities Cache', 2], ['OneAuthAccount', 1]]);
    const calls: string[][] = [];
    const exec: Exec = async (file, args, options) => {
      if (file !== '/usr/bin/security') return execFileSafe(file, args, options);
      calls.push([...args]);
      const label = args[2]!;
      const n = keychain.get(label) ?? 0;
      if (!n) return { code: 44, signal: null, stdout: '', stderr: 'security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain.', timedOut: false };
      if (args[0] === 'delete-generic-password') keychain.set(label, n - 1);
      return { code: 0, signal: null, stdout: `keychain: "/Users/dave/Library/Keychains/login.keychain-db"\nclass: "genp"\nattributes:\n    0x00000007 <blob>="${label}"\n    "acct"<blob>="dave"\n`, stderr: '', timedOut: false };
    };
    const r = runner(tree.env, join(tree.base, 'state'), exec);
    const plan = await r.plan('teams.signin-reset', {});
    expect(plan.undoable).toBe(false);
    expect(plan.undoDescription).toBe('sign in again: tokens are re-issued');
    expect(plan.steps.map((s) => s.data.label)).toEqual(['Microsoft Teams Identities Cache', 'OneAuthAccount']);
    expect(calls.every((c) => c[0] === 'find-generic-password')).toBe(true);
    const record = await r.apply('teams.signin-reset', {});
    expect(record.status).toBe('verified');
    expect([...keychain.values()]).toEqual([0, 0]);
    const deletes = calls.filter((c) => c[0] === 'delete-generic-password').map((c) => c[2]);
    expect(new Set(deletes)).toEqual(new Set(['Microsoft Teams Identities Cache', 'OneAuthAccount']));
    await expect(r.undo(record.runId)).rejects.toThrow(/cannot be undone: sign in again/);
  });

  it('Linux: points to the cache clear instead', async () => {
    const tree = await buildTeamsTree(tempDir('reset-linux'), 'linux', { files: 10 });
    const plan = await runner(tree.env, join(tree.base, 'state')).plan('teams.signin-reset', {});
    expect(plan.blockedBy).toMatch(/teams\.cache-clear/);
  });
});

describe('teams calls and CLI', () => {
  it('teams.official-reset gives the ms-settings link on Windows and opens it only when asked', async () => {
    const tree = await buildTeamsTree(tempDir('official'), 'win32', { files: 10 });
    const opened: string[] = [];
    const service = createService(createEngineContext({ stateDir: join(tree.base, 'state'), env: tree.env }), { openExternal: async (u) => (opened.push(u), true) });
    const info = await service.invoke('teams.official-reset', {});
    expect(info).toMatchObject({ ok: true, value: { available: true, uri: 'ms-settings:appsfeatures-app?PFN=MSTeams_8wekyb3d8bbwe', opened: false } });
    expect(opened).toEqual([]);
    const open = await service.invoke('teams.official-reset', { open: true });
    expect(open.ok && open.value.opened).toBe(true);
    expect(opened).toEqual(['ms-settings:appsfeatures-app?PFN=MSTeams_8wekyb3d8bbwe']);
    const mac = createService(createEngineContext({ stateDir: join(tree.base, 'state2'), env: { ...tree.env, SIGNIN_DOCTOR_PLATFORM: 'darwin' } }));
    expect(await mac.invoke('teams.official-reset', {})).toMatchObject({ ok: true, value: { available: false } });
    await service.close();
    await mac.close();
  });

  it('`signin-doctor teams --json` prints one JSON document: clients, sizes, running state, log failures', async () => {
    const tree = await buildTeamsTree(tempDir('cli-teams'), 'win32', { files: 300 });
    const run = await runCliInProcess(['teams', '--json', '--state-dir', join(tree.base, 'state')], { env: tree.env });
    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout);
    expect(status.clients.map((c: { id: string; installed: boolean; running: string }) => [c.id, c.installed, c.running])).toEqual([
      ['classic', true, 'no'],
      ['new', true, 'no'],
    ]);
    expect(status.clients[0].folders[0].files).toBeGreaterThan(300);
    expect(status.clients[0].version).toBe('1.7.00.13456');
    expect(status.logFailures[0]).toMatchObject({ codes: [{ display: 'AADSTS53003' }], correlationId: '3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b' });
    const human = await runCliInProcess(['teams', '--state-dir', join(tree.base, 'state')], { env: tree.env });
    expect(human.stdout).toMatch(/New Teams: not running/);
    expect(human.stdout).toMatch(/AADSTS53003 BlockedByConditionalAccess/);
    const bad = await runCliInProcess(['teams', 'extra', '--json'], { env: tree.env });
    expect(bad.code).toBe(2);
  });

  it('`diagnose --only teams` includes the teams findings', async () => {
    const tree = await buildTeamsTree(tempDir('diag-teams'), 'linux', { files: 50, logs: 'loop' });
    const run = await runCliInProcess(['diagnose', '--only', 'teams', '--json', '--state-dir', join(tree.base, 'state')], { env: tree.env });
    expect(run.code).toBe(0);
    const ids = (JSON.parse(run.stdout).findings as Array<{ id: string }>).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['teams.client-linux', 'teams.log-signin-failure', 'teams.log-signin-loop']));
  });
});
