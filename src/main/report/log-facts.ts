// Teams log failures in the support bundle: an allow-list. A bundle carries the catalogued facts of
// each failure line (time, code and its catalog name, Correlation and Request ID, client, file,
// line number), never the line: a raw log line can hold secrets no redaction rule knows, a fact has
// a known shape, checked here field by field. What does not fit its shape is left out.
import { displayCode, findEntry, parseCode } from '../../shared/knowledge/catalog';
import { evidenceOf, type Evidence } from '../../shared/contract/findings';
import type { Finding } from '../../shared/model';
import type { Redactor } from '../common/redact/redactor';

/** Findings whose evidence comes from Teams log lines. */
export const TEAMS_LOG_PREFIX = 'teams.log-';

export interface LogCodeFact {
  code: string;
  name?: string;
}

export interface LogFailureFact {
  time?: string;
  codes: LogCodeFact[];
  correlationId?: string;
  requestId?: string;
  client?: 'classic' | 'new' | 'linux';
  file?: string;
  line?: number;
  conditionalAccess?: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const CLIENTS = ['classic', 'new', 'linux'] as const;
const CLIENT_LABEL: Record<(typeof CLIENTS)[number], string> = { classic: 'classic Teams', new: 'new Teams', linux: 'teams-for-linux' };
const MAX_FAILURES = 20;

const guid = (v: string | undefined) => (v !== undefined && GUID.test(v) ? v.toLowerCase() : undefined);
const time = (v: string | undefined) => (v !== undefined && ISO_TIME.test(v) ? v : undefined);

type FailureEvidence = Evidence<'teams.log-signin-failure'>['failures'][number];

/** A code of our catalogs, shown the catalog's way, with the catalog's name (never text from the log). */
function codeFact(raw: string): LogCodeFact | undefined {
  const ref = raw.length <= 40 ? parseCode(raw) : undefined;
  if (!ref || ref.family === 'pcsc') return undefined;
  const name = findEntry(ref.family, ref.code)?.name;
  return { code: displayCode(ref.family, ref.code), ...(name ? { name } : {}) };
}

export function failureFact(f: FailureEvidence): LogFailureFact | undefined {
  const codes = f.codes.map((c) => codeFact(c.display)).filter((c): c is LogCodeFact => Boolean(c));
  if (!codes.length) return undefined;
  const client = CLIENTS.find((c) => c === f.client);
  const t = time(f.time);
  const correlationId = guid(f.correlationId);
  const requestId = guid(f.requestId);
  return {
    ...(t ? { time: t } : {}),
    codes,
    ...(correlationId ? { correlationId } : {}),
    ...(requestId ? { requestId } : {}),
    ...(client ? { client } : {}),
    ...(f.file.length <= 1024 ? { file: f.file } : {}),
    ...(Number.isSafeInteger(f.line) && f.line > 0 ? { line: f.line } : {}),
  };
}

export function describeFact(f: LogFailureFact): string {
  return `${f.time ?? 'time unknown'}  ${f.codes.map((c) => (c.name ? `${c.code} ${c.name}` : c.code)).join(', ')}${f.correlationId ? `  Correlation ID ${f.correlationId}` : ''}${f.requestId ? `  Request ID ${f.requestId}` : ''}`;
}

function whereOf(f: LogFailureFact): string {
  return [f.client ? CLIENT_LABEL[f.client] : undefined, f.file, f.line ? `line ${f.line}` : undefined].filter(Boolean).join(', ');
}

/** The typed evidence of a Teams log finding (failure or loop); undefined for any other finding. */
function logEvidence(f: Pick<Finding, 'id' | 'evidence'>) {
  return evidenceOf(f, 'teams.log-signin-failure') ?? evidenceOf(f, 'teams.log-signin-loop');
}

/** The failures a Teams log finding carries, as facts. */
export function failureFacts(f: Pick<Finding, 'id' | 'evidence'>): LogFailureFact[] {
  return (logEvidence(f)?.failures ?? [])
    .slice(0, MAX_FAILURES)
    .map(failureFact)
    .filter((x): x is LogFailureFact => Boolean(x));
}

/** A Teams log finding's evidence, reduced to the fields whose shape is known (nothing, when it is not a known log finding or does not fit its schema). */
export function logEvidenceFacts(f: Pick<Finding, 'id' | 'evidence'>): Record<string, unknown> {
  const failures = failureFacts(f);
  const failure = evidenceOf(f, 'teams.log-signin-failure');
  const loop = evidenceOf(f, 'teams.log-signin-loop');
  const code = failure ? codeFact(failure.code) : undefined;
  const t = time(failure?.time);
  const correlationId = guid(failure?.correlationId);
  const requestId = guid(failure?.requestId);
  const counts = Object.entries(loop?.counts ?? {})
    .map(([k, n]) => [codeFact(k)?.code, n] as const)
    .filter((e): e is readonly [string, number] => e[0] !== undefined && Number.isSafeInteger(e[1]));
  return {
    ...(code ? { code: code.code } : {}),
    ...(failure ? { conditionalAccess: failure.conditionalAccess } : {}),
    ...(t ? { time: t } : {}),
    ...(correlationId ? { correlationId } : {}),
    ...(requestId ? { requestId } : {}),
    ...(failure && failure.file.length <= 1024 ? { file: failure.file } : {}),
    ...(counts.length ? { counts: Object.fromEntries(counts) } : {}),
    ...(failures.length ? { lines: failures.map(describeFact), failures } : {}),
  };
}

/** A finding as the bundle may carry it: Teams log evidence reduced to its facts, the rest as it is (redacted later). */
export function allowListed(f: Finding): Finding {
  return f.id.startsWith(TEAMS_LOG_PREFIX) ? { ...f, evidence: logEvidenceFacts(f) } : f;
}

/** logs/teams-sign-in.txt: one block per Teams log finding, one fact line per failure. */
export function teamsLogText(findings: readonly Finding[], redactor: Redactor): string | undefined {
  const blocks: string[] = [];
  for (const f of findings.filter((x) => x.id.startsWith(TEAMS_LOG_PREFIX))) {
    const facts = failureFacts(f);
    if (!facts.length) continue;
    const lines = facts.map((x) => {
      const where = whereOf(x);
      return `${describeFact(x)}${where ? `\n    ${where}` : ''}`;
    });
    blocks.push(redactor.text(`== ${f.title} (${f.id}) ==\n${lines.join('\n')}`));
  }
  if (!blocks.length) return undefined;
  const head = 'Teams sign-in failures found in the logs\n(the catalogued facts of each failure line: time, code, IDs, client, file and line number; the log lines themselves are not copied)';
  return `${head}\n\n${blocks.join('\n\n')}\n`;
}

/** How many failure facts the Teams log file holds. */
export function teamsLogFailureCount(findings: readonly Finding[]): number {
  return findings.filter((x) => x.id.startsWith(TEAMS_LOG_PREFIX)).reduce((n, f) => n + failureFacts(f).length, 0);
}
