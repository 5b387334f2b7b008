// The CLI of "try signing in again": bad usage is exit 2; the watch prints one line per outcome
// (exit 0 whatever it is); the built CLI's --json document against a stand-in Teams writing into a
// temp Teams tree. `--since` is taken before the stand-in writes, so whether the CLI is already
// watching or reads the line in its first pass, the result is the same: no timing in the test.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { runCliInProcess, watchBuiltCli } from '../../support/cli';
import { startStandIn, standInLog, type StandIn } from '../../support/stand-in-teams';
import { buildTeamsTree } from '../../support/teams-tree';

const CORR = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const standIns: StandIn[] = [];
afterEach(async () => {
  await Promise.all(standIns.splice(0).map((s) => s.stop()));
});

async function newTeamsTree() {
  const tree = await buildTeamsTree(tempDir('signin-cli'), 'win32', { files: 6, clients: ['new'] });
  const env = { ...tree.env, SIGNIN_DOCTOR_STATE_DIR: join(tree.base, 'state') };
  const standIn = await startStandIn('new', standInLog('new', tree.roots.new![0]!));
  standIns.push(standIn);
  return { tree, env, standIn };
}

describe('signin-doctor teams --watch-signin / --start', () => {
  it('bad usage is exit 2 with a message', async () => {
    for (const argv of [
      ['teams', '--watch-signin', '--timeout', '500'],
      ['teams', '--watch-signin', '--timeout', 'soon'],
      ['teams', '--watch-signin', '--client', 'teams9'],
      ['teams', '--timeout', '5'],
      ['teams', '--watch-signin', '--official-reset'],
      ['teams', '--watch-signin', '--since', 'yesterday'],
    ]) {
      const r = await runCliInProcess(argv, { env: { SIGNIN_DOCTOR_PLATFORM: 'linux', HOME: tempDir('cli-usage') } });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(/--timeout|--client|--since|go with/);
    }
  });

  it('one line per outcome: a failure with its code, name and Correlation ID; no answer within the timeout; exit 0 both', async () => {
    const { env, standIn } = await newTeamsTree();
    const since = new Date().toISOString();
    await standIn.send(`failure 53003 ${CORR}`);
    const failed = await runCliInProcess(['teams', '--watch-signin', '--since', since], { env });
    expect(failed.code).toBe(0);
    expect(failed.stdout.trim().split('\n')).toHaveLength(1);
    expect(failed.stdout).toMatch(new RegExp(`^Teams failed again with AADSTS53003 \\(.+\\): .*Correlation ID ${CORR}`));
    const quiet = await runCliInProcess(['teams', '--watch-signin', '--timeout', '1'], { env });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toMatch(/^No sign-in answer from Teams within 1 s/);
  });

  it('teams --start refuses an uninstalled client (exit 0, says why)', async () => {
    const r = await runCliInProcess(['teams', '--start', '--json'], { env: { SIGNIN_DOCTOR_PLATFORM: 'linux', HOME: tempDir('cli-start'), XDG_CONFIG_HOME: join(tempDir('cli-start-x'), '.config') } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ started: false, reason: 'not-installed' });
  });

  it('the built CLI: teams --watch-signin --json prints one document with the outcome', async () => {
    const { env, standIn } = await newTeamsTree();
    const since = new Date().toISOString();
    const cli = watchBuiltCli(['teams', '--watch-signin', '--json', '--since', since, '--timeout', '120'], env);
    await standIn.send('info');
    await standIn.send('success');
    expect(await cli.exit).toBe(0);
    const doc = JSON.parse(cli.stdout.lines.join('\n'));
    expect(doc).toMatchObject({ outcome: 'signed-in', client: 'new', mode: 'watch' });
    expect(doc.file).toMatch(/MSTeams_.*\.log$/);
    expect(cli.stderr()).not.toMatch(/Watching/);
  });
});
