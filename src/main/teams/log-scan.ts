// The guides' "review the Teams logs, filter for 53003" step, done for the user: read each
// client's logs newest first (a bounded tail of each file), find sign-in failures (AADSTS, bare
// "Error code: 53003", WAM 0xCAA…, classic Teams' ADAL telemetry) with their time and Correlation
// ID, explained by the explainer.
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CodeFamily } from '../../shared/contract/explain';
import { displayCode, isConditionalAccessCode } from '../../shared/knowledge/catalog';
import { redactSecrets } from '../common/redact/redact-text';
import { explainText } from '../common/explain/explain-text';
import { normalizeTimestamp } from '../common/explain/normalize-timestamp';
import type { ClientId, LogSource } from './teams-paths';

export interface LogCode {
  family: CodeFamily;
  code: string;
  /** AADSTS53003, 0xCAA2000B. */
  display: string;
  name?: string;
  meaning?: string;
  known: boolean;
  conditionalAccess: boolean;
  relatedFixes: string[];
}

export interface LogFailure {
  client: ClientId;
  file: string;
  /** 1-based line number in the part of the file that was read. */
  line: number;
  /** UTC ISO 8601, when the line (or its neighbours) say when. */
  time?: string;
  codes: LogCode[];
  correlationId?: string;
  requestId?: string;
  /** The log line, shortened, with every secret removed: for this machine's screen only, never a report. */
  excerpt: string;
}

export interface LogFileRead {
  path: string;
  size: number;
  mtimeMs: number;
  bytesRead: number;
}

export interface LogScan {
  files: LogFileRead[];
  failures: LogFailure[];
  /** Files or failures were left out because of the bounds. */
  truncated: boolean;
  errors: string[];
}

export interface ScanLimits {
  maxFiles?: number;
  maxBytesPerFile?: number;
  maxFailures?: number;
}

const DEFAULTS = { maxFiles: 10, maxBytesPerFile: 2 * 1024 * 1024, maxFailures: 200 };
// Classic Teams also logs ADAL telemetry (Microsoft_ADAL_api_error_code: 3399614476, the WAM code
// in decimal, beside Microsoft_ADAL_correlationId): the explainer reads both keys.
const CANDIDATE = /AADSTS\s?\d{5,7}|error[\s_-]?codes?["']?\s*[:=#]\s*\[?\s*\d{5,7}|caa[0-9a-f]{5}|ERROR_ADAL_|Microsoft_ADAL_(?:api|server)_error_code/i;
const MAX_LINE = 4_000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Anything that could be a secret goes before a line is shown (the shared secret rules, decoded views included). */
export function redactLine(line: string): string {
  return redactSecrets(line);
}

/** Leading timestamp of a Teams log line (all Teams logs are UTC). */
export function lineTime(line: string): string | undefined {
  // New Teams / teams-for-linux: 2026-11-23T06:42:11.123Z, [2026-11-23 06:42:11.123]
  const iso = /^\s*\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)/.exec(line);
  if (iso) return normalizeTimestamp(iso[1]!);
  // Classic: Mon Nov 23 2026 06:42:11 GMT+0000 (Coordinated Universal Time)
  const classic = /^\s*(?:mon|tue|wed|thu|fri|sat|sun)\w*\s+([a-z]{3})\w*\s+(\d{1,2})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+GMT([+-]\d{2})(\d{2})/i.exec(line);
  if (classic) {
    const month = MONTHS.indexOf(classic[1]!.toLowerCase());
    if (month < 0) return undefined;
    const sign = classic[7]!.startsWith('-') ? -1 : 1;
    const offsetMin = sign * (Math.abs(Number(classic[7])) * 60 + Number(classic[8]));
    const t = Date.UTC(Number(classic[3]), month, Number(classic[2]), Number(classic[4]), Number(classic[5]), Number(classic[6])) - offsetMin * 60_000;
    return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
  }
  return undefined;
}

function toLogCodes(text: string): { codes: LogCode[]; correlationId?: string; requestId?: string; timestamp?: string } {
  const ex = explainText(text);
  const codes = ex.codes
    .filter((c) => c.family !== 'pcsc')
    .map((c) => ({
      family: c.family,
      code: c.code,
      display: displayCode(c.family, c.code),
      ...(c.entry ? { name: c.entry.name, meaning: c.entry.meaning } : {}),
      known: c.known,
      conditionalAccess: isConditionalAccessCode(c.family, c.code),
      relatedFixes: c.entry?.relatedFixes ?? [],
    }));
  const requestId = ex.fields.requestId ?? ex.fields.traceId;
  return {
    codes,
    ...(ex.fields.correlationId ? { correlationId: ex.fields.correlationId } : {}),
    ...(requestId ? { requestId } : {}),
    ...(ex.fields.timestamp ? { timestamp: ex.fields.timestamp } : {}),
  };
}

/** Failures in one log text, newest (last) line first. Pure: tested on recorded samples. */
export function scanLogText(text: string, client: ClientId, file: string, maxFailures = DEFAULTS.maxFailures): LogFailure[] {
  const lines = text.split(/\r?\n/);
  const out: LogFailure[] = [];
  for (let i = lines.length - 1; i >= 0 && out.length < maxFailures; i--) {
    const line = lines[i]!.slice(0, MAX_LINE);
    if (!CANDIDATE.test(line)) continue;
    const own = toLogCodes(line);
    if (!own.codes.length) continue;
    // IDs are often on the next lines of the same entry (multi-line JSON or "Correlation ID:" blocks).
    const window = [line, ...lines.slice(i + 1, i + 4).map((l) => l.slice(0, MAX_LINE)).filter((l) => !lineTime(l))].join('\n');
    const around = own.correlationId ? own : toLogCodes(window);
    const time = lineTime(line) ?? own.timestamp ?? around.timestamp;
    const correlationId = own.correlationId ?? around.correlationId;
    const requestId = own.requestId ?? around.requestId;
    out.push({
      client,
      file,
      line: i + 1,
      ...(time ? { time } : {}),
      codes: own.codes,
      ...(correlationId ? { correlationId } : {}),
      ...(requestId ? { requestId } : {}),
      excerpt: redactLine(line.trim()).slice(0, 500),
    });
  }
  return out;
}

/** The last `maxBytes` of a file, starting at a whole line. */
export async function readTail(path: string, size: number, maxBytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const start = Math.max(0, size - maxBytes);
    const length = size - start;
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    let text = buffer.subarray(0, bytesRead).toString('utf8');
    if (start > 0) text = text.slice(text.indexOf('\n') + 1);
    return text;
  } finally {
    await handle.close();
  }
}

export async function scanLogs(client: ClientId, sources: readonly LogSource[], limits: ScanLimits = {}): Promise<LogScan> {
  const { maxFiles, maxBytesPerFile, maxFailures } = { ...DEFAULTS, ...limits };
  const candidates: LogFileRead[] = [];
  const errors: string[] = [];
  for (const source of sources) {
    let names: string[];
    try {
      names = await readdir(source.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') errors.push(`${source.dir}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      continue;
    }
    for (const name of names.filter((n) => source.pattern.test(n))) {
      const path = join(source.dir, name);
      try {
        const info = await stat(path);
        if (info.isFile()) candidates.push({ path, size: info.size, mtimeMs: info.mtimeMs, bytesRead: 0 });
      } catch {
        errors.push(`${path}: vanished or unreadable`);
      }
    }
  }
  candidates.sort((a, b) => b.mtimeMs - a.mtimeMs || b.path.localeCompare(a.path));
  const files = candidates.slice(0, maxFiles);
  let truncated = candidates.length > files.length;
  const failures: LogFailure[] = [];
  for (const file of files) {
    if (failures.length >= maxFailures) {
      truncated = true;
      break;
    }
    try {
      const text = await readTail(file.path, file.size, maxBytesPerFile);
      file.bytesRead = Math.min(file.size, maxBytesPerFile);
      if (file.size > maxBytesPerFile) truncated = true;
      failures.push(...scanLogText(text, client, file.path, maxFailures - failures.length));
    } catch (error) {
      errors.push(`${file.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  // Newest first across files; lines without a time keep their file order.
  failures.sort((a, b) => (b.time && a.time ? b.time.localeCompare(a.time) : 0));
  return { files, failures, truncated, errors };
}

/** Codes that mean a stale token, which a sign-in reset and a cache clear can cure. */
export function isLoopCode(c: Pick<LogCode, 'family' | 'code'>): boolean {
  return (c.family === 'aadsts' && (c.code === '50173' || c.code === '700082')) || (c.family === 'wam' && c.code.startsWith('CAA2'));
}
