#!/usr/bin/env node
// `npm run test:electron`: the tests that start the real app in real Electron (vitest,
// vitest.electron.config.ts). They need an Electron binary, which only a machine that can download
// it has (the GitHub workflow). Without one this prints ONE line and exits 0; with
// SIGNIN_DOCTOR_ELECTRON_TESTS=required (set by the workflow) a missing binary or packaged app is
// an error instead, so a failed download can never turn into a green, skipped run.
//
// Finds:  the stock binary of node_modules/electron (as its index.js would, without downloading)
//           -> the built app (dist/), unpackaged; and
//         the app `electron-builder --dir` made (release/, or SIGNIN_DOCTOR_PACKAGED_APP=EXE)
//           -> the packaged app, with its fuses and app.asar.
// and hands both to the tests (SIGNIN_DOCTOR_E2E_ELECTRON, SIGNIN_DOCTOR_E2E_PACKAGED).
// Arguments are passed on to vitest (a file name, -t NAME).
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPackagedApp, packagedAppNames } from '../../scripts/packaged-app.mjs';
import { resolveElectronBinary } from './electron-binary.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const required = env.SIGNIN_DOCTOR_ELECTRON_TESTS === 'required';

const stock = resolveElectronBinary({ packageDir: join(ROOT, 'node_modules', 'electron'), env });

function packagedApp() {
  const explicit = env.SIGNIN_DOCTOR_PACKAGED_APP;
  if (explicit) {
    const ok = existsSync(explicit) && statSync(explicit).isFile();
    return ok ? { found: true, path: explicit } : { found: false, why: `SIGNIN_DOCTOR_PACKAGED_APP=${explicit} is not a file` };
  }
  const app = findPackagedApp(join(ROOT, 'release'), packagedAppNames(ROOT));
  return app ? { found: true, path: app.executable } : { found: false, why: 'no packaged app in release/ (electron-builder --dir)' };
}
const packaged = packagedApp();

if (!stock.found && !packaged.found) {
  if (required) {
    console.error(`test:electron: no Electron binary (${stock.why}; ${packaged.why}), but SIGNIN_DOCTOR_ELECTRON_TESTS=required`);
    process.exit(1);
  }
  console.log(`test:electron skipped: no Electron binary (${stock.why}; ${packaged.why}); these tests run in the GitHub workflow`);
  process.exit(0);
}
if (required && (!stock.found || !packaged.found)) {
  console.error(`test:electron: SIGNIN_DOCTOR_ELECTRON_TESTS=required, but ${!stock.found ? stock.why : packaged.why}`);
  process.exit(1);
}
if (stock.found && !existsSync(join(ROOT, 'dist', 'main', 'index.js'))) {
  console.error('test:electron: dist/main/index.js is missing: run `npm run build` first');
  process.exit(1);
}

const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', '--config', join(ROOT, 'vitest.electron.config.ts'), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...env, SIGNIN_DOCTOR_E2E_ELECTRON: stock.found ? stock.path : '', SIGNIN_DOCTOR_E2E_PACKAGED: packaged.found ? packaged.path : '' },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
