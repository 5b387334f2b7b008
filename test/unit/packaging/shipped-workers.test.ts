// Every file the CLI build writes (dist/cli.js and the worker threads it starts from beside it)
// ships in the installers: a missing worker would make the installed CLI fail closed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const requireFromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const { minimatch } = requireFromBuilder('minimatch') as { minimatch: (path: string, pattern: string, options?: { dot?: boolean }) => boolean };
const files = (parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { files: string[] }).files;

/** electron-builder's rule for app files: the last matching pattern decides. */
function shipped(path: string): boolean {
  let result = false;
  for (const pattern of files) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) result = !negated;
  }
  return result;
}

describe('what the CLI build writes ships', () => {
  // Every 'dist/….js' the build script names is a file it writes.
  const outfiles = [...new Set([...readFileSync(join(ROOT, 'scripts/build-cli.mjs'), 'utf8').matchAll(/'(dist\/[\w.-]+\.js)'/g)].map((m) => m[1]!))];

  it('finds the CLI and its workers in the build script', () => {
    expect(outfiles).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/pcsc-worker.js', 'dist/pac-worker.js']));
  });

  it.each(outfiles)('%s is in electron-builder files', (outfile) => {
    expect(shipped(outfile)).toBe(true);
  });
});
