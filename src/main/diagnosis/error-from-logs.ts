// The error when none is pasted: the newest sign-in failure of the last 7 days that the Teams log
// check found (the typed evidence of teams.log-signin-failure), with its file, line and time.
import type { DiagnosisErrorInput } from '../../shared/contract/diagnosis';
import { firstWith } from '../../shared/contract/findings';
import type { Finding } from '../../shared/model';

export const LOG_ERROR_WINDOW_MS = 7 * 86_400_000;
/** Log times are written by this computer's clock; a little ahead of "now" is still recent. */
const FUTURE_SLACK_MS = 3_600_000;

export function errorFromLogs(findings: readonly Finding[], now: Date): DiagnosisErrorInput | undefined {
  const found = firstWith(findings, 'teams.log-signin-failure');
  if (!found) return undefined;
  const t = now.getTime();
  // Failures without a time cannot be placed in the last 7 days: they are not taken.
  const recent = found.evidence.failures
    .flatMap((f) => {
      const at = f.time ? Date.parse(f.time) : NaN;
      return Number.isFinite(at) && at <= t + FUTURE_SLACK_MS && t - at <= LOG_ERROR_WINDOW_MS && f.codes.length ? [{ f, at }] : [];
    })
    .sort((a, b) => b.at - a.at);
  const newest = recent[0]?.f;
  if (!newest) return undefined;
  return {
    codes: newest.codes.map((c) => ({ family: c.family, code: c.code, display: c.display, ...(c.name ? { name: c.name } : {}), known: c.known })),
    ...(newest.correlationId ? { correlationId: newest.correlationId } : {}),
    ...(newest.requestId ? { requestId: newest.requestId } : {}),
    ...(newest.time ? { timestamp: newest.time } : {}),
    source: { kind: 'teams-log', client: newest.client, file: newest.file, line: newest.line, ...(newest.time ? { time: newest.time } : {}) },
  };
}
