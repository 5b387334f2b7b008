// What diagnose.run adds beside the findings: the error (pasted text, else the newest recent
// sign-in failure in the Teams logs unless logs are off) and the ranked causes. An error older than
// a verified repair of the journal is history: it is marked beforeRepair and the
// causes that repair addressed are shown as addressed; so is a cause read only from the Teams logs
// whose failures are all older than a repair of it (repaired-log-causes.ts).
import type { BeforeRepair, DiagnosisErrorInput, DiagnosisResult } from '../../shared/contract/diagnosis';
import type { Finding } from '../../shared/model';
import { errorFromLogs } from './error-from-logs';
import { errorFromText } from './error-from-text';
import { rankCauses } from './rank-causes';
import { isRepaired, markRepairedLogCauses, type RepairRun } from './repaired-log-causes';

export interface DiagnoseCausesInput {
  errorText?: string;
  noLogs?: boolean;
  findings: readonly Finding[];
  now: Date;
  /** The journal's runs (runner.history() or the journal's records), in any order. */
  history?: readonly RepairRun[];
}

export type { RepairRun };

/** A time of a log line or an error page; a time without a zone is UTC (the error pages say so). */
export function parseErrorTime(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = s.trim();
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(t) ? t : `${t.replace(' ', 'T')}Z`;
  const ms = Date.parse(zoned);
  if (Number.isFinite(ms)) return ms;
  const plain = Date.parse(t);
  return Number.isFinite(plain) ? plain : undefined;
}


/** The newest verified repair that started after the error's time (none when the error has no time). */
export function repairAfter(error: DiagnosisErrorInput, history: readonly RepairRun[]): BeforeRepair | undefined {
  const at = parseErrorTime(error.source.kind === 'teams-log' ? (error.source.time ?? error.timestamp) : error.timestamp);
  if (at === undefined) return undefined;
  const newer = history
    .flatMap((r) => {
      const started = Date.parse(r.startedAt);
      return isRepaired(r) && Number.isFinite(started) && started > at ? [{ r, started }] : [];
    })
    .sort((a, b) => b.started - a.started)[0];
  return newer ? { runId: newer.r.runId, fixId: newer.r.fixId, at: newer.r.startedAt } : undefined;
}

export function diagnoseCauses({ errorText, noLogs, findings, now, history = [] }: DiagnoseCausesInput): DiagnosisResult {
  const found = errorText !== undefined ? errorFromText(errorText) : noLogs ? undefined : errorFromLogs(findings, now);
  const beforeRepair = found ? repairAfter(found, history) : undefined;
  const error = found && beforeRepair ? { ...found, source: { ...found.source, beforeRepair } } : found;
  const ranked = rankCauses({ ...(error ? { error } : {}), findings, now });
  return { ...ranked, causes: markRepairedLogCauses(ranked.causes, findings, history) };
}

/** The check that reads the Teams logs (left out with noLogs). */
export const TEAMS_LOG_CHECK = 'teams.logs';
