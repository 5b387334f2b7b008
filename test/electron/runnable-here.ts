// The parts of the Electron job (.github/workflows/ci.yml, `electron`) that CAN run on a machine
// without Electron: the launcher's one-line skip, its binary resolution, the packaged-app lookup
// and the fuse reader. Called from test/unit/packaging/workflows.test.ts, so `npm test` runs them
// (this file is not a *.test.ts: the Electron suite itself never runs here).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackagedApp, packagedAppNames, unpackedDirNames } from '../../scripts/packaged-app.mjs';
import { checkFuses, configuredFuses, documentedFuses, fuseNames, main as readFuses, type FuseWire } from '../../scripts/read-fuses.mjs';
import { resolveElectronBinary } from './electron-binary.mjs';

const ROOT = resolve(__dirname, '../..');

export function electronJobToolsSuite(): void {
  describe('what the Electron job runs, where it can run here', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'sd-electron-job-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    const file = (path: string, body: string | Buffer = '') => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, body);
      return path;
    };

    describe('npm run test:electron without a binary', () => {
      const empty = join(scratch, 'no-electron');
      mkdirSync(empty, { recursive: true });
      const launch = (extra: Record<string, string>) => {
        const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty, SIGNIN_DOCTOR_PACKAGED_APP: join(empty, 'no-app') };
        delete env.SIGNIN_DOCTOR_ELECTRON_TESTS;
        return spawnSync(process.execPath, [join(ROOT, 'test/electron/run.mjs')], { cwd: ROOT, env: { ...env, ...extra }, encoding: 'utf8' });
      };

      it('skips with exactly one line and exit 0', () => {
        const out = launch({});
        expect(out.status, out.stderr).toBe(0);
        expect(out.stderr).toBe('');
        expect(out.stdout).toMatch(/^test:electron skipped: no Electron binary \([^\n]*no-electron[^\n]*\); these tests run in the GitHub workflow\n$/);
      });

      it('fails instead when the workflow says the binary is required', () => {
        const out = launch({ SIGNIN_DOCTOR_ELECTRON_TESTS: 'required' });
        expect(out.status).toBe(1);
        expect(out.stdout).toBe('');
        expect(out.stderr).toMatch(/^test:electron: no Electron binary .*SIGNIN_DOCTOR_ELECTRON_TESTS=required\n$/);
      });
    });

    describe('resolveElectronBinary: as the electron package finds its binary, without downloading', () => {
      const packageDir = (name: string, pathTxt?: string, binary?: string) => {
        const dir = join(scratch, name, 'electron');
        mkdirSync(dir, { recursive: true });
        if (pathTxt !== undefined) file(join(dir, 'path.txt'), pathTxt);
        if (binary) file(join(dir, 'dist', binary), 'binary');
        return dir;
      };

      it('finds dist/<path.txt>, and says why not when the download never happened or its file is gone', () => {
        const ok = packageDir('ok', 'Electron.app/Contents/MacOS/Electron', 'Electron.app/Contents/MacOS/Electron');
        expect(resolveElectronBinary({ packageDir: ok, env: {} })).toEqual({ found: true, path: join(ok, 'dist', 'Electron.app/Contents/MacOS/Electron') });
        expect(resolveElectronBinary({ packageDir: packageDir('never'), env: {} })).toMatchObject({ found: false, why: expect.stringContaining('path.txt is missing') });
        const gone = packageDir('gone', 'electron');
        expect(resolveElectronBinary({ packageDir: gone, env: {} })).toMatchObject({ found: false, path: join(gone, 'dist', 'electron') });
      });

      it('honours a non-empty ELECTRON_OVERRIDE_DIST_PATH, with path.txt or "electron" as the name', () => {
        const override = join(scratch, 'override');
        file(join(override, 'electron.exe'), 'binary');
        file(join(override, 'electron'), 'binary');
        const named = packageDir('named', 'electron.exe');
        expect(resolveElectronBinary({ packageDir: named, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toEqual({ found: true, path: join(override, 'electron.exe') });
        expect(resolveElectronBinary({ packageDir: packageDir('unnamed'), env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toEqual({ found: true, path: join(override, 'electron') });
        expect(resolveElectronBinary({ packageDir: named, env: { ELECTRON_OVERRIDE_DIST_PATH: join(scratch, 'nothing') } })).toMatchObject({ found: false, why: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH=') });
        expect(resolveElectronBinary({ packageDir: packageDir('empty-override', 'electron', 'electron'), env: { ELECTRON_OVERRIDE_DIST_PATH: '' } })).toMatchObject({ found: true });
      });

      it('gives the path the electron package itself gives (its index.js, under an override so it downloads nothing)', () => {
        const override = join(scratch, 'override-real');
        const theirs = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], { cwd: ROOT, env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: override }, encoding: 'utf8' });
        expect(theirs.status, theirs.stderr).toBe(0);
        expect(resolveElectronBinary({ packageDir: join(ROOT, 'node_modules', 'electron'), env: { ELECTRON_OVERRIDE_DIST_PATH: override } }).path).toBe(theirs.stdout);
      });
    });

    describe('findPackagedApp: the folder electron-builder --dir writes for this OS and CPU', () => {
      const names = packagedAppNames(ROOT);

      it('reads the names from package.json and electron-builder.yml, and knows the folder names', () => {
        expect(names).toEqual({ productName: 'Sign-in Doctor', linuxExecutableName: 'signin-doctor' });
        expect(unpackedDirNames('linux', 'x64')).toEqual(['linux-unpacked']);
        expect(unpackedDirNames('linux', 'arm64')).toEqual(['linux-arm64-unpacked']);
        expect(unpackedDirNames('win32', 'x64')).toEqual(['win-unpacked']);
        expect(unpackedDirNames('darwin', 'arm64')).toEqual(['mac-arm64', 'mac-universal']);
        expect(unpackedDirNames('darwin', 'x64')).toEqual(['mac', 'mac-universal']);
      });

      it('finds the executable, what the fuses are read from, and app.asar; nothing when it was not built', () => {
        const release = join(scratch, 'release');
        file(join(release, 'linux-unpacked', 'signin-doctor'));
        file(join(release, 'win-unpacked', 'Sign-in Doctor.exe'));
        const bundle = join(release, 'mac-arm64', 'Sign-in Doctor.app');
        file(join(bundle, 'Contents', 'MacOS', 'Sign-in Doctor'));
        expect(findPackagedApp(release, names, 'linux', 'x64')).toEqual({
          dir: join(release, 'linux-unpacked'),
          executable: join(release, 'linux-unpacked', 'signin-doctor'),
          fuseTarget: join(release, 'linux-unpacked', 'signin-doctor'),
          asar: join(release, 'linux-unpacked', 'resources', 'app.asar'),
        });
        expect(findPackagedApp(release, names, 'win32', 'x64')?.executable).toBe(join(release, 'win-unpacked', 'Sign-in Doctor.exe'));
        expect(findPackagedApp(release, names, 'darwin', 'arm64')).toMatchObject({ executable: join(bundle, 'Contents', 'MacOS', 'Sign-in Doctor'), fuseTarget: bundle, asar: join(bundle, 'Contents', 'Resources', 'app.asar') });
        expect(findPackagedApp(release, names, 'darwin', 'x64')).toBeUndefined();
        expect(findPackagedApp(join(scratch, 'no-release'), names, 'linux', 'x64')).toBeUndefined();
      });
    });

    describe('scripts/read-fuses.mjs', () => {
      const configured = configuredFuses(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
      const documented = documentedFuses(readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8'));
      const ON = 49; // @electron/fuses FuseState.ENABLE ('1')
      const OFF = 48; // FuseState.DISABLE ('0')
      const REMOVED = 114; // FuseState.REMOVED ('r')
      /** A wire with every fuse as electron-builder.yml sets it, then the changes; `length` fuses long. */
      const wireOf = (changes: Record<string, number> = {}, length = fuseNames().length): FuseWire => {
        const wire: FuseWire = { version: '1' };
        for (const { index, name } of fuseNames()) if (index < length) wire[index] = changes[name] ?? (configured.get(name) ? ON : OFF);
        return wire;
      };
      /** A stand-in Electron binary: junk, the fuse sentinel, wire version 1, its length, the states, junk. */
      const binary = (name: string, wire: FuseWire) => {
        const states = Object.keys(wire)
          .filter((k) => /^\d+$/.test(k))
          .map((k) => wire[Number(k)]!);
        return file(join(scratch, 'fuses', name), Buffer.concat([Buffer.from('\x7fELF stand-in '), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, states.length, ...states]), Buffer.from(' more')]));
      };
      const capture = async (argv: string[]) => {
        let out = '';
        let err = '';
        const code = await readFuses(argv, { out: (s) => (out += s), err: (s) => (err += s) });
        return { code, out, err };
      };

      it('reads electron-builder.yml and the table in docs/security.md, which agree with each other', () => {
        expect(configured.get('runAsNode')).toBe(false);
        expect(configured.get('onlyLoadAppFromAsar')).toBe(true);
        expect(documented.size).toBeGreaterThanOrEqual(7);
        expect(checkFuses(wireOf(), configured, documented).problems).toEqual([]);
        expect(checkFuses(wireOf(), configured, new Map([['runAsNode', true]])).problems).toEqual(['docs/security.md says runAsNode is on, electron-builder.yml says off']);
        expect(configuredFuses('electronFuses:\n  resetAdHocDarwinSignature: true\n  runAsNode: false\n')).toEqual(new Map([['runAsNode', false]]));
        expect(() => configuredFuses('electronFuses:\n  runAsNode: "no"\n')).toThrow(/must be true or false/);
      });

      it('names every fuse that is not as configured: flipped, removed, missing from the wire, unknown', () => {
        expect(checkFuses(wireOf({ runAsNode: ON, onlyLoadAppFromAsar: OFF }), configured, new Map()).problems).toEqual([
          'runAsNode is on in the binary, electron-builder.yml says off',
          'onlyLoadAppFromAsar is off in the binary, electron-builder.yml says on',
        ]);
        expect(checkFuses(wireOf({ grantFileProtocolExtraPrivileges: REMOVED }), configured, new Map()).problems).toEqual(['grantFileProtocolExtraPrivileges is removed in the binary, electron-builder.yml says off']);
        const short = fuseNames().find((f) => f.name === 'onlyLoadAppFromAsar')!.index;
        expect(checkFuses(wireOf({}, short), configured, new Map()).problems).toContain("onlyLoadAppFromAsar is configured but this Electron's fuse wire has no such fuse");
        expect(checkFuses(wireOf(), new Map([['runAsNod', false]]), new Map()).problems).toEqual(['electron-builder.yml sets runAsNod, which is not a fuse @electron/fuses knows']);
      });

      it('reads a binary through @electron/fuses: 0 as configured, 1 when a fuse differs or there is no wire, 2 without an app', async () => {
        const good = await capture([binary('good', wireOf())]);
        expect(good.code, good.err).toBe(0);
        expect(good.out).toMatch(/runAsNode\s+off\s+as configured/);
        const bad = await capture([binary('bad', wireOf({ enableNodeCliInspectArguments: ON }))]);
        expect(bad.code).toBe(1);
        expect(bad.err).toContain('enableNodeCliInspectArguments is on in the binary, electron-builder.yml says off');
        const noWire = await capture([file(join(scratch, 'fuses', 'plain'), 'no sentinel in here')]);
        expect(noWire.code).toBe(1);
        expect(noWire.err).toMatch(/Could not find sentinel/);
        expect((await capture([join(scratch, 'fuses', 'absent')])).code).toBe(2);
        expect((await capture(['--colour'])).code).toBe(2);
        expect((await capture([join(scratch, 'no-release')])).code).toBe(2);
      });

      it('exits with that code when run as a script', () => {
        const bad = spawnSync(process.execPath, [join(ROOT, 'scripts/read-fuses.mjs'), binary('bad-cli', wireOf({ runAsNode: ON }))], { cwd: ROOT, encoding: 'utf8' });
        expect(bad.status).toBe(1);
        expect(bad.stderr).toContain('runAsNode is on in the binary');
      });
    });
  });
}
