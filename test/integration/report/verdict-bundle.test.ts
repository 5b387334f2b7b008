// The support bundle carries the verdict, through the built CLI (`npm run build` first):
// `report --out F --error-file E` on a real new-Teams profile tree after `fix teams.cache-clear`.
// report.json (schema 2) has `error` and `causes`, report.html shows them, and message-for-it.txt
// lists the error, the causes with their evidence and what was tried (title, time, result).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli } from '../../support/cli';
import { CORRELATION_CA, buildTeamsTree } from '../../support/teams-tree';
import { unzipAll } from '../../support/unzip';

describe('support bundle with the verdict, built CLI', () => {
  beforeAll(() => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  });

  it('report --out F --error-file E: report.json has error and causes; the message lists the causes and what was tried', async () => {
    const tree = await buildTeamsTree(tempDir('verdict-bundle'), 'win32', { files: 24, logs: 'loop', clients: ['new'] });
    const env = { ...tree.env, USER: 'verdictuser', SIGNIN_DOCTOR_STATE_DIR: join(tree.base, 'state') };
    const fix = await runBuiltCli(['fix', 'teams.cache-clear', '--yes', '--json'], { env, timeoutMs: 120_000 });
    expect(fix.code, fix.stderr).toBe(0);
    const errorFile = join(tree.base, 'error.txt');
    await writeFile(errorFile, ['AADSTS53003: Access has been blocked by Conditional Access policies.', `Correlation Id: ${CORRELATION_CA}`, 'Request Id: 8d3f1a52-7c4e-4b9a-a1d6-2f5e8c7b9a03'].join('\n'));
    const out = join(tree.base, 'bundle.zip');
    const r = await runBuiltCli(['report', '--out', out, '--error-file', errorFile, '--only', 'teams', '--json'], { env, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const files = await unzipAll(await readFile(out));

    const report = JSON.parse(files.get('report.json')!.toString('utf8'));
    expect(report.schemaVersion).toBe(2);
    expect(report.error).toMatchObject({ source: { kind: 'pasted' }, family: 'ca-block', correlationId: CORRELATION_CA, codes: [{ code: '53003' }] });
    expect(report.causes.length).toBeGreaterThan(0);
    expect(report.causes[0].id).toBe('ca-not-visible');
    for (const c of report.causes) expect(c.because.length, c.id).toBeGreaterThan(0);
    expect(report.causes.flatMap((c: { fixes: string[] }) => c.fixes)).not.toContain('teams.cache-clear');

    const message = files.get('message-for-it.txt')!.toString('utf8');
    const sections = ['Error code: AADSTS53003', `Correlation ID: ${CORRELATION_CA}`, 'Request ID: 8d3f1a52-7c4e-4b9a-a1d6-2f5e8c7b9a03', 'Most likely causes (strongest first):', `1. ${report.causes[0].title}`, `   - ${report.causes[0].because[0].fact}`, 'What I already tried:', 'This device:'];
    let at = -1;
    for (const s of sections) {
      const i = message.indexOf(s);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
    expect(message).toMatch(/- \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC {2}.+ \(teams\.cache-clear\): (verified|applied, not verified yet)/);

    const html = files.get('report.html')!.toString('utf8');
    expect(html).toContain('<h2>Verdict</h2>');
    expect(html).toContain('ca-not-visible');
    expect(html).not.toContain('<script');
  });
});
