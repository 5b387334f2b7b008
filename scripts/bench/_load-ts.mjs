// Shared by the benchmarks and `npm run harness`: bundles a TypeScript entry with esbuild and imports it.
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

export async function loadTs(entry, name) {
  const dir = 'node_modules/.cache/signin-doctor/bench';
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.cjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // playwright-core reads its own package.json at run time: loaded from node_modules, not bundled.
    external: [...Object.keys(pkg.dependencies ?? {}), 'esbuild', 'electron', 'playwright-core'],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
  return import(pathToFileURL(join(process.cwd(), outfile)).href);
}
