// Where the Electron binary is, found exactly the way the `electron` package's index.js finds it
// (path.txt names the executable inside dist/; a non-empty ELECTRON_OVERRIDE_DIST_PATH replaces
// dist/), but only looking: index.js downloads a missing binary as a side effect of require().
// Plain JavaScript so the launcher (test/electron/run.mjs) can use it before vitest starts.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const isFile = (path) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * @param {{ packageDir: string, env?: Record<string, string | undefined> }} options
 *   packageDir: node_modules/electron; env: the environment index.js would see.
 * @returns {{ found: true, path: string } | { found: false, path: string | undefined, why: string }}
 */
export function resolveElectronBinary({ packageDir, env = process.env }) {
  const pathFile = join(packageDir, 'path.txt');
  let named;
  try {
    named = readFileSync(pathFile, 'utf8');
  } catch {
    named = undefined;
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, named || 'electron');
    return isFile(path) ? { found: true, path } : { found: false, path, why: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no ${named || 'electron'}` };
  }
  if (!named) return { found: false, path: undefined, why: `${pathFile} is missing: the binary was never downloaded` };
  const path = join(packageDir, 'dist', named);
  return isFile(path) ? { found: true, path } : { found: false, path, why: `${path} is missing` };
}
