// CLI commands of the clock domain: `clock [--server host[:port]]...` measures the clock against
// time servers (or the sign-in endpoint's Date header) and shows automatic time and time zone.
import { describeOffset, type ClockStatus, type ServerResultView } from '../../shared/contract/clock';
import { parseServerAddress } from './server-address';
import { UsageError, callOrThrow, flagAll, type CommandRun } from '../common/cli-command';
import { renderFindings } from '../common/cli-render';

const METHOD = { sntp: 'NTP (SNTP)', 'https-date': 'HTTPS Date header (no NTP server answered)', none: 'none (nothing could be measured)' } as const;

function serverRow(s: ServerResultView, agreeing: readonly string[]): string[] {
  const result =
    s.status === 'ok'
      ? `${s.offsetMs! >= 0 ? '+' : ''}${Math.round(s.offsetMs!)} ms${agreeing.includes(s.server) ? '' : ' (disagrees, ignored)'}`
      : s.reason === 'kiss-o-death'
        ? `rejected: kiss-o'-death ${s.kissCode ?? ''}`.trim()
        : `${s.status}${s.reason ? ` (${s.reason})` : ''}`;
  return [s.server, s.address ?? '-', result, s.delayMs !== undefined ? `${Math.round(s.delayMs)} ms` : '-', s.stratum !== undefined ? String(s.stratum) : '-', s.refid ?? '-'];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_c, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

export function renderClock(status: ClockStatus): string {
  const m = status.measurement;
  const lines = [
    table([['Server', 'Address', 'Offset', 'Delay', 'Stratum', 'Refid'], ...m.servers.map((s) => serverRow(s, m.agreeing))]),
    ...m.servers.filter((s) => s.status !== 'ok' && s.detail).map((s) => `  ${s.server}: ${s.detail}`),
    '',
    `Verdict:        ${m.offsetMs === undefined ? 'the clock could not be measured' : `your clock is ${describeOffset(m.offsetMs)} (true time = local ${m.offsetMs >= 0 ? '+' : '-'} ${Math.abs(m.offsetMs)} ms)`}`,
    `Method:         ${METHOD[m.method]}${m.httpsDate ? ` — ${m.httpsDate.url}${m.httpsDate.ok ? '' : `: ${m.httpsDate.detail ?? 'failed'}`}` : ''}`,
    `Automatic time: ${status.settings.autoTime}${status.settings.timeServer ? ` (${status.settings.timeServer})` : ''}`,
    `Time zone:      ${status.settings.timeZone ?? 'unknown'}`,
    '',
  ];
  return `${lines.join('\n')}\n${renderFindings(status.findings)}`;
}

export const runClock: CommandRun = async (inv) => {
  if (inv.args.length) throw new UsageError(`unexpected argument ${inv.args[0]}`);
  const servers = flagAll(inv, 'server');
  if (inv.flags.has('server') && !servers.length) throw new UsageError('--server needs a value: host[:port]');
  for (const s of servers) {
    const parsed = parseServerAddress(s);
    if ('error' in parsed) throw new UsageError(`bad --server ${parsed.error}`);
  }
  const status = await callOrThrow(inv, 'clock.measure', servers.length ? { servers } : {});
  return { exitCode: 0, json: status, human: renderClock(status) };
};

