// Versioned output through the built CLI (`npm run build` first): `schema diagnose|remediate|report|fleet`
// prints a JSON Schema (draft 2020-12) that a standard validator (ajv) compiles, and real documents
// of the same build validate against it: diagnose --json, remediate --json (detect and apply) on a
// real Teams profile tree with a sign-in loop, report.json of a support bundle, and fleet summarize --json. A document with
// a field of the wrong type or without its version does not validate (the schema is not empty).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli } from '../../support/cli';
import { buildTeamsTree } from '../../support/teams-tree';
import { unzipAll } from '../../support/unzip';

async function schemaOf(name: string) {
  const r = await runBuiltCli(['schema', name]);
  expect(r.code, r.stderr).toBe(0);
  const schema = JSON.parse(r.stdout) as Record<string, unknown>;
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  return new Ajv2020({ strict: false, allErrors: true }).compile(schema);
}

describe('schema, built CLI', () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
    dir = tempDir('schema');
    const tree = await buildTeamsTree(join(dir, 'tree'), 'win32', { files: 24, logs: 'loop', clients: ['new'] });
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const log = join(tree.roots.new![0]!, 'Logs/MSTeams_2026-11-23_06-40-00.00.log');
    await writeFile(log, (await readFile(log, 'utf8')).replaceAll('2026-11-23', day));
    env = { ...tree.env, SIGNIN_DOCTOR_STATE_DIR: join(tree.base, 'state') };
  });

  it('diagnose --json validates against `schema diagnose`; a wrong type or a missing version does not', async () => {
    const validate = await schemaOf('diagnose');
    const r = await runBuiltCli(['diagnose', '--only', 'teams', '--json'], { env, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'diagnose', device: { platform: 'win32' } });
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...doc, findings: 'none' })).toBe(false);
    const { schemaVersion: _, ...unversioned } = doc;
    expect(validate(unversioned)).toBe(false);
  });

  it('remediate --json (detect, then apply) validates against `schema remediate`', async () => {
    const validate = await schemaOf('remediate');
    const policy = join(dir, 'policy.json');
    await writeFile(policy, JSON.stringify({ version: 1, allow: ['teams.cache-clear'], only: ['teams'] }));
    for (const mode of ['--detect', '--apply']) {
      const r = await runBuiltCli(['remediate', mode, '--policy', policy, '--json'], { env, timeoutMs: 120_000 });
      const doc = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(r.code, r.stderr).toBe(mode === '--detect' ? 1 : 0);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ ...doc, exitCode: 2 })).toBe(false);
    }
  });

  it("a support bundle's report.json validates against `schema report`", async () => {
    const validate = await schemaOf('report');
    const out = join(dir, 'bundle.zip');
    const r = await runBuiltCli(['report', '--out', out, '--only', 'teams'], { env, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const files = await unzipAll(await readFile(out));
    const doc = JSON.parse(files.get('report.json')!.toString('utf8')) as Record<string, unknown>;
    expect(doc.schemaVersion).toBe(2);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...doc, causes: [{ id: 'x' }] })).toBe(false);
  });

  it('fleet summarize --json over real diagnose documents validates against `schema fleet`', async () => {
    const validate = await schemaOf('fleet');
    const folder = join(dir, 'fleet');
    await mkdir(folder, { recursive: true });
    const r = await runBuiltCli(['diagnose', '--only', 'teams', '--json'], { env, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    await writeFile(join(folder, 'pc-1.json'), r.stdout);
    await writeFile(join(folder, 'broken.json'), '{"schemaVersion": 1, "kind": "diag');
    const summary = await runBuiltCli(['fleet', 'summarize', folder, '--json'], { timeoutMs: 120_000 });
    expect(summary.code, summary.stderr).toBe(0);
    const doc = JSON.parse(summary.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'fleet-summary' });
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...doc, kind: 'diagnose' })).toBe(false);
  });

  it('an unknown or missing document name is a usage error', async () => {
    for (const argv of [['schema'], ['schema', 'bogus'], ['schema', 'diagnose', 'report']]) {
      const r = await runBuiltCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('name one document: diagnose, remediate, report, fleet');
    }
  });
});
