#!/usr/bin/env node
// Reads the fuses back from a packaged Electron binary (@electron/fuses) and fails unless every
// fuse electron-builder.yml sets (electronFuses) has that value, and the fuse table in docs/security.md
// ("### Electron fuses") says the same. The CI workflow runs it after `electron-builder --dir`.
//
//   node scripts/read-fuses.mjs [APP] [--config electron-builder.yml] [--readme docs/security.md]
//
// APP: the packaged executable, a macOS .app, or the folder electron-builder wrote (default
// release/: the app for this OS is found in it). Exit 0: as configured; 1: a fuse differs, the
// documented table disagrees, or the binary has no fuse wire; 2: bad usage or no app found.
import { statSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fuses from '@electron/fuses';
import { parse } from 'yaml';
import { findPackagedApp, packagedAppNames } from './packaged-app.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The bytes of a V1 fuse wire (@electron/fuses FuseState; not exported by the package).
const STATE = { 48: 'off', 49: 'on', 114: 'removed' };
/** Keys of electronFuses that are options of the flipping, not fuses. */
const NOT_FUSES = new Set(['resetAdHocDarwinSignature', 'strictlyRequireAllFuses']);

/** The fuse names electron-builder.yml and docs/security.md use, by wire index: runAsNode, enableCookieEncryption, ... */
export function fuseNames() {
  return Object.entries(fuses.FuseV1Options)
    .filter(([, index]) => typeof index === 'number')
    .map(([name, index]) => ({ index, name: name[0].toLowerCase() + name.slice(1) }));
}

/** electronFuses of electron-builder.yml as a Map name -> boolean (throws on a value that is not a boolean). */
export function configuredFuses(builderYaml) {
  const fuseConfig = (parse(builderYaml) ?? {}).electronFuses ?? {};
  const out = new Map();
  for (const [name, value] of Object.entries(fuseConfig)) {
    if (NOT_FUSES.has(name)) continue;
    if (typeof value !== 'boolean') throw new Error(`electron-builder.yml: electronFuses.${name} must be true or false`);
    out.set(name, value);
  }
  return out;
}

/** The documented fuse table (docs/security.md) as a Map name -> boolean ("| `runAsNode` | off | why |"). */
export function documentedFuses(readme) {
  const heading = readme.match(/^#{2,3} Electron fuses.*$/m);
  if (!heading) return new Map();
  const rest = readme.slice(heading.index + heading[0].length);
  const end = rest.search(/^#{1,3} /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const out = new Map();
  for (const match of section.matchAll(/^\|\s*`([A-Za-z0-9]+)`\s*\|\s*(on|off)\s*\|/gm)) out.set(match[1], match[2] === 'on');
  return out;
}

/**
 * Compares a fuse wire (getCurrentFuseWire's result: { version, 0: byte, 1: byte, ... }) with the
 * configuration and the documented table. Returns one row per fuse in the wire and every problem found.
 */
export function checkFuses(wire, configured, documented) {
  const problems = [];
  const names = fuseNames();
  const known = new Set(names.map((n) => n.name));
  if (String(wire.version) !== '1') problems.push(`fuse wire version ${wire.version}, this script reads version 1`);
  for (const name of configured.keys()) if (!known.has(name)) problems.push(`electron-builder.yml sets ${name}, which is not a fuse @electron/fuses knows`);
  for (const [name, on] of documented) {
    if (!configured.has(name)) problems.push(`docs/security.md lists ${name}, electron-builder.yml does not set it`);
    else if (configured.get(name) !== on) problems.push(`docs/security.md says ${name} is ${on ? 'on' : 'off'}, electron-builder.yml says ${configured.get(name) ? 'on' : 'off'}`);
  }
  const rows = [];
  const indices = Object.keys(wire).filter((k) => /^\d+$/.test(k)).map(Number).sort((a, b) => a - b);
  for (const index of indices) {
    const name = names.find((n) => n.index === index)?.name ?? `fuse #${index}`;
    const byte = wire[index];
    const actual = STATE[byte] ?? `unknown (0x${Number(byte).toString(16)})`;
    const expected = configured.has(name) ? (configured.get(name) ? 'on' : 'off') : undefined;
    rows.push({ name, actual, expected });
    if (expected !== undefined && actual !== expected) problems.push(`${name} is ${actual} in the binary, electron-builder.yml says ${expected}`);
  }
  for (const name of configured.keys()) {
    const index = names.find((n) => n.name === name)?.index;
    if (index !== undefined && !indices.includes(index)) problems.push(`${name} is configured but this Electron's fuse wire has no such fuse`);
  }
  return { rows, problems };
}

/** The file @electron/fuses should read for APP (an executable, a .app, or a release folder). */
export function fuseTargetOf(app, root = ROOT) {
  let isDir;
  try {
    isDir = statSync(app).isDirectory();
  } catch {
    return undefined;
  }
  if (!isDir || /\.app\/?$/.test(app)) return app;
  return findPackagedApp(app, packagedAppNames(root))?.fuseTarget;
}

function parseArgs(argv) {
  const out = { app: undefined, config: join(ROOT, 'electron-builder.yml'), readme: join(ROOT, 'docs', 'security.md') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--config' || arg === '--readme') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a file`);
      out[arg.slice(2)] = value;
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else if (out.app === undefined) out.app = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  out.app ??= join(ROOT, 'release');
  return out;
}

export async function main(argv, io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.err(`read-fuses: ${error.message}\nusage: node scripts/read-fuses.mjs [APP] [--config FILE] [--readme FILE]\n`);
    return 2;
  }
  const target = fuseTargetOf(args.app);
  if (!target) {
    io.err(`read-fuses: no packaged app at ${args.app} (run electron-builder --dir first)\n`);
    return 2;
  }
  let result;
  try {
    const configured = configuredFuses(readFileSync(args.config, 'utf8'));
    const documented = documentedFuses(readFileSync(args.readme, 'utf8'));
    result = checkFuses(await fuses.getCurrentFuseWire(target), configured, documented);
  } catch (error) {
    io.err(`read-fuses: ${target}: ${error.message}\n`);
    return 1;
  }
  io.out(`Fuses of ${target}\n`);
  for (const row of result.rows) io.out(`  ${row.name.padEnd(40)} ${row.actual.padEnd(8)} ${row.expected === undefined ? '(not set by electron-builder.yml)' : row.actual === row.expected ? 'as configured' : `expected ${row.expected}`}\n`);
  if (result.problems.length) {
    for (const p of result.problems) io.err(`read-fuses: ${p}\n`);
    return 1;
  }
  io.out('Every fuse is as electron-builder.yml and docs/security.md say.\n');
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
