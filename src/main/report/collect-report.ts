// Gathers what a report says: a fresh diagnosis (every domain, or some), the device summary, the
// journal's history and the explained error text. Nothing is redacted here; bundle.ts does that.
import type { Diagnosis } from '../../shared/contract/core';
import type { DeviceSummary } from '../../shared/contract/device';
import type { Explanation } from '../../shared/contract/explain';
import type { DiagnosisResult } from '../../shared/contract/diagnosis';
import type { Domain, Finding, RunRecord, RunSummary } from '../../shared/model';
import { runChecks } from '../engine/check-runner';
import type { DomainDeps } from '../engine/types';

export interface ReportData {
  generatedAt: string;
  platform: string;
  diagnosis: Diagnosis;
  device?: DeviceSummary;
  explanation?: Explanation;
  history: RunSummary[];
  /** The verdict: the error (pasted, else the newest Teams log failure) and the ranked causes. */
  verdict?: DiagnosisResult;
  /** Full journal records of the most recent runs (steps, verification), for the fix history file. */
  runs: RunRecord[];
}

const MAX_RUNS = 50;

function deviceProblem(error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return { id: 'device.state-error', domain: 'device', severity: 'warn', title: 'Device registration and OS: could not run', detail, evidence: { check: 'device.state' }, fixes: [] };
}

/** The other domains' work comes through the service (deps.checks, deps.call): the report imports none of them. */
export async function collectReport(deps: Pick<DomainDeps, 'ctx' | 'checks' | 'domains' | 'call'>, options: { pastedText?: string; only?: Domain[] }): Promise<ReportData> {
  const startedAt = deps.ctx.now().toISOString();
  const domains: Domain[] = (options.only ?? deps.domains).filter((d) => d !== 'report');
  // The device state is read once and used both as findings and as the summary the message needs.
  const checks = (await deps.checks(domains)).filter((c) => c.domain !== 'device');
  const text = options.pastedText?.trim();
  const [findings, device, history, explanation] = await Promise.all([
    runChecks(checks, deps.ctx),
    domains.includes('device') ? deps.call('device.status', {}).catch((error: unknown) => ({ summary: undefined, findings: [deviceProblem(error)] })) : Promise.resolve(undefined),
    deps.call('history.list', {}).catch(() => [] as RunSummary[]),
    text ? deps.call('explain.text', { text }) : Promise.resolve(undefined),
  ]);
  const allFindings: Finding[] = [...findings, ...(device?.findings ?? [])];
  const runs: RunRecord[] = [];
  for (const summary of history.slice(0, MAX_RUNS)) {
    try {
      runs.push(await deps.call('history.get', { runId: summary.runId }));
    } catch {
      // a journal entry that cannot be read is listed in history but has no details
    }
  }
  // The verdict comes through the service (a domain imports no other): diagnose.causes ranks the causes
  // of the error (the pasted text, else the newest Teams log failure) for the findings gathered above,
  // with the journal's repairs: the checks run once. A failure leaves the report without causes, never
  // without the report.
  const verdict: DiagnosisResult | undefined = await deps
    .call('diagnose.causes', { findings: allFindings, ...(text ? { errorText: text } : {}) })
    .catch(() => undefined);
  return {
    generatedAt: startedAt,
    platform: deps.ctx.platform,
    diagnosis: { startedAt, finishedAt: deps.ctx.now().toISOString(), domains, findings: allFindings },
    ...(device?.summary ? { device: device.summary } : {}),
    ...(explanation ? { explanation } : {}),
    history,
    ...(verdict ? { verdict } : {}),
    runs,
  };
}
