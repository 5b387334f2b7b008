// Bundles the CLI: dist/cli.js, a small launcher that answers --version and --help from command
// metadata, and dist/cli-main.js, the full CLI it hands every other command to. Native and heavy
// runtime deps stay external (they are installed with the package); everything of ours is inlined,
// and so is zod in the full CLI: every command checks the contract with it, and one bundle loads
// faster than its many files from node_modules (`npm run bench` cold-start shows the figures).
import { build } from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const runtimeDeps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})];
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', define: { __APP_VERSION__: JSON.stringify(pkg.version) }, logLevel: 'warning' };
await build({ ...common, entryPoints: ['src/main/cli-launcher.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: [...runtimeDeps, 'electron'] });
chmodSync('dist/cli.js', 0o755);
await build({ ...common, entryPoints: ['src/main/cli.ts'], outfile: 'dist/cli-main.js', external: [...runtimeDeps.filter((d) => d !== 'zod'), 'electron'] });
// The worker threads the CLI starts (src/main/cac/pcsc-worker-port.ts and src/main/network/pac.ts
// look beside cli.js): the PC/SC binding's and the PAC sandbox's.
for (const [entry, outfile] of [
  ['src/main/cac/pcsc-worker.ts', 'dist/pcsc-worker.js'],
  ['src/main/network/pac-worker.ts', 'dist/pac-worker.js'],
]) {
  await build({ ...common, entryPoints: [entry], outfile, external: [...runtimeDeps, 'electron'] });
}
