// What diagnose.run adds beside the findings: the error (pasted text, else the newest recent
// sign-in failure in the Teams logs unless logs are off) and the ranked causes.
import type { DiagnosisResult } from '../../shared/contract/diagnosis';
import type { Finding } from '../../shared/model';
import { errorFromLogs } from './error-from-logs';
import { errorFromText } from './error-from-text';
import { rankCauses } from './rank-causes';

export interface DiagnoseCausesInput {
  errorText?: string;
  noLogs?: boolean;
  findings: readonly Finding[];
  now: Date;
}

export function diagnoseCauses({ errorText, noLogs, findings, now }: DiagnoseCausesInput): DiagnosisResult {
  const error = errorText !== undefined ? errorFromText(errorText) : noLogs ? undefined : errorFromLogs(findings, now);
  return rankCauses({ ...(error ? { error } : {}), findings, now });
}

/** The check that reads the Teams logs (left out with noLogs). */
export const TEAMS_LOG_CHECK = 'teams.logs';
