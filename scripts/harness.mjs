// Bundles and starts the test harness (needs `npm run build` first for dist/renderer).
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
mkdirSync('node_modules/.cache/signin-doctor', { recursive: true });
const outfile = 'node_modules/.cache/signin-doctor/harness.cjs';
await build({
  entryPoints: ['test/support/harness/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: [...Object.keys(pkg.dependencies ?? {}), 'esbuild', 'electron'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
