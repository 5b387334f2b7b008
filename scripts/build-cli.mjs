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
// The worker threads the CLI starts (src/main/cac/pcsc-worker-port.ts and src/main/network/pac.ts
// look beside cli.js): the PC/SC binding's and the PAC sandbox's.
for (const [entry, outfile] of [
  ['src/main/cac/pcsc-worker.ts', 'dist/pcsc-worker.js'],
  ['src/main/network/pac-worker.ts', 'dist/pac-worker.js'],
]) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: [...Object.keys(pkg.dependencies ?? {}), 'electron'],
    logLevel: 'warning',
  });
}
