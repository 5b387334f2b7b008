// The GitHub workflows cannot run here, so they are linted: parsed with `yaml`, validated against a
// compact schema of the workflow syntax (our own: SchemaStore is not reachable), and checked for
// the invariants of issue 7 (three OSes, `npm test`, installers uploaded, secrets only via
// `secrets.` and only through env, never spliced into a script).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

const stringMap = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } };
const expression = { type: 'string', pattern: '^\\$\\{\\{.*\\}\\}$' };

const step = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
    name: { type: 'string' },
    if: { type: ['string', 'boolean'] },
    uses: { type: 'string', pattern: '^(\\./|docker://|[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[A-Za-z0-9_.-]+$)' },
    run: { type: 'string', minLength: 1 },
    shell: { type: 'string' },
    with: stringMap,
    env: stringMap,
    'working-directory': { type: 'string' },
    'continue-on-error': { type: ['boolean', 'string'] },
    'timeout-minutes': { type: ['number', 'string'] },
  },
  additionalProperties: false,
  oneOf: [{ required: ['uses'], not: { required: ['run'] } }, { required: ['run'], not: { required: ['uses'] } }],
};

const job = {
  type: 'object',
  required: ['runs-on', 'steps'],
  properties: {
    name: { type: 'string' },
    'runs-on': { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
    needs: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    if: { type: ['string', 'boolean'] },
    permissions: { anyOf: [{ type: 'string' }, stringMap] },
    environment: { type: ['string', 'object'] },
    concurrency: { type: ['string', 'object'] },
    outputs: stringMap,
    env: stringMap,
    defaults: { type: 'object' },
    'timeout-minutes': { type: ['number', 'string'] },
    'continue-on-error': { type: ['boolean', 'string'] },
    container: { anyOf: [{ type: 'string' }, { type: 'object', required: ['image'] }] },
    services: { type: 'object' },
    strategy: {
      type: 'object',
      properties: {
        matrix: { anyOf: [{ type: 'object', minProperties: 1 }, expression] },
        'fail-fast': { type: ['boolean', 'string'] },
        'max-parallel': { type: ['number', 'string'] },
      },
      additionalProperties: false,
    },
    steps: { type: 'array', minItems: 1, items: step },
  },
  additionalProperties: false,
};

const EVENTS = ['push', 'pull_request', 'pull_request_target', 'workflow_dispatch', 'workflow_call', 'schedule', 'release', 'workflow_run'];
const WORKFLOW_SCHEMA = {
  type: 'object',
  required: ['on', 'jobs'],
  properties: {
    name: { type: 'string' },
    'run-name': { type: 'string' },
    on: {
      anyOf: [
        { type: 'string', enum: EVENTS },
        { type: 'array', items: { type: 'string', enum: EVENTS } },
        { type: 'object', propertyNames: { enum: EVENTS }, minProperties: 1 },
      ],
    },
    permissions: { anyOf: [{ type: 'string' }, stringMap] },
    env: stringMap,
    defaults: { type: 'object' },
    concurrency: { type: ['string', 'object'] },
    jobs: { type: 'object', minProperties: 1, propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' }, additionalProperties: job },
  },
  additionalProperties: false,
};

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  container?: string;
  strategy?: { matrix: { os?: string[]; include?: Array<{ os: string }> } };
  steps: Step[];
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
  permissions?: Record<string, string>;
}

const load = (name: string) => parse(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;
const validate = new Ajv({ strict: false, allErrors: true }).compile(WORKFLOW_SCHEMA);
const ci = load('ci.yml');
const release = load('release.yml');

/** The OSes a job runs on: its runs-on, or the matrix values it names. */
function jobOses(job: Job): string[] {
  const runsOn = job['runs-on'];
  if (!runsOn.includes('matrix.os')) return [runsOn];
  const matrix = job.strategy!.matrix;
  return [...(matrix.os ?? []), ...(matrix.include ?? []).map((i) => i.os)];
}

const allSteps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps);
const allEnvs = (wf: Workflow) => [...Object.values(wf.jobs).map((j) => j.env ?? {}), ...allSteps(wf).map((s) => s.env ?? {})];

describe('workflow schema', () => {
  for (const [name, wf] of [
    ['ci.yml', ci],
    ['release.yml', release],
  ] as const) {
    it(`${name} is a valid workflow`, () => {
      const ok = validate(wf);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it('rejects what GitHub would reject: a step with both uses and run, a job without runs-on, an unknown key', () => {
    const job = ci.jobs.desktop!;
    expect(validate({ ...ci, jobs: { x: { ...job, steps: [{ uses: 'actions/checkout@v4', run: 'echo' }] } } })).toBe(false);
    expect(validate({ ...ci, jobs: { x: { steps: job.steps } } })).toBe(false);
    expect(validate({ ...ci, jobs: { x: { ...job, 'runs_on': 'ubuntu-latest' } } })).toBe(false);
    expect(validate({ ...ci, jobs: { x: { ...job, steps: [{ uses: 'actions/checkout' }] } } })).toBe(false); // no version
    expect(validate({ ...ci, on: 'pushh' })).toBe(false);
  });
});

describe('ci.yml', () => {
  it('runs on Linux, Windows and macOS', () => {
    const oses = Object.values(ci.jobs).flatMap(jobOses);
    expect(new Set(oses)).toEqual(new Set(['ubuntu-latest', 'windows-latest', 'macos-latest']));
  });

  it('every job ends in npm test (Linux through .ci/run, which installs its apt packages and runs npm test)', () => {
    const ciRun = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ciRun).toMatch(/^npm test$/m);
    expect(ciRun).toMatch(/apt-get install[\s\S]*pcscd[\s\S]*chromium|apt-get install[\s\S]*chromium[\s\S]*pcscd/);
    for (const [name, job] of Object.entries(ci.jobs)) {
      const runs = job.steps.map((s) => s.run ?? '');
      expect(runs.some((r) => /^npm test$/m.test(r) || /(^|\s)(bash\s+)?\.ci\/run\s*$/m.test(r)), name).toBe(true);
    }
    // Linux runs on the Debian release the packages of .ci/run come from, with Node 20.
    expect(ci.jobs.linux!.container).toMatch(/^node:20-bookworm$/);
  });

  it('installs from the lockfile and never fetches the Electron binary for tests', () => {
    expect(ci.jobs.desktop!.steps.some((s) => /npm ci\b/.test(s.run ?? ''))).toBe(true);
    expect(ci.jobs.desktop!.env?.ELECTRON_SKIP_BINARY_DOWNLOAD).toBe('1');
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
  });
});

describe('release.yml', () => {
  it('builds on the three OSes with electron-builder and never publishes by itself', () => {
    expect(new Set(jobOses(release.jobs.build!))).toEqual(new Set(['ubuntu-latest', 'windows-latest', 'macos-latest']));
    const pack = release.jobs.build!.steps.find((s) => /electron-builder/.test(s.run ?? ''));
    expect(pack?.run).toMatch(/--publish never/);
  });

  it('uploads the installers of every OS and fails when none were made', () => {
    const upload = release.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.['if-no-files-found']).toBe('error');
    const patterns = (release.jobs.build!.strategy!.matrix.include as Array<{ os: string; artifacts: string }>).map((i) => i.artifacts).join('\n');
    for (const ext of ['exe', 'dmg', 'AppImage', 'deb']) expect(patterns).toContain(`release/*.${ext}`);
    expect(release.jobs.checksums!.steps.some((s) => /sha256sum/.test(s.run ?? ''))).toBe(true);
  });

  it('takes every signing secret as optional', () => {
    const declared = (release.on.workflow_call as { secrets: Record<string, { required: boolean }> }).secrets;
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']) {
      expect(declared[name], name).toEqual({ required: false });
      const env = allEnvs(release).find((e) => name in e);
      expect(env?.[name], name).toBe(`\${{ secrets.${name} }}`);
    }
  });
});

describe('secrets and script injection, in both workflows', () => {
  const SECRETISH = /CSC|APPLE|PASSWORD|TOKEN|SECRET|KEY|CERT/i;

  it('secret-looking variables only ever hold ${{ secrets.NAME }}', () => {
    for (const wf of [ci, release]) {
      for (const env of allEnvs(wf)) {
        for (const [key, value] of Object.entries(env)) {
          if (SECRETISH.test(key)) expect(String(value), key).toMatch(/^\$\{\{\s*secrets\.[A-Z0-9_]+\s*\}\}$/);
        }
      }
    }
  });

  it('no script splices secrets or event data into a shell command; secrets appear only in env', () => {
    for (const wf of [ci, release]) {
      for (const s of allSteps(wf)) {
        expect(s.run ?? '').not.toMatch(/\$\{\{\s*(secrets\.|github\.event|github\.head_ref|inputs\.)/);
        expect(JSON.stringify(s.with ?? {})).not.toMatch(/secrets\./);
      }
    }
  });

  it('the token is read-only by default', () => {
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(release.permissions).toEqual({ contents: 'read' });
  });
});
