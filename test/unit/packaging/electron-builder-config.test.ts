// electron-builder.yml cannot be exercised here (no Electron binary, no NSIS, no codesign), so this
// checks it the two ways that can fail: against electron-builder's own JSON schema, and against
// the invariants of issue 7 (targets, fuses, deb dependencies, native module unpacked, per-user
// asInvoker NSIS, nothing but the built app in `files`), plus the icon files it points at.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const requireFromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
// The matcher electron-builder itself uses for `files` and `asarUnpack`.
const { minimatch } = requireFromBuilder('minimatch') as { minimatch: (path: string, pattern: string, options?: { dot?: boolean }) => boolean };

type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  win: { target: string[]; requestedExecutionLevel: string; icon: string; signAndEditExecutable?: boolean };
  nsis: { oneClick: boolean; perMachine: boolean; allowElevation: boolean; deleteAppDataOnUninstall: boolean; artifactName: string };
  portable: { requestExecutionLevel: string; artifactName: string };
  mac: { target: string[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; icon: string };
  linux: { target: string[]; icon: string };
  deb: { depends: string[]; artifactName: string };
  directories: { output: string };
};

const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;
const schema = JSON.parse(readFileSync(requireFromBuilder.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

/**
 * electron-builder's rule (app-builder-lib/out/fileMatcher.js): app files go through the patterns in
 * order and the last match decides; production node_modules are copied by a separate collector
 * that applies only the exclusions.
 */
function included(path: string, patterns: readonly string[]): boolean {
  const matches = (pattern: string) => minimatch(path, pattern.replace(/^!/, ''), { dot: true });
  if (path.startsWith('node_modules/')) return !patterns.some((p) => p.startsWith('!') && matches(p));
  let result = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) result = !negated;
  }
  return result;
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder 26 schema', () => {
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is real: a misspelt option or a wrong type is rejected', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } })).toBe(false);
    expect(validate({ ...config, win: { ...config.win, requestedExecutionLevel: 'root' } })).toBe(false);
  });

  it('names the app and writes installers into release/', () => {
    expect(config.appId).toBe('org.signindoctor.app');
    expect(config.productName).toBe('Sign-in Doctor');
    expect(config.directories.output).toBe('release');
    expect(config.publish).toBeNull();
  });

  it('builds every target the issue asks for', () => {
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg']));
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('gives the two Windows .exe files different names', () => {
    expect(config.nsis.artifactName).not.toBe(config.portable.artifactName);
    expect(config.deb.artifactName).toMatch(/^signin-doctor_\$\{version\}_\$\{arch\}\.\$\{ext\}$/);
  });

  it('sets every hardening fuse at package time', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).not.toBe(false); // onlyLoadAppFromAsar needs an asar
    // On Windows the integrity hash is embedded by the executable-editing step; without it the
    // integrity fuse stops the app at start (electron-builder#8690, electron#43514).
    expect(config.win.signAndEditExecutable).not.toBe(false);
    expect(config.disableAsarIntegrity).not.toBe(true);
  });

  it('installs per user on Windows and never asks for admin rights', () => {
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.allowElevation).toBe(false);
    expect(typeof config.nsis.oneClick).toBe('boolean');
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false); // journal and backups survive
    expect(config.portable.requestExecutionLevel).toBe('user');
  });

  it('signs macOS with the hardened runtime and our entitlements', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(join(ROOT, file), 'utf8');
      expect(plist).toMatch(/<key>com\.apple\.security\.smartcard<\/key>\s*<true\/>/);
      expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
      // Nothing that weakens the hardened runtime beyond what V8 needs.
      const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
      expect(keys.filter((k) => /get-task-allow|disable-library-validation|allow-dyld|unsigned-executable/.test(k!))).toEqual([]);
    }
  });

  it('makes the deb pull in the PC/SC daemon and library', () => {
    expect(config.deb.depends).toEqual(expect.arrayContaining(['pcscd', 'libpcsclite1']));
  });

  it('unpacks the PC/SC binding from the asar', () => {
    const built = readdirSync(join(ROOT, 'node_modules/smartcard/build/Release')).filter((f) => f.endsWith('.node'));
    expect(built.length).toBeGreaterThan(0);
    for (const name of built) expect(config.asarUnpack.some((p) => minimatch(`node_modules/smartcard/build/Release/${name}`, p, { dot: true }))).toBe(true);
    expect(config.asarUnpack.some((p) => minimatch('node_modules/smartcard/dist/index.js', p))).toBe(false);
  });

  it('ships the whole binding: its JavaScript in the asar, its .node file (and only that) unpacked', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/smartcard/package.json'), 'utf8')) as { main: string };
    const js = `node_modules/smartcard/${pkg.main.replace(/^\.\//, '')}`;
    expect(existsSync(join(ROOT, js))).toBe(true);
    for (const path of ['node_modules/smartcard/package.json', js, 'node_modules/smartcard/build/Release/smartcard_napi.node', 'node_modules/node-addon-api/package.json']) {
      expect({ path, included: included(path, config.files) }).toEqual({ path, included: true });
    }
    expect(config.asarUnpack.some((p) => minimatch(js, p, { dot: true }))).toBe(false);
    expect(config.asarUnpack.some((p) => minimatch('node_modules/smartcard/package.json', p, { dot: true }))).toBe(false);
  });

  it('packages only the built app: no tests, harness, sources or source maps', () => {
    const shipped = ['dist/main/index.js', 'dist/preload/index.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc123.js', 'dist/cli.js', 'package.json', 'node_modules/zod/index.js', 'node_modules/smartcard/build/Release/smartcard_napi.node'];
    const neverShipped = [
      'test/unit/layering.test.ts',
      'test/support/harness/server.ts',
      'test/support/harness/bridge.js',
      'test/fixtures/device/dsregcmd.txt',
      'src/main/app/main.ts',
      'src/renderer/App.tsx',
      'scripts/harness.mjs',
      'dist/main/index.js.map',
      'dist/renderer/assets/index-abc123.js.map',
      'dist/harness/bridge.js',
      'vitest.config.ts',
      'electron.vite.config.ts',
      '.github/workflows/ci.yml',
      'test-results/screen.png',
      'node_modules/zod/src/index.ts',
      'node_modules/some-dep/test/fixture.js',
      'node_modules/smartcard/src/binding.cc',
      'node_modules/smartcard/build/Release/obj.target/smartcard_napi.node',
    ];
    for (const path of shipped) expect({ path, included: included(path, config.files) }).toEqual({ path, included: true });
    for (const path of neverShipped) expect({ path, included: included(path, config.files) }).toEqual({ path, included: false });
    // No positive pattern names a test, harness or source folder in the first place.
    for (const pattern of config.files.filter((p) => !p.startsWith('!'))) expect(pattern).not.toMatch(/^(src|test|scripts)\b|harness|\.map$/);
  });
});

// Issue 11: a fresh checkout installs without a C++ toolchain, so the binding is optional; npm 11
// runs its install script only because it is allow-listed; the lockfile says the same (npm wrote it).
describe('the PC/SC binding is an optional dependency', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, unknown> | undefined>;
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };

  it('package.json: in optionalDependencies only, and its install script allowed', () => {
    expect(pkg.optionalDependencies?.smartcard).toMatch(/^\^3\./);
    expect(pkg.dependencies?.smartcard).toBeUndefined();
    expect(pkg.devDependencies?.smartcard).toBeUndefined();
    expect(pkg.allowScripts?.smartcard).toBe(true);
  });

  it('package-lock.json agrees: the root lists it as optional, and it and its own dependency are marked optional', () => {
    const root = lock.packages['']!;
    expect((root.optionalDependencies as Record<string, string>).smartcard).toBe(pkg.optionalDependencies!.smartcard);
    expect((root.dependencies as Record<string, string>).smartcard).toBeUndefined();
    expect(lock.packages['node_modules/smartcard']).toMatchObject({ optional: true, hasInstallScript: true });
    expect(lock.packages['node_modules/node-addon-api']).toMatchObject({ optional: true });
    // No registry host is written into the lockfile.
    expect(Object.values(lock.packages).filter((p) => 'resolved' in p)).toEqual([]);
  });
});

describe('icons in assets/', () => {
  const png = (path: string) => {
    const bytes = readFileSync(join(ROOT, path));
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  };

  it('has a square PNG of every size from 16 to 1024 under the names Linux expects', () => {
    expect(config.linux.icon).toBe('assets/icons');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(png(`assets/icons/${size}x${size}.png`)).toEqual({ width: size, height: size });
    expect(png('assets/icon.png')).toEqual({ width: 1024, height: 1024 });
  });

  it('has a Windows .ico holding 16 to 256 px images', () => {
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256); // 0 means 256
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('has a macOS .icns whose length field matches the file', () => {
    const icns = readFileSync(join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10'))).toBe(true); // the 1024 px (512@2x) image
  });
});
