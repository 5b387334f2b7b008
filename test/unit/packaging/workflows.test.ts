// The GitHub workflows cannot run here, so they are linted: parsed with `yaml`, validated against a
// compact schema of the workflow syntax (our own: SchemaStore is not reachable), and checked for
// the invariants of issue 7 (three OSes, `npm test`, installers uploaded, secrets only via
// `secrets.` and only through env, never spliced into a script) and of issue 11 (the optional PC/SC
// binding is built, loads and is packaged unpacked on every OS, else the release fails: its
// check scripts are run here against real asar archives laid out as each OS's build leaves them;
// the Electron job packages the app, reads its fuses back and starts the real app, and what of it
// can run here does: test/electron/runnable-here.ts).
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { electronJobToolsSuite } from '../../electron/runnable-here';

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
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  'continue-on-error'?: boolean | string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  defaults?: { run?: { shell?: string } };
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

  it('every test job ends in npm test (Linux through .ci/run, which installs its apt packages and runs npm test)', () => {
    const ciRun = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ciRun).toMatch(/^npm test$/m);
    expect(ciRun).toMatch(/apt-get install[\s\S]*pcscd[\s\S]*chromium|apt-get install[\s\S]*chromium[\s\S]*pcscd/);
    expect(Object.keys(ci.jobs).sort()).toEqual(['desktop', 'electron', 'linux']);
    for (const [name, job] of Object.entries(ci.jobs).filter(([n]) => n !== 'electron')) {
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

describe('ci.yml: the Electron job (package, read the fuses back, start the real app)', () => {
  const job = ci.jobs.electron!;
  const runs = job.steps.map((s) => s.run ?? '');
  const index = (re: RegExp) => runs.findIndex((r) => re.test(r));

  it('runs on Linux, Windows and macOS with Node 22, downloads Electron, and fails rather than skips without it', () => {
    expect(new Set(jobOses(job))).toEqual(new Set(['ubuntu-latest', 'windows-latest', 'macos-latest']));
    expect(job.env?.SIGNIN_DOCTOR_ELECTRON_TESTS).toBe('required');
    for (const env of [job.env ?? {}, ...job.steps.map((s) => s.env ?? {})]) {
      expect(env).not.toHaveProperty('ELECTRON_SKIP_BINARY_DOWNLOAD');
      expect(env).not.toHaveProperty('ELECTRON_OVERRIDE_DIST_PATH');
    }
    // The electron package's downloader (@electron/get 5) needs Node 22.12+.
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(22);
  });

  it('installs, downloads the binary, builds, packages with --dir, reads the fuses back, then runs npm run test:electron', () => {
    const order = [
      index(/^npm ci\b/m),
      index(/^node node_modules\/electron\/install\.js$/m),
      index(/^npm run build$/m),
      index(/^npx electron-builder --dir --publish never\b/m),
      index(/^node scripts\/read-fuses\.mjs release$/m),
      index(/^xvfb-run -a npm run test:electron$/m),
    ];
    expect(order.every((i) => i >= 0), JSON.stringify(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(index(/^npm run test:electron$/m)).toBeGreaterThan(order[4]!);
    // read-fuses reads the folder electron-builder writes.
    expect((parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { directories: { output: string } }).directories.output).toBe('release');
    // Linux under a virtual display, with user namespaces for the real sandbox; the others directly.
    expect(job.steps.find((s) => /^xvfb-run -a npm run test:electron$/m.test(s.run ?? ''))?.if).toBe("runner.os == 'Linux'");
    expect(job.steps.find((s) => /^npm run test:electron$/m.test(s.run ?? ''))?.if).toBe("runner.os != 'Linux'");
    const linuxSetup = job.steps.find((s) => /apt-get install[^\n]*xvfb/.test(s.run ?? ''));
    expect(linuxSetup?.if).toBe("runner.os == 'Linux'");
    expect(linuxSetup?.run).toContain('libpcsclite-dev');
    expect(linuxSetup?.run).toContain('kernel.apparmor_restrict_unprivileged_userns=0');
    expect(runs.join('\n')).not.toContain('--no-sandbox');
    // Not PowerShell, which splits `-c.electronFuses.resetAdHocDarwinSignature=true` at its dots.
    expect(job.defaults).toEqual({ run: { shell: 'bash' } });
  });

  it('test:electron is its own script: not part of npm test, not a project of vitest.config.ts', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['test:electron']).toBe('node test/electron/run.mjs');
    expect(pkg.scripts.test).not.toMatch(/electron\.config|test:electron|test\/electron/);
    expect(readFileSync(join(ROOT, 'vitest.config.ts'), 'utf8')).not.toContain('test/electron');
    expect(readFileSync(join(ROOT, 'vitest.electron.config.ts'), 'utf8')).toContain("include: ['test/electron/**/*.test.ts']");
  });
});

electronJobToolsSuite();

describe('release.yml', () => {
  it('builds on the three OSes with electron-builder and never publishes by itself', () => {
    expect(new Set(jobOses(release.jobs.build!))).toEqual(new Set(['ubuntu-latest', 'windows-latest', 'macos-latest']));
    const pack = release.jobs.build!.steps.find((s) => /electron-builder/.test(s.run ?? ''));
    expect(pack?.run).toMatch(/--publish never/);
    // electron-builder downloads Electron through the electron package's downloader, which needs Node 22.12+.
    expect(release.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(22);
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

/** Runs a `shell: node {0}` step's script as the runner does: from a file outside the checkout, in `cwd`. */
function runStep(step: Step, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stderr: string; stdout: string }> {
  expect(step.shell).toBe('node {0}');
  const file = join(tempDir('workflow-step'), 'step'); // no extension, no package.json: CommonJS, like the runner's temp file
  writeFileSync(file, step.run!);
  return new Promise((done) => {
    execFile(process.execPath, [file], { cwd, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe('release.yml: the PC/SC binding (an optional dependency) is in every installer', () => {
  const steps = release.jobs.build!.steps;
  const at = (test: (s: Step) => boolean, what: string) => {
    const i = steps.findIndex(test);
    if (i < 0) throw new Error(`release.yml has no step for ${what}`);
    return i;
  };
  const install = at((s) => /^npm ci\b/m.test(s.run ?? ''), 'npm ci');
  const loads = at((s) => /req\('smartcard'\)/.test(s.run ?? ''), 'the binding-loads check');
  const build = at((s) => /^npm run build$/m.test(s.run ?? ''), 'npm run build');
  const cliCheck = at((s) => /dist\/cli\.js/.test(s.run ?? '') && /cac\.binding-missing/.test(s.run ?? ''), 'the built-CLI check');
  const pack = at((s) => /electron-builder/.test(s.run ?? ''), 'electron-builder');
  const packaged = at((s) => /app\.asar\.unpacked/.test(s.run ?? '') && s.shell === 'node {0}', 'the packaged-app check');
  const deb = at((s) => /dpkg-deb -c/.test(s.run ?? ''), 'the deb check');
  const upload = at((s) => Boolean(s.uses?.startsWith('actions/upload-artifact@')), 'upload');

  it('builds the binding on every OS: optional dependencies are installed, the PC/SC headers come first on Linux', () => {
    expect(steps[install]!.run).not.toMatch(/--omit[= ]optional|--no-optional|--ignore-scripts/);
    const headers = at((s) => /apt-get install[^\n]*libpcsclite-dev/.test(s.run ?? ''), 'libpcsclite-dev');
    expect(headers).toBeLessThan(install);
    expect(steps[headers]!.if).toMatch(/runner\.os == 'Linux'/);
  });

  it('checks it after the install, after the build and after packaging, before anything is uploaded, on every OS, and a failed check fails the job', () => {
    expect(install < loads && loads < build && build < cliCheck && cliCheck < pack && pack < packaged && packaged < deb && deb < upload).toBe(true);
    for (const i of [loads, cliCheck, packaged]) {
      expect(steps[i]!.if, steps[i]!.name).toBeUndefined();
      expect(steps[i]!['continue-on-error'], steps[i]!.name).toBeUndefined();
      expect(steps[i]!.run, steps[i]!.name).toMatch(/process\.exit\(1\)/);
    }
    expect(steps[deb]!.if).toMatch(/runner\.os == 'Linux'/);
    expect(steps[deb]!.run).toMatch(/app\\\.asar\\\.unpacked\/node_modules\/smartcard\/build\/Release\/.*\\\.node/);
    expect(steps[deb]!['continue-on-error']).toBeUndefined();
  });

  it('the install check passes where the binding loads and fails where npm skipped it', async () => {
    // This checkout: the binding is required on Linux and in CI (test/unit/main/cac/smartcard-binding.test.ts).
    let here = true;
    try {
      createRequire(join(ROOT, 'package.json'))('smartcard');
    } catch {
      here = false;
    }
    const ok = await runStep(steps[loads]!, ROOT);
    expect({ code: ok.code, loads: here }).toEqual({ code: here ? 0 : 1, loads: here });
    if (here) expect(ok.stdout).toMatch(/smartcard loads: .*node_modules/);
    // A checkout whose install skipped it.
    const bare = tempDir('no-smartcard');
    writeFileSync(join(bare, 'package.json'), '{"name":"bare","private":true}');
    mkdirSync(join(bare, 'node_modules'));
    const missing = await runStep(steps[loads]!, bare);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/::error::the PC\/SC binding \(smartcard\) was not built or does not load/);
  });

  describe('the packaged-app check, on real asar archives laid out as each OS leaves them', () => {
    const asar = createRequire(join(ROOT, 'package.json'))('@electron/asar') as {
      createPackageWithOptions(src: string, dest: string, options: { unpack?: string }): Promise<unknown>;
    };
    const NATIVE = Buffer.from('\x7fELF stand-in for smartcard_napi.node');

    /** The app as electron-builder stages it: our dist, package.json and the production node_modules. */
    function stage(withSmartcard: boolean): string {
      const src = tempDir('asar-src');
      const put = (rel: string, body: string | Buffer) => {
        mkdirSync(dirname(join(src, rel)), { recursive: true });
        writeFileSync(join(src, rel), body);
      };
      put('package.json', '{"name":"signin-doctor","main":"dist/main/index.js"}');
      put('dist/main/index.js', '');
      put('node_modules/zod/package.json', '{"name":"zod"}');
      if (withSmartcard) {
        put('node_modules/smartcard/package.json', '{"name":"smartcard","main":"dist/lib/index.js"}');
        put('node_modules/smartcard/dist/lib/index.js', "module.exports = require('../../build/Release/smartcard_napi.node');");
        put('node_modules/smartcard/build/Release/smartcard_napi.node', NATIVE);
      }
      return src;
    }

    async function packed(resources: string, options: { smartcard?: boolean; unpack?: boolean } = {}): Promise<string> {
      const release = join(tempDir('release'), 'release');
      const dest = join(release, resources, 'app.asar');
      mkdirSync(dirname(dest), { recursive: true });
      await asar.createPackageWithOptions(stage(options.smartcard ?? true), dest, options.unpack === false ? {} : { unpack: '*.node' });
      return release;
    }

    const check = (release: string, os: string) => runStep(steps[packaged]!, ROOT, { RELEASE_DIR: release, RUNNER_OS: os });

    it.each([
      ['Linux', 'linux-unpacked/resources'],
      ['Windows', 'win-unpacked/resources'],
      ['macOS', 'mac-arm64/Sign-in Doctor.app/Contents/Resources'],
      ['macOS', 'mac/Sign-in Doctor.app/Contents/Resources'],
    ])('%s, %s: passes and names the unpacked .node file', async (os, resources) => {
      const r = await check(await packed(resources), os);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(new RegExp(`smartcard[\\\\/]build[\\\\/]Release[\\\\/]smartcard_napi\\.node: ${NATIVE.length} bytes, unpacked`));
    });

    it('fails when the optional binding was not packaged at all (npm skipped it on the runner)', async () => {
      const r = await check(await packed('linux-unpacked/resources', { smartcard: false }), 'Linux');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/::error::.*holds no node_modules\/smartcard/);
    });

    it('fails when the .node file stayed inside the asar (asarUnpack lost it)', async () => {
      const r = await check(await packed('win-unpacked/resources', { unpack: false }), 'Windows');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/::error::.*has no \.node file: the PC\/SC binding is not unpacked/);
    });

    it('fails when the unpacked file is gone or differs from what the asar lists', async () => {
      const release = await packed('linux-unpacked/resources');
      const file = join(release, 'linux-unpacked/resources/app.asar.unpacked/node_modules/smartcard/build/Release/smartcard_napi.node');
      writeFileSync(file, Buffer.concat([NATIVE, NATIVE]));
      const differs = await check(release, 'Linux');
      expect(differs.code).toBe(1);
      expect(differs.stderr).toMatch(/the asar says/);
      rmSync(file);
      const gone = await check(release, 'Linux');
      expect(gone.code).toBe(1);
      expect(gone.stderr).toMatch(/has no \.node file/);
    });

    it('fails when this OS built no app (another OS\'s layout does not count)', async () => {
      const r = await check(await packed('win-unpacked/resources'), 'Linux');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/::error::no packaged Linux app/);
    });
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
