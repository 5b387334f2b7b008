// The support bundle through the real code path, the built CLI (`signin-doctor report --out`):
// Teams log trees (new and classic Teams on Windows paths, teams-for-linux) whose sign-in failure
// lines carry generated secrets of every family in every encoding (test/support/planted-secrets.ts),
// and a pasted error text full of them. The zip is read back and every file scanned for every
// secret, or any 10-character piece of one, behind any encoding. The Teams log file must hold the
// catalogued facts of the failure lines and nothing of the lines themselves.
import { existsSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli } from '../../support/cli';
import { findLeaks, plantedCases, type PlantedCase } from '../../support/planted-secrets';
import { buildTeamsTree, type TreePlatform } from '../../support/teams-tree';
import { unzipAll } from '../../support/unzip';

/** A word that is only on the planted log lines: if it reaches the bundle, a raw line did. */
const RAW_MARK = 'RAWLINEMARK7Q';
const guidOf = (i: number) => `c0ffee00-0000-4000-8000-${String(i).padStart(12, '0')}`;
const clock = (i: number) => `07:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;

function plantedLine(platform: 'new' | 'classic' | 'linux', i: number, c: PlantedCase): string {
  const body = `AADSTS53003 Correlation ID: ${guidOf(i)} ${RAW_MARK} ${c.text}`;
  if (platform === 'classic') return `Mon Nov 23 2026 ${clock(i)} GMT+0000 (Coordinated Universal Time) <4120> -- error -- auth: ${body}`;
  if (platform === 'linux') return `[2026-11-23 ${clock(i)}.000] [error] login: ${body}`;
  return `2026-11-23T${clock(i)}.000000Z 0x00002a10 <ERR> AuthenticationService: acquireToken failed: ${body}`;
}

async function plantedMachine(platform: TreePlatform, cases: PlantedCase[]) {
  const tree = await buildTeamsTree(tempDir(`secret-bundle-${platform}`), platform, { files: 24, logs: 'conditional-access' });
  const logs =
    platform === 'linux'
      ? [{ file: join(tree.roots.linux![0]!, 'logs/main.log'), client: 'linux' as const }]
      : [
          { file: join(tree.roots.new![0]!, 'Logs/MSTeams_2026-11-23_06-40-00.00.log'), client: 'new' as const },
          { file: join(tree.roots.classic![0]!, 'logs.txt'), client: 'classic' as const },
        ];
  for (const { file, client } of logs) await appendFile(file, `${cases.map((c, i) => plantedLine(client, i, c)).join('\n')}\n`);
  const pasted = join(tree.base, 'error.txt');
  await writeFile(
    pasted,
    [
      "Sorry, but we're having trouble signing you in.",
      'AADSTS53003: Access has been blocked by Conditional Access policies.',
      'Correlation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d',
      'Timestamp: 2026-11-23T06:58:02Z',
      ...cases.slice(0, 12).map((c) => `App name: ${c.text}`),
      ...cases.slice(12, 24).map((c) => `Device identifier: ${c.text}`),
      ...cases.map((c) => c.text),
    ].join('\n'),
  );
  return { tree, pasted, env: { ...tree.env, USER: 'plantuser', USERNAME: 'plantuser', SIGNIN_DOCTOR_STATE_DIR: join(tree.base, 'state') } };
}

async function bundle(m: Awaited<ReturnType<typeof plantedMachine>>, extra: string[]) {
  const out = join(m.tree.base, `bundle-${extra.length}.zip`);
  const r = await runBuiltCli(['report', '--out', out, '--error', m.pasted, '--only', 'teams', '--json', ...extra], { env: m.env, timeoutMs: 120_000 });
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ saved: true, path: out });
  const zip = await readFile(out);
  return { zip, files: await unzipAll(zip) };
}

function leaksIn(files: Map<string, Buffer>, cases: PlantedCase[]): string[] {
  const secrets = cases.flatMap((c) => c.secrets);
  return [...files].flatMap(([name, content]) => [...findLeaks(content.toString('utf8'), secrets, name), ...findLeaks(name, secrets, `file name ${name}`)]);
}

describe('support bundle from the built CLI, with generated secrets on Teams log failure lines', () => {
  const cases = plantedCases(53003);

  beforeAll(() => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  });

  it('new and classic Teams (Windows paths): no secret and no raw line in any file; the facts are there', async () => {
    const m = await plantedMachine('win32', cases);
    const { files } = await bundle(m, []);
    expect([...files.keys()]).toEqual(['message-for-it.txt', 'report.json', 'report.html', 'fix-history.json', 'logs/teams-sign-in.txt']);
    expect(leaksIn(files, cases)).toEqual([]);
    for (const [name, content] of files) expect(content.toString('utf8'), name).not.toContain(RAW_MARK);

    const log = files.get('logs/teams-sign-in.txt')!.toString('utf8');
    const newest = cases.length - 1;
    expect(log).toContain(`2026-11-23T${clock(newest)}.000Z  AADSTS53003 BlockedByConditionalAccess  Correlation ID ${guidOf(newest)}`);
    expect(log).toMatch(/new Teams, \[home\][\\/]AppData[\\/]Local[\\/]Packages[\\/]MSTeams_8wekyb3d8bbwe[\\/].*MSTeams_2026-11-23_06-40-00\.00\.log, line \d+/);
    expect(log).toMatch(/classic Teams, \[home\][\\/]AppData[\\/]Roaming[\\/]Microsoft[\\/]Teams[\\/]logs\.txt, line \d+/);
    expect(log).not.toContain(m.tree.home);

    const report = JSON.parse(files.get('report.json')!.toString('utf8'));
    const failure = report.findings.find((f: { id: string }) => f.id === 'teams.log-signin-failure');
    expect(Object.keys(failure.evidence).sort()).toEqual(['code', 'conditionalAccess', 'correlationId', 'failures', 'file', 'lines', 'time']);
    expect(failure.evidence.failures[0]).toEqual({ time: `2026-11-23T${clock(newest)}.000Z`, codes: [{ code: 'AADSTS53003', name: 'BlockedByConditionalAccess' }], correlationId: guidOf(newest), client: expect.stringMatching(/^(new|classic)$/), file: expect.stringMatching(/^\[home\]/), line: expect.any(Number) });
    // The counts say which rules fired (on the pasted text and the paths).
    expect(Object.keys(report.redaction.rules)).toEqual(expect.arrayContaining(['home-folder']));
    // The verdict (schema 2) is built from the same pasted text: its error and causes are in the files scanned above.
    expect(report.error).toMatchObject({ source: { kind: 'pasted' }, correlationId: 'e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d' });
    expect(report.causes.length).toBeGreaterThan(0);
    const message = files.get('message-for-it.txt')!.toString('utf8');
    expect(message).toContain('Most likely causes (strongest first):');
    expect(message).toContain('AADSTS53003');
    expect(message).toContain('e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d');
  });

  it('teams-for-linux with --include-personal: paths and names may come, secrets never', async () => {
    const m = await plantedMachine('linux', cases);
    const { zip, files } = await bundle(m, ['--include-personal']);
    expect(leaksIn(files, cases)).toEqual([]);
    expect(findLeaks(zip.toString('latin1'), cases.flatMap((c) => c.secrets).filter((s) => s.length >= 10), 'zip bytes')).toEqual([]);
    for (const [name, content] of files) expect(content.toString('utf8'), name).not.toContain(RAW_MARK);
    const log = files.get('logs/teams-sign-in.txt')!.toString('utf8');
    expect(log).toContain(`teams-for-linux, ${join(m.tree.home, '.config', 'teams-for-linux', 'logs', 'main.log')}, line`);
    const report = JSON.parse(files.get('report.json')!.toString('utf8'));
    expect(report.redaction.personal).toBe('included');
    // With personal data kept, the causes and their facts still carry no secret (scanned above) and are there.
    expect(report.causes.length).toBeGreaterThan(0);
    expect(report.error.codes.map((c: { code: string }) => c.code)).toContain('53003');
  });
});
