// `--csv FILE`: one row per machine and finding (a machine without findings gets one row with the
// finding columns empty), worst machines first. Every cell is quoted; one that a spreadsheet would
// take for a formula (= + - @, or a tab or carriage return first) gets a leading apostrophe.
import type { MachineRecord } from './machine-record';
import { domainOf } from './machine-record';
import { SEVERITY_ORDER, worstSeverity } from '../../shared/model';

export const CSV_HEADER = ['machine', 'named_by', 'file', 'document', 'time', 'os', 'os_version', 'teams_client', 'worst', 'finding', 'domain', 'severity', 'title', 'error_code', 'error_name', 'first_cause', 'newer_schema'] as const;

/** One CSV cell: quoted, quotes doubled, formula starts defused. */
export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const line = (cells: ReadonlyArray<string | number | boolean | undefined>) => `${cells.map(csvCell).join(',')}\r\n`;

/** The CSV, a line at a time (written as it is made, never held whole). */
export function* csvLines(machines: Iterable<MachineRecord>): Generator<string> {
  yield line(CSV_HEADER);
  for (const m of machines) {
    const base = [m.label, m.labelFrom, m.file, m.kind, m.at, m.os?.platform, m.os?.version, m.teams.map((t) => (t.version ? `${t.name} ${t.version}` : t.name)).join('; '), worstSeverity(m.findings)];
    const tail = [m.error?.display, m.error?.name, m.causes[0], m.newerSchema ? 'yes' : 'no'];
    const findings = [...m.findings].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.id.localeCompare(b.id));
    if (findings.length === 0) yield line([...base, '', '', '', '', ...tail]);
    for (const f of findings) yield line([...base, f.id, domainOf(f.id), f.severity, f.title, ...tail]);
  }
}
