// The sign-in watch on real files: a temp Teams tree per client and OS layout, a stand-in Teams
// writing into its log on command, and a counting watcher factory (every watcher opened is closed).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineContext } from '../../../../src/main/engine-context';
import { createTeamsHandlers } from '../../../../src/main/teams/handlers';
import { fsWatchFactory, watchSignin, type WatchFactory } from '../../../../src/main/teams/signin-watch';
import { detectPlatform } from '../../../../src/main/os/platform';
import type { DomainDeps } from '../../../../src/main/engine/types';
import { tempDir } from '../../../support/browser';
import { startStandIn, standInLog, type StandIn, type StandInClient } from '../../../support/stand-in-teams';
import { buildTeamsTree, type TreePlatform } from '../../../support/teams-tree';

const CORR = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const cases: Array<{ client: StandInClient; platform: TreePlatform }> = [
  { client: 'new', platform: 'win32' },
  { client: 'classic', platform: 'win32' },
  { client: 'linux', platform: 'linux' },
];

function counting(): { factory: WatchFactory; open: () => number; opened: string[] } {
  let open = 0;
  const opened: string[] = [];
  return {
    factory: (dir, onChange) => {
      const h = fsWatchFactory(dir, onChange);
      open++;
      opened.push(dir);
      return { close: () => (open--, h.close()) };
    },
    open: () => open,
    opened,
  };
}

const standIns: StandIn[] = [];
afterEach(async () => {
  await Promise.all(standIns.splice(0).map((s) => s.stop()));
});

async function setup(client: StandInClient, platform: TreePlatform) {
  const tree = await buildTeamsTree(tempDir(`watch-${client}`), platform, { files: 6, clients: [client] });
  const ctx = createEngineContext({ env: tree.env, stateDir: join(tree.base, 'state') });
  const log = standInLog(client, tree.roots[client]![0]!);
  const standIn = await startStandIn(client, log);
  standIns.push(standIn);
  return { tree, ctx, standIn, log };
}

describe.each(cases)('teams.watch-signin, $client Teams ($platform layout)', ({ client, platform }) => {
  it('reports the failure the client writes, with its code and Correlation ID, and closes its watchers', async () => {
    const { ctx, standIn } = await setup(client, platform);
    expect(ctx.platform).toBe(platform);
    const w = counting();
    const since = new Date().toISOString();
    const watching = watchSignin(ctx, { since, timeoutMs: 120_000, client: 'auto' }, { watchFactory: w.factory });
    await standIn.send('info');
    await standIn.send(`failure 53003 ${CORR}`);
    const o = await watching;
    expect(o).toMatchObject({ outcome: 'failed', code: '53003', display: 'AADSTS53003', conditionalAccess: true, correlationId: CORR, client, mode: 'watch' });
    expect(o.name).toBeTruthy();
    expect(o.meaning).toBeTruthy();
    expect(Date.parse(o.at!)).toBeGreaterThanOrEqual(Date.parse(since) - 999);
    expect(w.opened.length).toBeGreaterThan(0);
    expect(w.open()).toBe(0);
  });

  it('reports signed in; a failure line dated before since (and the tree\'s old failures) are ignored', async () => {
    const { ctx, standIn } = await setup(client, platform);
    const w = counting();
    const watching = watchSignin(ctx, { since: new Date().toISOString(), timeoutMs: 120_000, client: 'auto' }, { watchFactory: w.factory });
    await standIn.send('old-failure 120 53003');
    await standIn.send('success');
    const o = await watching;
    expect(o).toMatchObject({ outcome: 'signed-in', client });
    expect(o.code).toBeUndefined();
    expect(w.open()).toBe(0);
  });

  it('no answer within the timeout: the outcome, and no watcher left open', async () => {
    const { ctx, standIn } = await setup(client, platform);
    await standIn.send('info');
    const w = counting();
    const o = await watchSignin(ctx, { timeoutMs: 50, client: 'auto' }, { watchFactory: w.factory });
    expect(o.outcome).toBe('no-answer');
    expect(o.watched.length).toBeGreaterThan(0);
    expect(w.open()).toBe(0);
  });
});

describe('teams.watch-signin without fs.watch, and at service close', () => {
  it('polls when the OS cannot watch, and still finds the outcome', async () => {
    const { ctx, standIn } = await setup('new', 'win32');
    const unavailable: WatchFactory = () => {
      throw Object.assign(new Error('no watching here'), { code: 'ENOSYS' });
    };
    const watching = watchSignin(ctx, { since: new Date().toISOString(), timeoutMs: 120_000, client: 'new' }, { watchFactory: unavailable, pollMs: 25 });
    await standIn.send('success');
    expect(await watching).toMatchObject({ outcome: 'signed-in', mode: 'poll' });
  });

  it('a log folder that does not exist yet is watched through its parent and found once created', async () => {
    const base = tempDir('watch-late');
    const home = join(base, 'home');
    const env = { SIGNIN_DOCTOR_PLATFORM: 'linux', HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    await mkdir(join(home, '.config', 'teams-for-linux'), { recursive: true });
    const ctx = createEngineContext({ env, stateDir: join(base, 'state') });
    const w = counting();
    const watching = watchSignin(ctx, { since: new Date().toISOString(), timeoutMs: 120_000, client: 'linux' }, { watchFactory: w.factory });
    const standIn = await startStandIn('linux', join(home, '.config', 'teams-for-linux', 'logs', 'main.log'));
    standIns.push(standIn);
    await standIn.send(`failure 50173 ${CORR}`);
    expect(await watching).toMatchObject({ outcome: 'failed', code: '50173', correlationId: CORR });
    expect(w.opened[0]).toBe(join(home, '.config', 'teams-for-linux'));
    expect(w.open()).toBe(0);
  });

  it('a client of another OS is bad input', async () => {
    const ctx = createEngineContext({ env: { SIGNIN_DOCTOR_PLATFORM: 'linux', HOME: tempDir('watch-bad') }, stateDir: '/tmp/unused' });
    await expect(watchSignin(ctx, { timeoutMs: 50, client: 'new' })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('closing the service ends a running watch at once (no two-minute wait, watchers released)', async () => {
    const { ctx } = await setup('new', 'win32');
    const closers: Array<() => Promise<void>> = [];
    const deps = { ctx, onClose: (c: () => Promise<void>) => void closers.push(c) } as unknown as DomainDeps;
    const handlers = createTeamsHandlers(deps);
    const watching = handlers['teams.watch-signin']({ timeoutMs: 120_000, client: 'auto' });
    await Promise.all(closers.map((c) => c()));
    expect((await watching).outcome).toBe('no-answer');
    expect(detectPlatform(ctx.env)).toBe('win32');
  });
});
