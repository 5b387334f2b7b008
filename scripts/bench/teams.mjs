// Teams cache clear on a 50,000-file, 2 GB-class cache (sparse files): our clear (plan, same-volume
// renames through the journal, verify) and its undo, against `cp -a` (what a copy backup costs) and
// `rm -rf` (what deleting costs) of the same tree. Prints figures; never passes or fails on speed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTs } from './_load-ts.mjs';

const FILES = 50_000;
const FILE_BYTES = 40 * 1024; // 50,000 × 40 KiB ≈ 2 GB apparent size, sparse on disk
const FOLDERS = ['Cache/Cache_Data', 'Code Cache/js', 'Code Cache/wasm', 'GPUCache', 'IndexedDB/https_teams.microsoft.com_0.indexeddb.leveldb', 'Service Worker/CacheStorage/4b5c6d7e', 'Service Worker/ScriptCache', 'blob_storage/9c8b7a6d', 'Local Storage/leveldb', 'Partitions/teams-4-linux/Cache'];

async function buildTree(profile) {
  for (const f of FOLDERS) await mkdir(join(profile, f), { recursive: true });
  let pending = [];
  for (let i = 0; i < FILES; i++) {
    const path = join(profile, FOLDERS[i % FOLDERS.length], `f_${i.toString(16).padStart(6, '0')}`);
    pending.push(
      open(path, 'w').then(async (h) => {
        await h.truncate(FILE_BYTES);
        await h.close();
      }),
    );
    if (pending.length >= 256) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  await mkdir(join(profile, 'logs'), { recursive: true });
  await writeFile(join(profile, 'logs', 'main.log'), '[2026-11-23 06:40:00.000] [info]  app: starting\n');
  await writeFile(join(profile, 'config.json'), '{}');
}

const ms = (t0) => performance.now() - t0;
const fmt = (v) => `${v.toFixed(v < 10 ? 2 : 0).padStart(9)} ms`;

export async function run() {
  const { Runner } = await loadTs('src/main/engine/runner.ts', 'teams-runner');
  const { fsSteps } = await loadTs('src/main/engine/steps/fs-steps.ts', 'teams-fs-steps');
  const { createEngineContext } = await loadTs('src/main/engine-context.ts', 'teams-context');
  const { teamsModule } = await loadTs('src/main/teams/index.ts', 'teams-module');

  const base = mkdtempSync(join(tmpdir(), 'signin-doctor-bench-teams-'));
  const home = join(base, 'home');
  const profile = join(home, '.config', 'teams-for-linux');
  try {
    let t0 = performance.now();
    await buildTree(profile);
    const buildMs = ms(t0);
    const apparent = execFileSync('du', ['-s', '--apparent-size', '--block-size=1M', profile], { encoding: 'utf8' }).split('\t')[0];
    const onDisk = execFileSync('du', ['-s', '--block-size=1M', profile], { encoding: 'utf8' }).split('\t')[0];
    console.log(`tree: ${FILES.toLocaleString('en-US')} files, ${apparent} MB apparent (${onDisk} MB on disk, sparse), built in ${(buildMs / 1000).toFixed(1)} s`);

    const env = { PATH: process.env.PATH, SIGNIN_DOCTOR_PLATFORM: 'linux', HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const runner = new Runner({ ctx: createEngineContext({ stateDir: join(base, 'state'), env }), fixes: teamsModule.fixes, steps: [...fsSteps, ...teamsModule.steps] });

    t0 = performance.now();
    const plan = await runner.plan('teams.cache-clear', {});
    const planMs = ms(t0);
    t0 = performance.now();
    const record = await runner.apply('teams.cache-clear', {});
    const clearMs = ms(t0);
    if (record.status !== 'verified') throw new Error(`clear ended ${record.status}: ${record.error ?? record.verify?.message}`);
    t0 = performance.now();
    const undone = await runner.undo(record.runId);
    const undoMs = ms(t0);
    if (undone.status !== 'undone') throw new Error(`undo ended ${undone.status}`);

    const copy = join(base, 'copy');
    t0 = performance.now();
    execFileSync('cp', ['-a', profile, copy]);
    const cpMs = ms(t0);
    t0 = performance.now();
    execFileSync('rm', ['-rf', copy]);
    const rmMs = ms(t0);

    const moves = plan.steps.filter((s) => s.kind === 'fs.rename').length;
    console.log(`clear = plan + ${moves} journaled renames + verify (the plan alone: ${planMs.toFixed(0)} ms)`);
    console.log(`  our clear (apply)    ${fmt(clearMs)}`);
    console.log(`  our undo             ${fmt(undoMs)}`);
    console.log(`  cp -a of the tree    ${fmt(cpMs)}   (${(cpMs / clearMs).toFixed(0)}× our clear)`);
    console.log(`  rm -rf of the tree   ${fmt(rmMs)}   (${(rmMs / clearMs).toFixed(0)}× our clear)`);
    console.log('Our time depends on the number of top-level cache folders (one rename each), not on files or bytes.');
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
