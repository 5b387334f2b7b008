// The teams domain's CLI command: `teams` (clients, running state, cache sizes, sign-in failures
// in the logs, findings), `teams --official-reset` (the Windows Settings page of new Teams), and
// "try signing in again": `teams --start` and `teams --watch-signin [--timeout S]`.
import type { OfficialReset, SigninOutcome, TeamsStart, TeamsStatus } from '../../shared/contract/teams';
import { formatBytes } from '../../shared/format-bytes';
import { UsageError, callOrThrow, flag, hasFlag, type CommandRun, type Invocation } from '../common/cli-command';
import { renderFindings } from '../common/cli-render';

export function renderTeamsStatus(s: TeamsStatus): string {
  const lines: string[] = [];
  const installed = s.clients.filter((c) => c.installed);
  if (!installed.length) lines.push('No Teams client found for this user.');
  for (const c of installed) {
    const running = c.running === 'yes' ? `running (${c.processes.map((p) => `${p.name} pid ${p.pid}`).join(', ')})` : c.running === 'no' ? 'not running' : 'running state unknown';
    lines.push(`${c.name}${c.version ? ` ${c.version}` : ''}: ${running}`);
    for (const f of c.folders.filter((x) => x.exists)) {
      const size = f.bytes !== undefined ? `${formatBytes(f.bytes)}, ${(f.files ?? 0).toLocaleString('en-US')} files${f.truncated ? ' (at least)' : ''}` : '';
      lines.push(`  ${f.path}${f.isLink ? '  (a link: will not be cleared)' : ''}${size ? `  ${size}` : ''}${f.newest ? `, last written ${f.newest}` : ''}`);
    }
  }
  if (s.processListError) lines.push(`Note: ${s.processListError}`);
  lines.push('', `Sign-in failures in the Teams logs (${s.logFilesRead} file${s.logFilesRead === 1 ? '' : 's'} read, newest first):`);
  if (!s.logFailures.length) lines.push('  none found');
  for (const f of s.logFailures.slice(0, 10)) {
    lines.push(`  ${f.time ?? 'time unknown'}  ${f.codes.map((c) => `${c.display}${c.name ? ` ${c.name}` : ''}`).join(', ')}${f.correlationId ? `  Correlation ID ${f.correlationId}` : ''}`);
  }
  if (s.logFailures.length > 10) lines.push(`  … and ${s.logFailures.length - 10} more (see --json)`);
  lines.push('', renderFindings(s.findings).trimEnd());
  return `${lines.join('\n')}\n`;
}

export function renderOfficialReset(r: OfficialReset): string {
  const lines = [r.explanation];
  if (r.uri) lines.push('', `Settings page: ${r.uri}`, '(open it with: start "" "' + r.uri + '" in a Command Prompt)');
  if (r.steps.length) lines.push('', ...r.steps.map((s, i) => `${i + 1}. ${s}`));
  return `${lines.join('\n')}\n`;
}

export function renderStart(r: TeamsStart): string {
  const how = r.launcher ? `\n  launcher: ${[r.launcher.program, ...r.launcher.args].join(' ')}` : '';
  return `${r.started ? r.message : `Teams was not started: ${r.message}`}${how}\n`;
}

/** One line per outcome. */
export function renderSignin(o: SigninOutcome, timeoutS: number): string {
  if (o.outcome === 'signed-in') return `Teams signed in${o.at ? ` (${o.at})` : ''}.\n`;
  if (o.outcome === 'failed') {
    const what = [o.display ?? o.code ?? 'an error', o.name ? `(${o.name})` : ''].filter(Boolean).join(' ');
    const extra = [o.meaning, o.correlationId ? `Correlation ID ${o.correlationId}` : '', o.at ? `at ${o.at}` : ''].filter(Boolean).join('; ');
    return `Teams failed again with ${what}${extra ? `: ${extra}` : ''}.\n`;
  }
  return `No sign-in answer from Teams within ${timeoutS} s (watched: ${o.watched.join(', ') || 'no log folder yet'}${o.mode === 'poll' ? ', by polling' : ''}).\n`;
}

const CLIENT_CHOICES = ['auto', 'new', 'classic', 'linux'] as const;
type ClientChoice = (typeof CLIENT_CHOICES)[number];

function clientFlag(inv: Invocation): ClientChoice {
  const value = flag(inv, 'client') ?? 'auto';
  if (!(CLIENT_CHOICES as readonly string[]).includes(value)) throw new UsageError(`--client must be one of ${CLIENT_CHOICES.join(', ')} (got "${value}")`);
  return value as ClientChoice;
}

function timeoutFlag(inv: Invocation): number {
  const value = flag(inv, 'timeout');
  if (value === undefined) return 120;
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 120) throw new UsageError(`--timeout must be whole seconds from 1 to 120 (got "${value}")`);
  return Number(value);
}

async function runSignin(inv: Invocation): Promise<{ exitCode: 0; json: unknown; human: string }> {
  const start = hasFlag(inv, 'start');
  const watch = hasFlag(inv, 'watch-signin');
  const client = clientFlag(inv);
  if (!watch && (hasFlag(inv, 'timeout') || hasFlag(inv, 'since'))) throw new UsageError('--timeout and --since go with --watch-signin');
  const timeoutS = watch ? timeoutFlag(inv) : 120;
  const since = flag(inv, 'since');
  if (since !== undefined && !Number.isFinite(Date.parse(since))) throw new UsageError(`--since must be an ISO time (got "${since}")`);
  // With --start, only what Teams writes from the moment before it starts counts.
  const startedAt = new Date().toISOString();
  const started = start ? await callOrThrow(inv, 'teams.start', { client }) : undefined;
  if (!watch) return { exitCode: 0, json: started, human: renderStart(started!) };
  if (started && !started.started) return { exitCode: 0, json: { start: started }, human: renderStart(started) };
  if (!inv.json) inv.io.err(`Watching the Teams logs for the next sign-in (up to ${timeoutS} s)…\n`);
  const outcome = await callOrThrow(inv, 'teams.watch-signin', { since: since ?? startedAt, timeoutMs: timeoutS * 1000, client: started?.client ?? client });
  const human = renderSignin(outcome, timeoutS);
  return started ? { exitCode: 0, json: { start: started, signin: outcome }, human: renderStart(started) + human } : { exitCode: 0, json: outcome, human };
}

export const runTeams: CommandRun = async (inv) => {
  if (inv.args.length) throw new UsageError(`unexpected argument ${inv.args[0]}`);
  if (hasFlag(inv, 'start') || hasFlag(inv, 'watch-signin')) {
    if (hasFlag(inv, 'official-reset') || hasFlag(inv, 'no-sizes')) throw new UsageError('--start / --watch-signin do not go with --official-reset or --no-sizes');
    return runSignin(inv);
  }
  if (hasFlag(inv, 'client') || hasFlag(inv, 'timeout') || hasFlag(inv, 'since')) throw new UsageError('--client, --timeout and --since go with --start or --watch-signin');
  if (hasFlag(inv, 'official-reset')) {
    const reset = await callOrThrow(inv, 'teams.official-reset', { open: false });
    return { exitCode: 0, json: reset, human: renderOfficialReset(reset) };
  }
  const status = await callOrThrow(inv, 'teams.status', { sizes: !hasFlag(inv, 'no-sizes') });
  return { exitCode: 0, json: status, human: renderTeamsStatus(status) };
};
