// Builds the PAC worker thread (src/main/network/pac-worker.ts) with esbuild exactly as
// scripts/build-cli.mjs does (the runtime dependencies stay external), for tests that import the
// TypeScript sources: a worker thread cannot run .ts, and from the sources pac.ts finds no
// pac-worker.js beside it. The output sits under node_modules/.cache so the external packages
// resolve from this checkout; each test process builds to its own name and renames it into place
// (atomic, so a parallel test file never starts a half-written worker).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
let built: Promise<string> | undefined;

export function buildPacWorker(): Promise<string> {
  built ??= (async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const dir = join(ROOT, 'node_modules/.cache/signin-doctor/test');
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, `pac-worker-${process.pid}.js`);
    const file = join(dir, 'pac-worker.js');
    await build({
      entryPoints: [join(ROOT, 'src/main/network/pac-worker.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: [...Object.keys(pkg.dependencies ?? {}), 'electron'],
      logLevel: 'silent',
    });
    renameSync(outfile, file);
    return file;
  })();
  return built;
}
