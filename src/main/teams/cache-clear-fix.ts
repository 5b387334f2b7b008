// teams.cache-clear: "quit Teams, clear the cache, sign in again", made safe. Every entry of each
// Teams folder (except logs, custom backgrounds and settings files) is renamed into a dated backup
// folder beside it, on the same volume: constant time, nothing copied, undo renames back.
// Quitting Teams is a step of the plan (teams.quit-process), journaled like the rest.
import { lstat, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import type { FixPlan, RunRecord, Step } from '../../shared/model';
import type { EngineContext, FixContext, FixDefinition, FixScope, UndoPreparation } from '../engine/types';
import { realRoot } from '../os/safe-path';
import { selectEntries } from './clear-selection';
import { scanAllLogs } from './teams-checks';
import { runningTeams } from './teams-clients';
import { backupFolderStep, type BackupFolderData } from './teams-steps';
import { allTeamsProcessNames, teamsClients, type TeamsClientDef } from './teams-paths';
import { graceMs } from './fix-options';
import { CacheClearOptionsSchema } from '../../shared/contract/teams';

export const CacheClearOptions = CacheClearOptionsSchema;
export type CacheClearOptions = z.infer<typeof CacheClearOptions>;

const TITLE = 'Clear the Teams cache';

export function backupPath(clientRoot: string, runId: string): string {
  return `${clientRoot}.signin-doctor-backup-${runId}`;
}

export function newerPath(clientRoot: string, runId: string): string {
  return `${clientRoot}.signin-doctor-newer-${runId}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function selectedClients(ctx: EngineContext, client: CacheClearOptions['client']): TeamsClientDef[] {
  return teamsClients(ctx.platform, ctx.env).filter((d) => client === 'all' || d.id === client);
}

/** Steps that quit Teams when it runs and the user agreed; otherwise the reason it blocks. */
export async function quitOrBlock(
  ctx: EngineContext,
  defs: readonly TeamsClientDef[],
  options: { quitTeams: boolean; force: boolean },
  what: string,
): Promise<{ steps: Step[]; changes: string[]; blockedBy?: string; warnings: string[] }> {
  const running = await runningTeams(ctx, defs);
  if (running.error) return { steps: [], changes: [], warnings: [`Could not check whether Teams is running (${running.error}): make sure it is closed before you apply.`] };
  if (!running.processes.length) return { steps: [], changes: [], warnings: [] };
  const list = running.processes.map((p) => `${p.name} ${p.pid}`).join(', ');
  if (!options.quitTeams) {
    return {
      steps: [],
      changes: [],
      warnings: [],
      blockedBy: `Teams is running (${list}). Quit Teams first, or let Sign-in Doctor quit it before ${what} (app: "Quit Teams for me"; CLI: --quit-teams).`,
    };
  }
  const names = [...new Set(defs.flatMap((d) => d.processNames))];
  const grace = graceMs(ctx);
  return {
    steps: [{ kind: 'teams.quit-process', description: `Quit Teams (${list})`, data: { names, force: options.force, graceMs: grace } }],
    changes: [`Quit Teams (${list}) gracefully, waiting up to ${Math.round(grace / 1000)} s${options.force ? ', then force it to close' : '; it is not forced (you did not allow that)'}`],
    warnings: ['Unsaved drafts in Teams may be lost when it is quit.'],
  };
}

/**
 * The scope of a Teams repair: its folders (from the OS paths) with this run's backup and "newer"
 * folders beside them, Teams' own process names, and backup folders only where a backup belongs.
 */
export function teamsScope(ctx: FixContext, folders: readonly string[], backupOf: (folder: string) => string, extraKinds: readonly string[] = []): FixScope {
  const backups = new Set(folders.map(backupOf));
  const names = new Set(allTeamsProcessNames(ctx.platform, ctx.env));
  return {
    stepKinds: ['teams.quit-process', 'teams.backup-folder', 'fs.rename', ...extraKinds],
    roots: folders.flatMap((f) => [f, backupOf(f), newerPath(f, ctx.runId)]),
    check(step) {
      if (step.kind === 'teams.quit-process') {
        const asked = Array.isArray(step.data.names) ? step.data.names : [];
        return asked.every((n) => typeof n === 'string' && names.has(n)) ? undefined : 'it would quit a program that is not Teams';
      }
      if (step.kind === 'teams.backup-folder') {
        return backups.has(String(step.data.path)) && folders.includes(String(step.data.clientRoot)) ? undefined : 'its backup folder is not the one this run keeps beside a Teams folder';
      }
      return undefined;
    },
  };
}

/** A Conditional Access block in the logs: say plainly that this repair will not fix it. */
export async function conditionalAccessWarning(ctx: EngineContext): Promise<string[]> {
  try {
    const { failures } = await scanAllLogs(ctx);
    const ca = failures.find((f) => f.codes.some((c) => c.conditionalAccess));
    if (!ca) return [];
    const code = ca.codes.find((c) => c.conditionalAccess)!;
    return [`The Teams logs show ${code.display} (${code.name ?? 'Conditional Access'}) at ${ca.time ?? 'an unknown time'}: a Conditional Access block. This repair will not fix that; send IT the details (signin-doctor report).`];
  } catch {
    return [];
  }
}

export async function planCacheClear(ctx: FixContext, options: CacheClearOptions): Promise<FixPlan> {
  const defs = selectedClients(ctx, options.client);
  const installed: TeamsClientDef[] = [];
  for (const def of defs) if (await exists(def.roots[0]!.path)) installed.push(def);
  const base = {
    fixId: 'teams.cache-clear',
    title: TITLE,
    needsAdmin: false,
    undoable: true,
    undoDescription: 'Renames everything back from the backup folder (refused while Teams runs; if Teams wrote new data since, you can keep both).',
  };
  if (!installed.length) {
    return {
      ...base,
      summary: 'No Teams profile folder was found for this user.',
      changes: [],
      keeps: [],
      steps: [],
      needsClosed: [],
      warnings: [],
      blockedBy: `No Teams profile folder found (looked in ${defs.flatMap((d) => d.roots.map((r) => r.path)).join(', ')}).`,
    };
  }
  const blockers: string[] = [];
  const steps: Step[] = [];
  const changes: string[] = [];
  const keeps: string[] = [];
  let moved = 0;
  for (const def of installed) {
    for (const root of def.roots) {
      if (!(await exists(root.path))) continue;
      const parent = dirname(root.path);
      try {
        await realRoot(root.path);
        await realRoot(parent);
      } catch (error) {
        blockers.push(`${(error as Error).message}. Sign-in Doctor only clears a real folder, never what a link points to.`);
        continue;
      }
      const [rootInfo, parentInfo] = await Promise.all([stat(root.path), stat(parent)]);
      if (rootInfo.dev !== parentInfo.dev) {
        blockers.push(`${root.path} is on a different volume than ${parent}: a backup beside it would need a full copy, which Sign-in Doctor does not do silently. Clear it by hand, or tell us and we will ask before copying.`);
        continue;
      }
      const selection = await selectEntries(root.path, root.keep);
      const foreign = selection.moves.filter((m) => m.dev !== rootInfo.dev);
      if (foreign.length) {
        blockers.push(`${foreign.map((m) => join(root.path, m.rel)).join(', ')} ${foreign.length === 1 ? 'is' : 'are'} on another volume (a mount point): moving ${foreign.length === 1 ? 'it' : 'them'} would need a copy; say so and ask before copying.`);
        continue;
      }
      if (!selection.moves.length) {
        keeps.push(...selection.kept.map((k) => `${def.name}: ${join(root.path, k)}`));
        continue;
      }
      const backup = backupPath(root.path, ctx.runId);
      const folder: BackupFolderData = { path: backup, client: def.id, clientRoot: root.path, kept: selection.kept };
      steps.push({ kind: backupFolderStep.kind, description: `Create the backup folder ${backup}`, data: folder });
      changes.push(`${def.name}: move ${selection.moves.length} item${selection.moves.length === 1 ? '' : 's'} of ${root.path} into the backup folder beside it, ${basename(backup)}:`);
      for (const m of selection.moves) {
        const from = join(root.path, ...m.rel.split('/'));
        const to = join(backup, ...m.rel.split('/'));
        steps.push({ kind: 'fs.rename', description: `Move ${m.rel}${m.isLink ? ' (a link, moved as a link)' : ''}`, data: { from, to } });
        changes.push(`${m.rel}${m.isDir ? '/' : ''}${m.isLink ? ' (link; its target is not touched)' : ''}`);
      }
      moved += selection.moves.length;
      keeps.push(...selection.kept.map((k) => `${def.name}: ${k} (in ${root.path})`));
    }
  }
  const quit = await quitOrBlock(ctx, installed, options, 'clearing the cache');
  if (quit.blockedBy) blockers.unshift(quit.blockedBy);
  if (!blockers.length && !moved) blockers.push('The Teams folders hold nothing but kept items: there is nothing to clear.');
  const names = installed.map((d) => d.name).join(' and ');
  return {
    ...base,
    summary: `Moves the cache of ${names} (${moved} item${moved === 1 ? '' : 's'}) into a dated backup folder beside it, on the same disk (nothing is deleted or copied). Logs, custom backgrounds and settings files stay. Sign in to Teams again afterwards.`,
    changes: [...quit.changes, ...changes],
    keeps,
    steps: [...quit.steps, ...steps],
    needsClosed: installed.map((d) => d.name),
    warnings: [...quit.warnings, 'You will need to sign in to Teams again after the cache is cleared.', ...(await conditionalAccessWarning(ctx))],
    ...(blockers.length ? { blockedBy: blockers.join(' ') } : {}),
  };
}

interface DoneMove {
  from: string;
  to: string;
  rel: string;
  clientRoot: string;
}

function backupFolders(steps: readonly { kind: string; data: Record<string, unknown> }[]): BackupFolderData[] {
  return steps.filter((s) => s.kind === backupFolderStep.kind).flatMap((s) => {
    const parsed = backupFolderStep.data.safeParse(s.data);
    return parsed.success ? [parsed.data] : [];
  });
}

export function doneMoves(record: RunRecord): DoneMove[] {
  const folders = backupFolders(record.steps);
  const out: DoneMove[] = [];
  for (const step of record.steps) {
    if (step.kind !== 'fs.rename' || step.state !== 'done') continue;
    const { from, to } = step.data as { from: string; to: string };
    const folder = folders.find((f) => to.startsWith(f.path + sep));
    if (!folder) continue;
    out.push({ from, to, rel: relative(folder.path, to), clientRoot: folder.clientRoot });
  }
  return out;
}

export async function verifyCacheClear(record: RunRecord): Promise<{ ok: boolean; message: string }> {
  const moves = doneMoves(record);
  const problems: string[] = [];
  for (const m of moves) {
    if (await exists(m.from)) problems.push(`${m.from} is back (Teams may have been started again)`);
    if (!(await exists(m.to))) problems.push(`${m.to} is missing from the backup`);
  }
  const kept = backupFolders(record.steps).flatMap((f) => f.kept.map((k) => join(f.clientRoot, ...k.split('/'))));
  for (const k of kept) if (!(await exists(k))) problems.push(`kept item ${k} is missing`);
  if (problems.length) return { ok: false, message: `Teams' folder is not as expected: ${problems.slice(0, 5).join('; ')}` };
  return { ok: true, message: `Teams' folder is fresh: ${moves.length} item${moves.length === 1 ? '' : 's'} moved to the backup, ${kept.length} kept (logs, backgrounds, settings). Start Teams and sign in again.` };
}

export async function prepareCacheUndo(ctx: FixContext, record: RunRecord, raw: Record<string, unknown>): Promise<UndoPreparation> {
  const folders = backupFolders(record.steps);
  const ids = new Set(folders.map((f) => f.client));
  const defs = teamsClients(ctx.platform, ctx.env).filter((d) => ids.has(d.id));
  const running = await runningTeams(ctx, defs);
  if (running.processes.length) {
    return { blockedBy: `Teams is running (${running.processes.map((p) => `${p.name} ${p.pid}`).join(', ')}): quit Teams, then undo.` };
  }
  const clashes: DoneMove[] = [];
  for (const m of doneMoves(record)) if (await exists(m.from)) clashes.push(m);
  if (!clashes.length) return {};
  const keepBoth = raw.keepBoth === true || raw.keepBoth === 'true';
  const newer = [...new Set(clashes.map((c) => newerPath(c.clientRoot, record.runId)))];
  if (!keepBoth) {
    return {
      conflict:
        `Teams has written new data since the cache was cleared (${clashes.slice(0, 5).map((c) => c.rel).join(', ')}${clashes.length > 5 ? ', …' : ''}); ` +
        `undo would overwrite it. Choose "Undo and keep both" (CLI: signin-doctor undo ${record.runId} --keep-both) to keep both: the new data is moved aside into ${newer.join(', ')} and the old is restored.`,
    };
  }
  return {
    steps: clashes.map((c) => ({
      kind: 'fs.rename',
      description: `Set Teams' newer ${c.rel} aside`,
      data: { from: c.from, to: join(newerPath(c.clientRoot, record.runId), ...c.rel.split(sep)) },
    })),
  };
}

export const cacheClearFix: FixDefinition<CacheClearOptions> = {
  id: 'teams.cache-clear',
  domain: 'teams',
  title: TITLE,
  description: 'Moves the Teams cache into a dated backup beside it (logs, backgrounds and settings kept); undoable.',
  options: CacheClearOptions,
  scope: (ctx) => teamsScope(ctx, teamsClients(ctx.platform, ctx.env).flatMap((d) => d.roots.map((r) => r.path)), (f) => backupPath(f, ctx.runId)),
  plan: planCacheClear,
  verify: async (_ctx, _options, record) => ({ ...(await verifyCacheClear(record)), findings: [] }),
  prepareUndo: prepareCacheUndo,
};
