import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../../support/cli';
import { tempDir } from '../../../support/browser';

const state = () => ['--state-dir', join(tempDir('cli'), 'state')];

describe('CLI contract', () => {
  it('--version and --help exit 0; --help lists the testing switches', async () => {
    const version = await runCliInProcess(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
    const help = await runCliInProcess(['--help']);
    expect(help.code).toBe(0);
    for (const word of ['explain', 'diagnose', 'fix', 'undo', 'history', '--state-dir', 'SIGNIN_DOCTOR_PLATFORM', 'Exit codes']) expect(help.stdout).toContain(word);
    const cmdHelp = await runCliInProcess(['fix', '--help']);
    expect(cmdHelp.stdout).toContain('--dry-run');
  });

  it('bad usage exits 2 with a clear message, and one JSON document with --json', async () => {
    const unknown = await runCliInProcess(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badFlag = await runCliInProcess(['diagnose', '--bogus', '--json']);
    expect(badFlag.code).toBe(2);
    expect(JSON.parse(badFlag.stdout)).toMatchObject({ error: { code: 'usage' } });
    const badDomain = await runCliInProcess(['diagnose', '--only', 'kitchen', ...state()]);
    expect(badDomain.code).toBe(2);
    expect(badDomain.stderr).toMatch(/unknown domain kitchen/);
    const nothing = await runCliInProcess([]);
    expect(nothing.code).toBe(2);
  });

  it('explain reads text from arguments or stdin and prints exactly one JSON document', async () => {
    const fromArg = await runCliInProcess(['explain', 'AADSTS53003:', 'blocked', '--json', ...state()]);
    expect(fromArg.code).toBe(0);
    const doc = JSON.parse(fromArg.stdout);
    expect(doc.codes.map((c: { code: string }) => c.code)).toContain('53003');
    const fromStdin = await runCliInProcess(['explain', '--json', ...state()], { stdin: 'Error code: AADSTS53003' });
    expect(JSON.parse(fromStdin.stdout).codes[0].code).toBe('53003');
    const noInput = await runCliInProcess(['explain', ...state()]);
    expect(noInput.code).toBe(2);
    const missingFile = await runCliInProcess(['explain', '--file', '/nonexistent/x.txt', ...state()]);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toMatch(/cannot read/);
  });

  it('fix: dry-run changes nothing; no terminal and no --yes refuses; --yes applies; undo and history', async () => {
    const dir = join(tempDir('cli-fix'), 'state');
    const args = ['--state-dir', dir];
    const dry = await runCliInProcess(['fix', 'explain.save-note', '--dry-run', '--json', ...args], { stdin: 'AADSTS53003' });
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, plan: { fixId: 'explain.save-note', undoable: true } });
    expect(existsSync(join(dir, 'journal'))).toBe(false);

    const refused = await runCliInProcess(['fix', 'explain.save-note', ...args], { stdin: 'AADSTS53003' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/without --yes/);

    const applied = await runCliInProcess(['fix', 'explain.save-note', '--yes', '--json', ...args], { stdin: 'AADSTS53003' });
    expect(applied.code).toBe(0);
    const record = JSON.parse(applied.stdout);
    expect(record.status).toBe('verified');
    expect(await readdir(join(dir, 'notes'))).toHaveLength(1);

    const history = JSON.parse((await runCliInProcess(['history', '--json', ...args])).stdout);
    expect(history).toMatchObject([{ runId: record.runId, undoable: true }]);

    const undone = await runCliInProcess(['undo', record.runId, '--json', ...args]);
    expect(undone.code).toBe(0);
    expect(JSON.parse(undone.stdout).status).toBe('undone');
    expect(await readdir(join(dir, 'notes'))).toHaveLength(0);

    const again = await runCliInProcess(['undo', record.runId, '--json', ...args]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).error.code).toBe('conflict');

    const unknownFix = await runCliInProcess(['fix', 'teams.nope', '--yes', ...args]);
    expect(unknownFix.code).toBe(2);
  });

  it('a bad SIGNIN_DOCTOR_PLATFORM or config is bad input (exit 2)', async () => {
    const platform = await runCliInProcess(['history', ...state()], { env: { SIGNIN_DOCTOR_PLATFORM: 'amiga' } });
    expect(platform.code).toBe(2);
    expect(platform.stderr).toMatch(/SIGNIN_DOCTOR_PLATFORM/);
    const config = await runCliInProcess(['history', '--config', '/nonexistent.json', ...state()]);
    expect(config.code).toBe(2);
  });
});
