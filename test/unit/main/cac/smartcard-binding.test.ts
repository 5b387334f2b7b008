// The PC/SC binding (`smartcard`) is an optional dependency: a machine without a C++ toolchain or
// the PC/SC headers installs Sign-in Doctor without it. Here the real loader is pointed at real
// folders: one where Node finds no smartcard package, one holding a package whose native module
// is not a shared library, one holding something else. What comes out is a typed
// PcscBindingMissing at the port, and the check, the supervisor and a card read each turn it into
// the one clear answer (cac.binding-missing / service "unavailable") with the way to get it.
// The last block checks the binding of THIS machine: on Linux and in CI it must be installed and
// load (the suite fails, not skips, when a CI install lost it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINDING_MISSING_FINDING, cacChecks } from '../../../../src/main/cac/cac-checks';
import { readCardOutcome } from '../../../../src/main/cac/card-service';
import { BINDING_MISSING, PcscBindingMissing, PcscError, isBindingMissing } from '../../../../src/main/cac/pcsc-port';
import { PcscSupervisor } from '../../../../src/main/cac/pcsc-supervisor';
import { workerPcscPort } from '../../../../src/main/cac/pcsc-worker-port';
import { SMARTCARD_PACKAGE, loadSmartcard, smartcardAdvice, smartcardPort, smartcardPortWith } from '../../../../src/main/cac/smartcard-binding';
import { createEngineContext } from '../../../../src/main/engine-context';
import type { CacEvent } from '../../../../src/shared/contract/cac';
import { tempDir } from '../../../support/browser';

/** A file in a folder tree with no smartcard package (what a fresh install without build tools has). */
function withoutBinding(): string {
  const app = join(tempDir('no-binding'), 'app');
  mkdirSync(join(app, 'dist'), { recursive: true });
  const from = join(app, 'dist', 'cli.js');
  // The test means something only if Node really finds no smartcard from there (no global one).
  let found: string | undefined;
  try {
    found = createRequire(from).resolve(SMARTCARD_PACKAGE);
  } catch {
    return from;
  }
  throw new Error(`Node finds a smartcard package outside the checkout (${found}); this test needs a machine without one`);
}

/** A file beside node_modules/smartcard whose index is `index`. */
function withPackage(index: string, files: Record<string, string | Buffer> = {}): string {
  const app = join(tempDir('bad-binding'), 'app');
  const pkg = join(app, 'node_modules', SMARTCARD_PACKAGE);
  mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: SMARTCARD_PACKAGE, version: '3.7.0', main: 'index.js' }));
  writeFileSync(join(pkg, 'index.js'), index);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(pkg, name), body);
  mkdirSync(join(app, 'dist'), { recursive: true });
  return join(app, 'dist', 'cli.js');
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const ctx = () => createEngineContext({ env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'linux' }, stateDir: join(tempDir('no-binding-ctx'), 'state') });

describe('loading the optional smartcard package', () => {
  it('where Node finds no smartcard package: a typed "not installed", with the way to get it on this OS', () => {
    const error = caught(() => loadSmartcard(withoutBinding(), 'linux'));
    expect(error).toBeInstanceOf(PcscBindingMissing);
    expect(error).toBeInstanceOf(PcscError);
    const e = error as PcscBindingMissing;
    expect(isBindingMissing(e)).toBe(true);
    expect(e.code).toBe(BINDING_MISSING);
    expect(e.reason).toBe('not-installed');
    expect(e.message).toMatch(/^The PC\/SC binding is not installed: /);
    expect(e.message).toMatch(/everything else works/);
    expect(e.advice).toEqual(smartcardAdvice('not-installed', 'linux'));
    expect(e.advice[0]).toContain('sudo apt install pcscd libpcsclite-dev build-essential python3');
    expect(e.toFailure()).toEqual({ code: BINDING_MISSING, name: 'PC/SC binding not installed', message: e.message, advice: [...e.advice] });
  });

  it('a package whose native module is not a shared library: "cannot load", with the loader\'s reason', () => {
    const from = withPackage("module.exports = require('./build/Release/smartcard_napi.node');\n", { 'build/Release/smartcard_napi.node': Buffer.from('this is not a shared library\n') });
    const error = caught(() => loadSmartcard(from, 'linux')) as PcscBindingMissing;
    expect(error).toBeInstanceOf(PcscBindingMissing);
    expect(error.reason).toBe('cannot-load');
    expect(error.message).toMatch(/^The PC\/SC binding is installed but cannot be loaded \(.+\)\. /);
    expect(error.advice.join('\n')).toContain('sudo apt install pcscd libpcsclite1');
    expect(error.advice.join('\n')).toContain(`npm rebuild ${SMARTCARD_PACKAGE}`);
    expect(error.toFailure().name).toBe('PC/SC binding cannot be loaded');
  });

  it('a package built without its native module (npm kept the folder, the build failed): "cannot load"', () => {
    const from = withPackage("module.exports = require('./build/Release/smartcard_napi.node');\n");
    const error = caught(() => loadSmartcard(from, 'darwin')) as PcscBindingMissing;
    expect(error.reason).toBe('cannot-load');
    expect(error.message).toContain('smartcard_napi.node');
    expect(error.advice.join('\n')).toContain('Xcode command line tools');
  });

  it('something else under the name (no Context class): "cannot load", never a crash later', () => {
    const error = caught(() => loadSmartcard(withPackage('module.exports = { hello: 1 };\n'), 'win32')) as PcscBindingMissing;
    expect(error.reason).toBe('cannot-load');
    expect(error.message).toMatch(/no Context class/);
  });

  it('in a packaged app (app.asar) the advice is to reinstall, never npm', () => {
    const base = tempDir('asar-layout');
    const dist = join(base, 'resources', 'app.asar', 'dist');
    mkdirSync(dist, { recursive: true });
    const e = caught(() => loadSmartcard(join(dist, 'cli.js'), 'linux')) as PcscBindingMissing;
    expect(e.reason).toBe('not-installed');
    expect(e.message).toMatch(/^The PC\/SC binding is not installed: this copy of Sign-in Doctor lacks/);
    expect(e.advice.join('\n')).not.toMatch(/npm/);
    expect(e.advice).toEqual(['Install the PC/SC service and library: `sudo apt install pcscd libpcsclite1` (Fedora: `sudo dnf install pcsc-lite pcsc-lite-libs`)', 'Reinstall Sign-in Doctor: every installer includes the binding']);
  });

  it.each([
    ['linux', 'sudo apt install pcscd libpcsclite-dev build-essential python3'],
    ['darwin', 'xcode-select --install'],
    ['win32', 'Visual Studio Build Tools with the "Desktop development with C++" workload'],
  ])('the advice on %s names what that OS needs, then `npm install` again', (platform, needs) => {
    const advice = smartcardAdvice('not-installed', platform);
    expect(advice[0]).toContain(needs);
    expect(advice[1]).toMatch(/^Then run `npm install` again/);
    expect(advice[2]).toMatch(/Reinstall Sign-in Doctor/);
  });
});

describe('with no binding, the CAC domain answers once and clearly', () => {
  const port = smartcardPortWith(() => loadSmartcard(withoutBinding()));

  it('the port rejects open() with the typed condition', async () => {
    const error = await port.open().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PcscBindingMissing);
    expect((error as PcscBindingMissing).advice).toEqual(smartcardAdvice('not-installed', process.platform));
  });

  it('the diagnose check gives exactly one finding: cac.binding-missing, a warning with the advice and no fix', async () => {
    const [check] = cacChecks(port);
    const findings = await check!.run({ ...ctx(), signal: new AbortController().signal });
    expect(findings).toHaveLength(1);
    const [only] = findings;
    expect(only).toMatchObject({ id: BINDING_MISSING_FINDING, domain: 'cac', severity: 'warn', fixes: [] });
    expect(BINDING_MISSING_FINDING).toMatch(/^cac\.[a-z]+(-[a-z]+)*$/);
    expect(only!.title).toBe('Smart card checks unavailable: PC/SC binding not installed');
    expect(only!.detail).toMatch(/^The PC\/SC binding is not installed: .*everything else works\. /);
    for (const advice of smartcardAdvice('not-installed', process.platform)) expect(only!.detail).toContain(advice);
    expect(only!.evidence).toMatchObject({ reason: 'not-installed', binding: port.binding });
  });

  it('the supervisor (cac.status, the GUI, `cac`): service "unavailable" with the binding\'s advice, no events', async () => {
    const sup = new PcscSupervisor(port, { backoffMs: [60_000] });
    const events: CacEvent[] = [];
    sup.on((e) => events.push(e));
    await sup.start();
    try {
      expect(sup.service).toBe('unavailable');
      expect(sup.failure).toMatchObject({ code: BINDING_MISSING, name: 'PC/SC binding not installed', advice: smartcardAdvice('not-installed', process.platform) });
      expect(sup.failure!.message).toMatch(/^The PC\/SC binding is not installed: /);
      expect(sup.snapshot()).toEqual([]);
      expect(events).toEqual([]);
    } finally {
      await sup.stop();
    }
  });

  it('a card read (cac.read-card, the guided reinsert) fails with the same answer', async () => {
    const out = await readCardOutcome(port, ctx());
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.failure).toMatchObject({ code: BINDING_MISSING, name: 'PC/SC binding not installed', advice: smartcardAdvice('not-installed', process.platform) });
  });

  it('a "binding missing" answer from the worker thread arrives typed, with its reason and advice', async () => {
    const file = join(tempDir('pcsc-worker-missing'), 'missing.cjs');
    const missing = { reason: 'cannot-load', advice: ['Rebuild it'] };
    writeFileSync(
      file,
      `const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (req) => parentPort.postMessage({ id: req.id, ok: false, code: ${JSON.stringify(BINDING_MISSING)}, message: 'The PC/SC binding is installed but cannot be loaded (x).', missing: ${JSON.stringify(missing)} }));\n`,
    );
    const error = await workerPcscPort(file)
      .open()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(PcscBindingMissing);
    expect(error).toMatchObject({ code: BINDING_MISSING, reason: 'cannot-load', advice: ['Rebuild it'], message: 'The PC/SC binding is installed but cannot be loaded (x).' });
  });
});

// On Linux the tests use the real PC/SC stack, and CI installs its build tools and headers; on
// GitHub's Windows and macOS runners the toolchains are there too. A CI whose install lost the
// binding must fail here, not pass with the CAC tests quietly reporting "binding missing".
const required = process.platform === 'linux' || Boolean(process.env.CI);

describe('the binding of this machine', () => {
  it(required ? 'is installed and loads (required on Linux and in CI)' : 'loads, or is reported as missing (not required on this OS outside CI)', () => {
    let loaded;
    try {
      loaded = loadSmartcard();
    } catch (error) {
      if (required || !isBindingMissing(error)) throw error;
      expect(error.reason).toMatch(/^(not-installed|cannot-load)$/);
      return;
    }
    expect(typeof loaded.Context).toBe('function');
    for (const name of ['SCARD_STATE_PRESENT', 'SCARD_STATE_EMPTY', 'SCARD_SHARE_SHARED', 'SCARD_PROTOCOL_T0', 'SCARD_PROTOCOL_T1'] as const) expect(typeof loaded[name], name).toBe('number');
    expect(smartcardPort.binding).toBe('smartcard (N-API)');
  });
});
