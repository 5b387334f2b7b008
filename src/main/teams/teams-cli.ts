// The teams domain's CLI command: `teams` (clients, running state, cache sizes, sign-in failures
// in the logs, findings) and `teams --official-reset` (the Windows Settings page of new Teams).
import type { OfficialReset, TeamsStatus } from '../../shared/contract/teams';
import { formatBytes } from '../../shared/format-bytes';
import { UsageError, callOrThrow, hasFlag, type CommandRun } from '../common/cli-command';
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

export const runTeams: CommandRun = async (inv) => {
  if (inv.args.length) throw new UsageError(`unexpected argument ${inv.args[0]}`);
  if (hasFlag(inv, 'official-reset')) {
    const reset = await callOrThrow(inv, 'teams.official-reset', { open: false });
    return { exitCode: 0, json: reset, human: renderOfficialReset(reset) };
  }
  const status = await callOrThrow(inv, 'teams.status', { sizes: !hasFlag(inv, 'no-sizes') });
  return { exitCode: 0, json: status, human: renderTeamsStatus(status) };
};
