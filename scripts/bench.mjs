// `npm run bench`: builds the app (CLI included) and runs every benchmark module in scripts/bench/.
// Each module exports `run()` and prints its own figures; a failing module is reported, and the
// others still run. Benchmarks print numbers; they never pass or fail on speed.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const only = process.argv.slice(2);
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
const modules = readdirSync(new URL('./bench/', import.meta.url))
  .filter((name) => name.endsWith('.mjs') && !name.startsWith('_'))
  .filter((name) => only.length === 0 || only.some((o) => name.startsWith(o)))
  .sort();
let failures = 0;
for (const name of modules) {
  console.log(`\n=== ${name.replace(/\.mjs$/, '')} ===`);
  try {
    const mod = await import(pathToFileURL(new URL(`./bench/${name}`, import.meta.url).pathname).href);
    await mod.run();
  } catch (error) {
    failures++;
    console.log(`benchmark ${name} could not run: ${error instanceof Error ? error.message : error}`);
  }
}
process.exitCode = failures ? 1 : 0;
