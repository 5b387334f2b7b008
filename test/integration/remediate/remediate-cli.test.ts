// remediate through the built CLI (`npm run build` first), as Intune / Jamf run it: on real Teams
// profile trees whose log holds a sign-in failure of yesterday, with standard input closed (nobody
// answers anything). detect (exit 1, one line) -> apply (exit 0, one journaled run per fix, verified,
// undoable) -> detect again (exit 0: the failure is now from before the repair); policy refusals and
// hostile policy files (exit 2, nothing run); a machine repair in the user's context skipped and
// named, no prompt (the clock measured 10 minutes off against a loopback SNTP server); a per-user
// repair refused as root; a Conditional Access block alone is reported and exits 0.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli, type CliRun } from '../../support/cli';
import { startScriptedNtp, type ScriptedNtp } from '../../support/ntp-server';
import { buildTeamsTree, type LogStory, type TreePlatform } from '../../support/teams-tree';

interface Fix {
  fixId: string;
  outcome: string;
  reason?: string;
  detail?: string;
  runId?: string;
  causes: string[];
}
interface Doc {
  schemaVersion: number;
  kind: string;
  mode: string;
  exitCode: number;
  line: string;
  fixes: Fix[];
  conditionalAccess: boolean;
  context: { kind: string; elevated: boolean };
  error?: { codes: Array<{ code: string }>; source: { beforeRepair?: { runId: string } } };
  causes: Array<{ id: string; strength: string; fixes: string[]; addressedBy?: { runId: string; fixId: string } }>;
}

const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** A profile tree whose newest sign-in failure is from yesterday (within the 7 days diagnose reads). */
async function tree(name: string, story: LogStory, platform: TreePlatform = 'win32', moveToYesterday = true) {
  const t = await buildTeamsTree(join(dir, name), platform, { files: 24, logs: story, clients: [platform === 'linux' ? 'linux' : 'new'] });
  const log = platform === 'linux' ? join(t.roots.linux![0]!, 'logs/main.log') : join(t.roots.new![0]!, 'Logs/MSTeams_2026-11-23_06-40-00.00.log');
  if (moveToYesterday) await writeFile(log, (await readFile(log, 'utf8')).replaceAll('2026-11-23', day));
  const env = { ...t.env, SIGNIN_DOCTOR_STATE_DIR: join(t.base, 'state'), SIGNIN_DOCTOR_CONFIG: config };
  return { ...t, env, log };
}

async function policy(name: string, content: unknown): Promise<string> {
  const file = join(dir, `${name}.json`);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The one line (exactly one, at most 2,048 characters), or the JSON document. */
function oneLine(r: CliRun): string {
  expect(r.stdout.endsWith('\n'), r.stderr).toBe(true);
  const line = r.stdout.slice(0, -1);
  expect(line).not.toContain('\n');
  expect(line.length).toBeLessThanOrEqual(2048);
  return line;
}

const run = (argv: string[], env: NodeJS.ProcessEnv) => runBuiltCli(argv, { env, timeoutMs: 120_000 });

let dir: string;
let config: string;
let ntp: ScriptedNtp;

beforeAll(async () => {
  if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  dir = tempDir('remediate');
  // The clock is 10 minutes off: a measured fault whose repair (clock.resync) needs root/SYSTEM.
  ntp = await startScriptedNtp({ kind: 'offset', offsetMs: 600_000 });
  config = join(dir, 'config.json');
  await writeFile(config, JSON.stringify({ clock: { servers: [ntp.server], dateUrl: 'http://127.0.0.1:9/', timeoutMs: 10_000 } }));
});
afterAll(async () => {
  await ntp?.stop();
});

describe('remediate, built CLI', () => {
  it('detect -> apply -> detect again on a sign-in loop: exit 1, a verified undoable run, then clean', async () => {
    const t = await tree('loop', 'loop');
    const teamsOnly = await policy('teams-only', { version: 1, allow: ['teams.cache-clear', 'teams.signin-reset'], only: ['teams'] });

    const detect = await run(['remediate', '--detect', '--policy', teamsOnly], t.env);
    expect(detect.code, detect.stderr).toBe(1);
    const line = oneLine(detect);
    expect(line).toMatch(/^Sign-in Doctor: Needs repair: would apply teams\.signin-reset \| sign-in error: 0xCAA2000B at \S+ \| problems: /);
    expect(line).toContain('[signin-loop]');
    // detect changes nothing: no run in the journal.
    expect(JSON.parse((await run(['history', '--json'], t.env)).stdout)).toEqual([]);

    const apply = await run(['remediate', '--apply', '--policy', teamsOnly, '--json'], t.env);
    expect(apply.code, apply.stderr).toBe(0);
    const doc = JSON.parse(apply.stdout) as Doc;
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'remediate', mode: 'apply', exitCode: 0 });
    const reset = doc.fixes.find((f) => f.fixId === 'teams.signin-reset')!;
    expect(reset).toMatchObject({ outcome: 'verified', causes: ['signin-loop'] });
    // The cause is handled by the first repair; the cache clear is not applied as well.
    expect(doc.fixes.find((f) => f.fixId === 'teams.cache-clear')).toMatchObject({ outcome: 'skipped', reason: 'cause-handled' });
    expect(doc.line).toBe(`Sign-in Doctor: Repaired and verified: teams.signin-reset (run ${reset.runId})${doc.line.slice(doc.line.indexOf(' | '))}`);
    expect(apply.stderr).toContain(doc.line);

    const history = JSON.parse((await run(['history', '--json'], t.env)).stdout) as Array<{ runId: string; fixId: string; status: string; undoable: boolean }>;
    expect(history).toEqual([expect.objectContaining({ runId: reset.runId, fixId: 'teams.signin-reset', status: 'verified', undoable: true })]);

    const again = await run(['remediate', '--detect', '--policy', teamsOnly, '--json'], t.env);
    expect(again.code, again.stderr).toBe(0);
    const clean = JSON.parse(again.stdout) as Doc;
    expect(clean.error!.source.beforeRepair).toMatchObject({ runId: reset.runId });
    expect(clean.fixes).toEqual([]);
    expect(clean.line).toMatch(/^Sign-in Doctor: No repair needed \| sign-in error: .* \(before the repair at /);

    const undo = await run(['undo', reset.runId!, '--json'], t.env);
    expect(undo.code, undo.stderr).toBe(0);
    expect(JSON.parse(undo.stdout)).toMatchObject({ runId: reset.runId, status: 'undone' });
  });

  it('a loop in logs older than 7 days (no current error): repaired once, then detect is clean and nothing is repaired again', async () => {
    const t = await tree('old-loop', 'loop', 'win32', false);
    const teamsOnly = await policy('old-loop', { version: 1, allow: ['teams.cache-clear', 'teams.signin-reset'], only: ['teams'] });
    const first = await run(['remediate', '--apply', '--policy', teamsOnly, '--json'], t.env);
    expect(first.code, first.stderr).toBe(0);
    const applied = JSON.parse(first.stdout) as Doc;
    expect(applied.error).toBeUndefined();
    const reset = applied.fixes.find((f) => f.outcome === 'verified')!;
    expect(reset.fixId).toBe('teams.signin-reset');

    const again = await run(['remediate', '--detect', '--policy', teamsOnly, '--json'], t.env);
    expect(again.code, again.stderr).toBe(0);
    const doc = JSON.parse(again.stdout) as Doc;
    // The cache clear (the loop's next fix) is not planned: the loop is older than the reset, so the
    // diagnosis lists it as addressed by that run, as diagnose and the app do.
    expect(doc.fixes).toEqual([]);
    expect(doc.causes.find((c) => c.id === 'signin-loop')).toMatchObject({ strength: 'ruled-out', fixes: [], addressedBy: { runId: reset.runId, fixId: 'teams.signin-reset' } });
    expect(doc.line).toMatch(/^Sign-in Doctor: No repair needed \| .* \| problems: no strong cause; /);
    const history = JSON.parse((await run(['history', '--json'], t.env)).stdout) as unknown[];
    expect(history).toHaveLength(1);
  });

  it('a broken device never looks clean: an unsafe state folder fails the plans (detect exit 1, apply exit 1), an unusable one still gives one line', async () => {
    const t = await tree('broken', 'loop');
    const teamsOnly = await policy('broken', { version: 1, allow: ['teams.cache-clear', 'teams.signin-reset'], only: ['teams'] });
    const open = join(t.base, 'open-state');
    await mkdir(open, { recursive: true });
    await chmod(open, 0o777);
    const detect = await run(['remediate', '--detect', '--policy', teamsOnly], { ...t.env, SIGNIN_DOCTOR_STATE_DIR: open });
    expect(detect.code, detect.stderr).toBe(1);
    expect(oneLine(detect)).toMatch(/^Sign-in Doctor: Cannot repair: teams\.signin-reset could not be planned: the state folder .* can be written by other users/);
    const apply = await run(['remediate', '--apply', '--policy', teamsOnly], { ...t.env, SIGNIN_DOCTOR_STATE_DIR: open });
    expect(apply.code, apply.stderr).toBe(1);
    expect(oneLine(apply)).toMatch(/^Sign-in Doctor: Not repaired: teams\.signin-reset failed: could not be planned: /);

    const notAFolder = join(t.base, 'a-file');
    await writeFile(notAFolder, '');
    const broken = await run(['remediate', '--detect', '--policy', teamsOnly], { ...t.env, SIGNIN_DOCTOR_STATE_DIR: notAFolder });
    expect(broken.code).toBe(1);
    expect(oneLine(broken)).toMatch(/^Sign-in Doctor: could not check this computer: ENOTDIR/);
  });

  it('the policy decides: a fix it does not allow is skipped and named (exit 0); the next fix of the cause is tried', async () => {
    const t = await tree('policy', 'loop');
    const none = await run(['remediate', '--detect', '--policy', await policy('none', { version: 1, allow: [], only: ['teams'] })], t.env);
    expect(none.code, none.stderr).toBe(0);
    expect(oneLine(none)).toMatch(/^Sign-in Doctor: No repair needed \|.* \| skipped: teams\.signin-reset \(not allowed by the policy\), teams\.cache-clear \(not allowed by the policy\)$/);

    const cacheOnly = await run(['remediate', '--detect', '--json', '--policy', await policy('cache', { version: 1, allow: ['teams.cache-clear'], only: ['teams'] })], t.env);
    expect(cacheOnly.code, cacheOnly.stderr).toBe(1);
    const doc = JSON.parse(cacheOnly.stdout) as Doc;
    expect(doc.fixes.map((f) => [f.fixId, f.outcome, f.reason])).toEqual([
      ['teams.signin-reset', 'skipped', 'not-allowed'],
      ['teams.cache-clear', 'planned', undefined],
    ]);
  });

  it('hostile or wrong policy files are a usage error (exit 2) and nothing runs', async () => {
    const t = await tree('hostile', 'loop');
    await mkdir(join(dir, 'a-folder'), { recursive: true });
    const cases: Array<[string, RegExp]> = [
      [await policy('not-json', '{"version": 1, "allow": ['), /is not JSON/],
      [await policy('typo', { version: 1, allow: [], alow: ['teams.cache-clear'] }), /not a valid remediate policy/],
      [await policy('unknown-fix', { version: 1, allow: ['teams.format-disk'] }), /not a valid remediate policy \(allow\.0:/],
      [await policy('needs-a-person', { version: 1, allow: ['explain.save-note'] }), /explain\.save-note cannot run unattended/],
      [await policy('future', { version: 2, allow: [] }), /not a valid remediate policy \(version:/],
      [await policy('deep', `${'['.repeat(20_000)}${']'.repeat(20_000)}`), /not a valid remediate policy \(policy: /],
      [await policy('huge', `{"version":1,"allow":[],"x":"${'a'.repeat(70_000)}"}`), /a policy is at most 65536 bytes/],
      [join(dir, 'a-folder'), /is not a file/],
      [join(dir, 'missing.json'), /cannot read --policy .*ENOENT/],
    ];
    for (const [file, message] of cases) {
      const r = await run(['remediate', '--apply', '--policy', file], t.env);
      expect(r.code, `${file}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    for (const argv of [['remediate'], ['remediate', '--detect', '--apply'], ['remediate', '--detect', 'extra'], ['remediate', '--detect', '--policy']]) {
      const r = await run(argv, t.env);
      expect(r.code, argv.join(' ')).toBe(2);
    }
    expect(JSON.parse((await run(['history', '--json'], t.env)).stdout)).toEqual([]);
  });

  it('a machine repair (clock 10 minutes off) in the user context is skipped and named, never prompted for', async () => {
    const t = await tree('clock', 'clean');
    const file = await policy('clock', { version: 1, allow: ['clock.resync', 'clock.auto-time-on'], only: ['clock'] });
    // Acting as Windows here, whoami cannot run: the context is the user, not elevated.
    const r = await run(['remediate', '--apply', '--json', '--policy', file], t.env);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.context).toMatchObject({ kind: 'user', elevated: false });
    const resync = doc.fixes.find((f) => f.fixId === 'clock.resync');
    expect(resync).toMatchObject({ outcome: 'skipped', reason: 'needs-elevation', causes: ['clock-skew'] });
    expect(doc.line).toContain('clock.resync (needs root/SYSTEM, never prompts)');
    // Nothing was run: no journal record, so no prompt and no command with administrator rights.
    expect(JSON.parse((await run(['history', '--json'], t.env)).stdout)).toEqual([]);
  });

  it('acting as Linux, a machine repair the policy allows is planned as root, skipped as a user (detect only: never sets the clock)', async () => {
    const t = await tree('clock-linux', 'clean', 'linux');
    const file = await policy('clock-linux', { version: 1, allow: ['clock.resync'], only: ['clock'] });
    const r = await run(['remediate', '--detect', '--json', '--policy', file], t.env);
    const doc = JSON.parse(r.stdout) as Doc;
    const resync = doc.fixes.find((f) => f.fixId === 'clock.resync');
    if (process.getuid?.() === 0) {
      expect(r.code, r.stderr).toBe(1);
      expect(resync).toMatchObject({ outcome: 'planned', causes: ['clock-skew'] });
      expect(doc.line).toMatch(/^Sign-in Doctor: Needs repair: would apply clock\.resync \| /);
    } else {
      expect(r.code, r.stderr).toBe(0);
      expect(resync).toMatchObject({ outcome: 'skipped', reason: 'needs-elevation' });
    }
  });

  it('a per-user repair is refused as root (acting as Linux, where the user id is real)', async () => {
    const t = await tree('root', 'loop', 'linux');
    const file = await policy('linux-teams', { version: 1, allow: ['teams.cache-clear', 'teams.signin-reset'], only: ['teams'] });
    const r = await run(['remediate', '--detect', '--json', '--policy', file], t.env);
    const doc = JSON.parse(r.stdout) as Doc;
    const clear = doc.fixes.find((f) => f.fixId === 'teams.cache-clear');
    if (process.getuid?.() === 0) {
      expect(r.code, r.stderr).toBe(0);
      expect(doc.context).toMatchObject({ kind: 'system', elevated: true });
      expect(clear).toMatchObject({ outcome: 'skipped', reason: 'needs-user-context' });
      expect(doc.line).toContain("teams.cache-clear (needs the user's context, not root/SYSTEM)");
    } else {
      // As an ordinary user the same profile is the user's own: the cache clear would run
      // (Teams for Linux has no separate sign-in to reset, so that plan is blocked).
      expect(r.code, r.stderr).toBe(1);
      expect(clear).toMatchObject({ outcome: 'planned' });
    }
  });

  it('a Conditional Access block alone is reported in the line but is not fixable: exit 0', async () => {
    const t = await tree('ca', 'conditional-access');
    // The default policy's repairs; the network checks left out (they would leave this machine).
    const file = await policy('ca', { version: 1, allow: ['teams.cache-clear', 'teams.signin-reset'], only: ['teams', 'device', 'clock'] });
    const r = await run(['remediate', '--detect', '--json', '--policy', file], t.env);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.error!.codes.map((c) => c.code)).toContain('53003');
    expect(doc.conditionalAccess).toBe(true);
    expect(doc.fixes.filter((f) => f.outcome === 'planned')).toEqual([]);
    expect(r.code, r.stderr).toBe(0);
    expect(doc.line).toMatch(/^Sign-in Doctor: No repair needed \| sign-in error: AADSTS53003 at .* \(Conditional Access: IT decides, no local repair helps\)/);
  });
});
