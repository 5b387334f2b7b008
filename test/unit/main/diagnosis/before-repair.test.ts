// An error older than a verified (or applied) repair is history: diagnoseCauses marks it
// beforeRepair, the causes that repair addressed are shown as addressed (ruled out, with the repair),
// and the causes come from the measured faults alone. A failure after the repair counts again.
import { describe, expect, it } from 'vitest';
import { DiagnosisResultSchema } from '../../../../src/shared/contract/diagnosis';
import type { RunSummary } from '../../../../src/shared/model';
import { diagnoseCauses, parseErrorTime, repairAfter } from '../../../../src/main/diagnosis/diagnose-causes';
import { errorFromLogs } from '../../../../src/main/diagnosis/error-from-logs';
import { renderVerdict } from '../../../../src/main/diagnosis/render-causes';
import * as F from './fixtures';

const LOOP_LINE = (t: string) => F.newTeamsLine(t, 'AcquireTokenSilently failed with AADSTS700082, status: InteractionRequired. Correlation ID: 7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f');
const loopLogs = () => F.teamsLogs([LOOP_LINE('2026-11-24T06:40:01.000000Z'), LOOP_LINE('2026-11-24T06:40:31.000000Z'), LOOP_LINE('2026-11-24T06:41:01.000000Z')]);
const run = (fixId: string, status: RunSummary['status'], startedAt: string, runId = `r-${fixId}-${startedAt}`): RunSummary => ({ runId, fixId: fixId as RunSummary['fixId'], status, startedAt, updatedAt: startedAt, title: fixId, undoable: true, interrupted: false });

describe('repairAfter (the error picker against the journal)', () => {
  const error = errorFromLogs(loopLogs(), F.NOW)!;

  it('takes the newest verified repair that started after the error; one that did not verify (applied) does not count', () => {
    expect(error.source).toMatchObject({ kind: 'teams-log', time: '2026-11-24T06:41:01.000Z' });
    const history = [run('teams.cache-clear', 'verified', '2026-11-24T06:50:00.000Z'), run('teams.signin-reset', 'verified', '2026-11-24T06:55:00.000Z'), run('teams.cache-clear', 'verified', '2026-11-24T06:30:00.000Z'), run('teams.cache-clear', 'applied', '2026-11-24T07:10:00.000Z')];
    expect(repairAfter(error, history)).toEqual({ runId: 'r-teams.signin-reset-2026-11-24T06:55:00.000Z', fixId: 'teams.signin-reset', at: '2026-11-24T06:55:00.000Z' });
    expect(repairAfter(error, [run('teams.signin-reset', 'applied', '2026-11-24T06:55:00.000Z')])).toBeUndefined();
  });

  it('ignores repairs older than the error and repairs that failed, were undone or rolled back', () => {
    const history = [run('teams.signin-reset', 'verified', '2026-11-24T06:41:00.000Z'), run('teams.signin-reset', 'failed', '2026-11-24T06:50:00.000Z'), run('teams.signin-reset', 'undone', '2026-11-24T06:51:00.000Z'), run('teams.signin-reset', 'rolled-back', '2026-11-24T06:52:00.000Z')];
    expect(repairAfter(error, history)).toBeUndefined();
  });

  it('a pasted error counts as before a repair only when its text carries a timestamp', () => {
    const history = [run('teams.signin-reset', 'verified', '2026-11-24T06:55:00.000Z')];
    const base = { codes: [], source: { kind: 'pasted' as const } };
    expect(repairAfter(base, history)).toBeUndefined();
    expect(repairAfter({ ...base, timestamp: '2026-11-24 06:41:12Z' }, history)?.fixId).toBe('teams.signin-reset');
    expect(repairAfter({ ...base, timestamp: '2026-11-24T07:00:00Z' }, history)).toBeUndefined();
    expect(parseErrorTime('2026-11-24 06:41:12')).toBe(Date.parse('2026-11-24T06:41:12Z'));
  });
});

describe('diagnoseCauses with a repair in the journal', () => {
  const findings = [...loopLogs(), ...F.clock(200)];

  it('without a newer repair: the loop is the strong cause (control)', () => {
    const r = diagnoseCauses({ findings, now: F.NOW, history: [run('teams.signin-reset', 'verified', '2026-11-24T06:00:00.000Z')] });
    expect(r.error?.source.beforeRepair).toBeUndefined();
    expect(r.causes.map((c) => `${c.id}:${c.strength}`)).toEqual(['signin-loop:strong', 'sign-in-again:possible', 'clock-skew:ruled-out']);
  });

  it('after teams.signin-reset: the error is history, the stale-token causes are addressed, measured faults alone rank', () => {
    const r = diagnoseCauses({ findings, now: F.NOW, history: [run('teams.signin-reset', 'verified', '2026-11-24T06:55:00.000Z', 'run-1')] });
    expect(DiagnosisResultSchema.parse(r)).toEqual(r);
    expect(r.error?.source.beforeRepair).toEqual({ runId: 'run-1', fixId: 'teams.signin-reset', at: '2026-11-24T06:55:00.000Z' });
    expect(r.error?.verdict).toMatch(/^Before your repair at 2026-11-24 06:55 UTC \(teams\.signin-reset\): AADSTS700082/);
    // The clock is fine (no measured fault), so nothing is open; the loop is addressed, not strong.
    expect(r.causes.filter((c) => c.strength !== 'ruled-out')).toEqual([]);
    const loop = r.causes.find((c) => c.id === 'signin-loop')!;
    expect(loop).toMatchObject({ strength: 'ruled-out', fixes: [], addressedBy: { runId: 'run-1', fixId: 'teams.signin-reset' } });
    expect(loop.because[0]!.fact).toContain('Addressed by your repair teams.signin-reset at 2026-11-24 06:55 UTC');
    const text = renderVerdict(r);
    expect(text).toContain('before your repair at 2026-11-24 06:55 UTC');
    expect(text).not.toContain('[STRONG]');
  });

  it('a measured fault still ranks after the repair (clock 10 min off)', () => {
    const r = diagnoseCauses({ findings: [...loopLogs(), ...F.clock(600_000)], now: F.NOW, history: [run('teams.cache-clear', 'verified', '2026-11-24T06:55:00.000Z')] });
    expect(r.error?.source.beforeRepair?.fixId).toBe('teams.cache-clear');
    expect(r.causes.filter((c) => c.strength === 'strong').map((c) => c.id)).toContain('clock-skew');
    expect(r.causes.find((c) => c.id === 'signin-loop')?.addressedBy?.fixId).toBe('teams.cache-clear');
  });

  it('a failure newer than the repair counts again', () => {
    const logs = F.teamsLogs([LOOP_LINE('2026-11-24T06:40:01.000000Z'), LOOP_LINE('2026-11-24T06:56:01.000000Z'), LOOP_LINE('2026-11-24T06:57:01.000000Z')]);
    const r = diagnoseCauses({ findings: [...logs, ...F.clock(200)], now: F.NOW, history: [run('teams.signin-reset', 'verified', '2026-11-24T06:55:00.000Z')] });
    expect(r.error?.source.beforeRepair).toBeUndefined();
    expect(r.error?.source).toMatchObject({ time: '2026-11-24T06:57:01.000Z' });
    expect(r.causes[0]).toMatchObject({ id: 'signin-loop', strength: 'strong' });
  });
});
