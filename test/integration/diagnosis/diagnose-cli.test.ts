// The verdict through the built CLI (`npm run build` first): `diagnose --error-file F --json` and
// the Teams-log path on a real profile tree (new Teams on Windows paths, its 53003 line moved to
// yesterday so it is within the last 7 days), with the clock measured against a loopback SNTP
// server 200 ms off and the HTTPS Date fallback pointed at a refused loopback port: nothing leaves
// the machine. Checks the error source (file, time), the top cause, the IT lookup with the
// Correlation ID, that no cache clear or sign-in reset is offered for the 53003, that a secret in
// the pasted text never reaches the output, and the usage errors of --error-file.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli } from '../../support/cli';
import { startScriptedNtp, type ScriptedNtp } from '../../support/ntp-server';
import { CORRELATION_CA, buildTeamsTree } from '../../support/teams-tree';

interface Cause {
  id: string;
  strength: string;
  fixes: string[];
  itActions: string[];
  because: Array<{ findingId: string; fact: string }>;
}

const RESETS = ['teams.cache-clear', 'teams.signin-reset'];
const SECRET = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwbGFudGVkLXNlY3JldC11c2VyIn0.c2lnbmF0dXJlLXBsYW50ZWQtOTk';

describe('diagnose with causes, built CLI', () => {
  let ntp: ScriptedNtp;
  let dir: string;
  let config: string;

  beforeAll(async () => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
    ntp = await startScriptedNtp({ kind: 'offset', offsetMs: 200 });
    dir = tempDir('diagnose-causes');
    config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ clock: { servers: [ntp.server], dateUrl: 'http://127.0.0.1:9/', timeoutMs: 10_000 } }));
  });
  afterAll(async () => {
    await ntp?.stop();
  });

  it('--error-file F --json: the pasted 53003, its causes, the clock ruled out with its value; the secret never shows', async () => {
    const file = join(dir, 'error.txt');
    await writeFile(file, ["Sorry, but we're having trouble signing you in.", 'AADSTS53003: Access has been blocked by Conditional Access policies.', `Correlation Id: ${CORRELATION_CA}`, 'Timestamp: 2026-11-23T06:58:02Z', `App name: ${SECRET}`, `Authorization: Bearer ${SECRET}`].join('\n'));
    const r = await runBuiltCli(['diagnose', '--error-file', file, '--only', 'clock', '--json', '--config', config, '--state-dir', join(dir, 'state')], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.error).toMatchObject({ source: { kind: 'pasted' }, family: 'ca-block', correlationId: CORRELATION_CA, codes: [{ code: '53003' }] });
    const causes: Cause[] = out.causes;
    expect(causes[0]!.id).toBe('ca-not-visible');
    expect(causes[0]!.itActions.join('\n')).toContain(`Correlation ID ${CORRELATION_CA}`);
    const clock = causes.find((c) => c.id === 'clock-skew')!;
    expect(clock.strength).toBe('ruled-out');
    expect(clock.because[0]!.fact).toMatch(/Clock 0\.[123] s (slow|fast)/);
    expect(causes.flatMap((c) => c.fixes).filter((f) => RESETS.includes(f))).toEqual([]);
    expect(out.findings.map((f: { id: string }) => f.id)).toContain('clock.skew');
    for (const text of [r.stdout, r.stderr]) expect(text).not.toContain(SECRET.slice(0, 24));
  });

  it('Teams-log path: the newest 53003 of the last 7 days (file and time), "not visible from here" on top, no cache clear', async () => {
    const tree = await buildTeamsTree(join(dir, 'tree'), 'win32', { files: 24, logs: 'conditional-access', clients: ['new'] });
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const log = join(tree.roots.new![0]!, 'Logs/MSTeams_2026-11-23_06-40-00.00.log');
    await writeFile(log, (await readFile(log, 'utf8')).replaceAll('2026-11-23', day));
    const env = { ...tree.env, SIGNIN_DOCTOR_STATE_DIR: join(tree.base, 'state'), SIGNIN_DOCTOR_CONFIG: config };
    const r = await runBuiltCli(['diagnose', '--only', 'teams,device,clock', '--json'], { env, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.error.source).toEqual({ kind: 'teams-log', client: 'new', file: log, line: expect.any(Number), time: `${day}T06:41:12.345Z` });
    expect(out.error.codes.map((c: { code: string }) => c.code)).toContain('53003');
    const causes: Cause[] = out.causes;
    expect(causes[0]!.id).toBe('ca-not-visible');
    expect(causes[0]!.itActions.join('\n')).toContain(CORRELATION_CA);
    expect(causes[0]!.itActions.join('\n')).toContain(day);
    // dsregcmd cannot run here: the device causes stay possible ("could not read" is no evidence).
    expect(causes.find((c) => c.id === 'device-registration')?.strength).toBe('possible');
    expect(causes.find((c) => c.id === 'clock-skew')?.strength).toBe('ruled-out');
    expect(causes.flatMap((c) => c.fixes).filter((f) => RESETS.includes(f))).toEqual([]);

    const human = await runBuiltCli(['diagnose', '--only', 'teams,device,clock'], { env, timeoutMs: 120_000 });
    expect(human.code, human.stderr).toBe(0);
    const lines = human.stdout.split('\n');
    expect(lines[0]).toMatch(/^Verdict: AADSTS53003 \(BlockedByConditionalAccess\): /);
    expect(human.stdout.indexOf('Causes (strongest first):')).toBeLessThan(human.stdout.indexOf('Findings:'));
    expect(human.stdout).toContain('1. [POSSIBLE] The condition that failed is not visible from this computer');

    const noLogs = await runBuiltCli(['diagnose', '--only', 'teams', '--no-logs', '--json'], { env, timeoutMs: 120_000 });
    expect(noLogs.code, noLogs.stderr).toBe(0);
    const quiet = JSON.parse(noLogs.stdout);
    expect(quiet.error).toBeUndefined();
    expect(quiet.findings.map((f: { id: string }) => f.id)).not.toContain('teams.log-signin-failure');
  });

  it('a bad --error-file is exit 2 with a clear message: missing, too big, binary', async () => {
    const big = join(dir, 'big.txt');
    await writeFile(big, Buffer.alloc(4 * 1024 * 1024 + 1, 0x41));
    const binary = join(dir, 'shot.png');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'nope.txt'), /cannot read the error file .*ENOENT/],
      [big, /larger than 4 MB/],
      [binary, /is binary, not text/],
      [dir, /not a file|EISDIR/],
    ];
    for (const [file, message] of cases) {
      const r = await runBuiltCli(['diagnose', '--error-file', file, '--only', 'clock', '--json', '--state-dir', join(dir, 'state')], { timeoutMs: 60_000 });
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toMatch(message);
    }
    const both = await runBuiltCli(['diagnose', '--error', 'AADSTS53003', '--error-file', big, '--json', '--state-dir', join(dir, 'state')], { timeoutMs: 60_000 });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
  });
});
