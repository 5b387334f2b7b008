// Bundles the CLI into one Node file, dist/cli.js. Native and heavy runtime deps stay external
// (they are installed with the package); everything of ours is inlined.
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: ['src/main/cli.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  external: [...Object.keys(pkg.dependencies ?? {}), 'electron'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
// The PC/SC worker thread the CLI starts (src/main/cac/pcsc-worker-port.ts looks beside cli.js).
await build({
  entryPoints: ['src/main/cac/pcsc-worker.ts'],
  outfile: 'dist/pcsc-worker.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: [...Object.keys(pkg.dependencies ?? {}), 'electron'],
  logLevel: 'warning',
});
