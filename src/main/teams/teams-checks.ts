// The teams checks: clients (folders, sizes, running) and their logs (sign-in failures, loops).
// Findings carry what the Teams card and the report need in their evidence.
import type { TeamsClientStatus, TeamsEvidenceInput, TeamsFindingId, TeamsStatus } from '../../shared/contract/teams';
import type { Finding } from '../../shared/model';
import type { CheckDefinition, EngineContext } from '../engine/types';
import { formatBytes } from '../../shared/format-bytes';
import { isLoopCode, scanLogs, type LogFailure } from './log-scan';
import { discoverClients } from './teams-clients';
import { teamsClients } from './teams-paths';

export const LARGE_BYTES = 1024 ** 3;
export const LARGE_FILES = 100_000;
export const STALE_DAYS = 90;
export const LOOP_THRESHOLD = 3;

/** A teams finding: its evidence must fit the schema of its id (contract/teams.ts). */
const finding = <I extends TeamsFindingId>(f: Omit<Finding, 'domain' | 'id' | 'evidence'> & { id: I; evidence: TeamsEvidenceInput<I> }): Finding => ({ domain: 'teams', ...f });

function totals(c: TeamsClientStatus): { bytes: number; files: number; newest?: string } {
  let bytes = 0;
  let files = 0;
  let newest: string | undefined;
  for (const f of c.folders) {
    bytes += f.bytes ?? 0;
    files += f.files ?? 0;
    if (f.newest && (!newest || f.newest > newest)) newest = f.newest;
  }
  return { bytes, files, ...(newest ? { newest } : {}) };
}

export function clientFindings(clients: readonly TeamsClientStatus[], processListError: string | undefined, now: Date): Finding[] {
  const installed = clients.filter((c) => c.installed);
  const out: Finding[] = [];
  if (!installed.length) {
    out.push(
      finding({
        id: 'teams.not-found',
        severity: 'info',
        title: 'No Teams profile found for this user',
        detail: `Looked in:\n${clients.flatMap((c) => c.folders.map((f) => `${c.name}: ${f.path}`)).join('\n')}`,
        evidence: { clients: [...clients] },
        fixes: [],
      }),
    );
  }
  for (const c of installed) {
    const t = totals(c);
    const running = c.running === 'yes' ? `running (${c.processes.map((p) => `${p.name} ${p.pid}`).join(', ')})` : c.running === 'no' ? 'not running' : 'running state unknown';
    out.push(
      finding({
        id: `teams.client-${c.id}`,
        severity: 'info',
        title: `${c.name}: ${formatBytes(t.bytes)} in ${t.files.toLocaleString('en-US')} files, ${running}`,
        detail: [...c.folders.filter((f) => f.exists).map((f) => `${f.path}${f.bytes !== undefined ? ` — ${formatBytes(f.bytes)}, ${f.files} files` : ''}`), c.version ? `Version ${c.version}` : ''].filter(Boolean).join('\n'),
        evidence: { client: c.id, name: c.name, folders: c.folders, running: c.running, processes: c.processes, bytes: t.bytes, files: t.files, ...(t.newest ? { newest: t.newest } : {}), ...(c.version ? { version: c.version } : {}) },
        fixes: [],
      }),
    );
    for (const f of c.folders.filter((x) => x.isLink)) {
      out.push(
        finding({
          id: `teams.folder-link-${c.id}`,
          severity: 'warn',
          title: `${c.name}'s folder is a link`,
          detail: `${f.path} is a symbolic link or junction. Sign-in Doctor will not clear a folder that is a link: it could point anywhere. Clear it by hand if you know where it points.`,
          evidence: { path: f.path },
          fixes: [],
        }),
      );
    }
    if (t.bytes > LARGE_BYTES || t.files > LARGE_FILES) {
      out.push(
        finding({
          id: `teams.cache-large-${c.id}`,
          severity: 'warn',
          title: `${c.name}'s cache is large: ${formatBytes(t.bytes)} in ${t.files.toLocaleString('en-US')} files`,
          detail: 'A large cache can slow Teams down and keep stale sign-in data. Clearing it moves it aside (undoable); logs, custom backgrounds and settings are kept.',
          evidence: { client: c.id, bytes: t.bytes, files: t.files },
          fixes: ['teams.cache-clear'],
        }),
      );
    } else if (t.newest && now.getTime() - Date.parse(t.newest) > STALE_DAYS * 86_400_000) {
      out.push(
        finding({
          id: `teams.cache-stale-${c.id}`,
          severity: 'info',
          title: `${c.name}'s cache has not been written for ${Math.floor((now.getTime() - Date.parse(t.newest)) / 86_400_000)} days`,
          detail: 'Teams has not used this profile recently; if it fails to sign in when you start it, clear the cache.',
          evidence: { client: c.id, newest: t.newest },
          fixes: ['teams.cache-clear'],
        }),
      );
    }
  }
  const running = installed.filter((c) => c.running === 'yes');
  if (running.length) {
    out.push(
      finding({
        id: 'teams.running',
        severity: 'info',
        title: `Teams is running: ${running.map((c) => c.name).join(', ')}`,
        detail: 'Teams must be closed before its cache is cleared. Quit it yourself, or let the repair quit it for you (it asks first, and forces only with your consent).',
        evidence: { processes: running.flatMap((c) => c.processes.map((p) => ({ ...p, client: c.id }))) },
        fixes: [],
      }),
    );
  }
  if (processListError && installed.length) {
    out.push(finding({ id: 'teams.running-unknown', severity: 'info', title: 'Could not tell whether Teams is running', detail: processListError, evidence: { error: processListError }, fixes: [] }));
  }
  return out;
}

/** A failure without its (redacted) line. */
function failureFacts({ excerpt: _excerpt, ...facts }: LogFailure): Omit<LogFailure, 'excerpt'> {
  return facts;
}

function describe(f: LogFailure): string {
  return `${f.time ?? 'time unknown'}  ${f.codes.map((c) => c.display).join(', ')}${f.correlationId ? `  Correlation ID ${f.correlationId}` : ''}${f.requestId ? `  Request ID ${f.requestId}` : ''}`;
}

export function logFindings(failures: readonly LogFailure[], filesRead: number): Finding[] {
  if (!failures.length) {
    return filesRead
      ? [finding({ id: 'teams.logs-clean', severity: 'ok', title: `No sign-in failures in the Teams logs (${filesRead} file${filesRead === 1 ? '' : 's'} read)`, detail: '', evidence: { filesRead }, fixes: [] })]
      : [];
  }
  const out: Finding[] = [];
  const latest = failures[0]!;
  const ca = failures.find((f) => f.codes.some((c) => c.conditionalAccess));
  const lead = ca ?? latest;
  const leadCode = lead.codes.find((c) => c.conditionalAccess) ?? lead.codes[0]!;
  const bare = leadCode.family === 'aadsts' ? leadCode.code : leadCode.display;
  const lines = failures.slice(0, 20).map(describe);
  const detail: string[] = [];
  if (ca) {
    detail.push(
      `${leadCode.display} (${leadCode.name ?? 'Conditional Access'}) means your organization's Conditional Access policy refused the sign-in on Microsoft's servers.`,
      'Clearing the Teams cache or resetting sign-in will not fix a Conditional Access block: only a change of the condition (device, network, app) or of the policy will.',
      'Send IT the Correlation ID and time below so they can open the sign-in log entry and its Conditional Access tab.',
    );
  } else {
    detail.push(`${leadCode.display}${leadCode.name ? ` (${leadCode.name})` : ''}: ${leadCode.meaning ?? 'not in our catalog; we do not guess what it means.'}`);
  }
  if (lead.correlationId) detail.push(`Correlation ID: ${lead.correlationId}`);
  if (failures.length > 1) detail.push(`${failures.length} failures found; the newest are listed in the evidence.`);
  // Fixes only when none of the failures is a Conditional Access block: a local repair never cures that.
  const fixes = ca ? [] : [...new Set(failures.flatMap((f) => f.codes.flatMap((c) => c.relatedFixes)).filter((id) => id.startsWith('teams.')))];
  out.push(
    finding({
      id: 'teams.log-signin-failure',
      severity: ca ? 'fail' : 'warn',
      title: `Sign-in failure found in Teams logs: ${bare} at ${lead.time ?? 'an unknown time'}`,
      detail: detail.join('\n'),
      evidence: {
        code: leadCode.display,
        conditionalAccess: Boolean(ca),
        ...(lead.time ? { time: lead.time } : {}),
        ...(lead.correlationId ? { correlationId: lead.correlationId } : {}),
        ...(lead.requestId ? { requestId: lead.requestId } : {}),
        file: lead.file,
        lines,
        // The facts of each line, not the line: evidence is shown, reported and sent to IT.
        failures: failures.slice(0, 20).map(failureFacts),
      },
      fixes,
    }),
  );
  const loop = failures.filter((f) => f.codes.some(isLoopCode));
  if (loop.length >= LOOP_THRESHOLD) {
    const counts = new Map<string, number>();
    for (const f of loop) for (const c of f.codes.filter(isLoopCode)) counts.set(c.display, (counts.get(c.display) ?? 0) + 1);
    out.push(
      finding({
        id: 'teams.log-signin-loop',
        severity: 'warn',
        title: `Sign-in loop in Teams logs: ${[...counts].map(([code, n]) => `${code} ×${n}`).join(', ')}`,
        detail:
          'Teams keeps failing with expired or revoked sign-in tokens. Resetting Teams sign-in (you sign in again and new tokens are issued) and clearing the Teams cache usually end such a loop.' +
          (ca ? ' Note: the logs also show a Conditional Access block, which neither repair fixes.' : ''),
        evidence: { counts: Object.fromEntries(counts), lines: loop.slice(0, 20).map(describe), failures: loop.slice(0, 20).map(failureFacts) },
        fixes: ['teams.signin-reset', 'teams.cache-clear'],
      }),
    );
  }
  return out;
}

/** Everything the CLI `teams` command and the card show. */
export async function teamsStatus(ctx: EngineContext, options: { sizes?: boolean; signal?: AbortSignal } = {}): Promise<TeamsStatus> {
  const discovery = await discoverClients(ctx, options);
  const { failures, filesRead } = await scanAllLogs(ctx);
  return {
    platform: ctx.platform,
    clients: discovery.clients,
    ...(discovery.processListError ? { processListError: discovery.processListError } : {}),
    logFailures: failures.slice(0, 50),
    logFilesRead: filesRead,
    findings: [...clientFindings(discovery.clients, discovery.processListError, ctx.now()), ...logFindings(failures, filesRead)],
  };
}

export async function scanAllLogs(ctx: EngineContext): Promise<{ failures: LogFailure[]; filesRead: number }> {
  const failures: LogFailure[] = [];
  let filesRead = 0;
  for (const def of teamsClients(ctx.platform, ctx.env)) {
    const scan = await scanLogs(def.id, def.logs);
    failures.push(...scan.failures);
    filesRead += scan.files.filter((f) => f.bytesRead > 0 || f.size === 0).length;
  }
  failures.sort((a, b) => (b.time && a.time ? b.time.localeCompare(a.time) : 0));
  return { failures, filesRead };
}

export const clientsCheck: CheckDefinition = {
  id: 'teams.clients',
  domain: 'teams',
  title: 'Teams clients, cache sizes and running state',
  timeoutMs: 60_000,
  async run(ctx) {
    const d = await discoverClients(ctx, { signal: ctx.signal });
    return clientFindings(d.clients, d.processListError, ctx.now());
  },
};

export const logsCheck: CheckDefinition = {
  id: 'teams.logs',
  domain: 'teams',
  title: 'Sign-in failures in the Teams logs',
  timeoutMs: 30_000,
  async run(ctx) {
    const { failures, filesRead } = await scanAllLogs(ctx);
    return logFindings(failures, filesRead);
  },
};
