// A cause read only from the Teams logs is addressed by a repair of one of its fixes that started
// after the newest log failure (listed as ruled out, with the repair); a measured fault (clock, DNS)
// never is, nor is a loop with a failure newer than the repair, a failed or undone run, or another fix.
import { describe, expect, it } from 'vitest';
import { markRepairedLogCauses } from '../../../../src/main/diagnosis/repaired-log-causes';
import { diagnoseCauses, type RepairRun } from '../../../../src/main/diagnosis/diagnose-causes';
import type { Cause } from '../../../../src/shared/contract/diagnosis';
import type { Finding } from '../../../../src/shared/model';
import * as F from './fixtures';

const failure = (time: string): Finding => ({ id: 'teams.log-signin-failure', domain: 'teams', severity: 'warn', title: 't', detail: '', fixes: [], evidence: { code: '0xCAA2000B', conditionalAccess: false, time, file: '/home/u/Logs/MSTeams.log', lines: [], failures: [] } });
const cause = (id: string, findingId: string, fixes: Cause['fixes'], strength: Cause['strength'] = 'strong'): Cause => ({ id, strength, title: id, because: [{ findingId, fact: 'f' }], who: 'user', userActions: [], fixes, itActions: [] });
const run = (fixId: string, startedAt: string, status: RepairRun['status'] = 'verified'): RepairRun => ({ runId: `20261201T100000Z-${fixId.length.toString().padStart(6, 'a')}`, fixId, status, startedAt });

describe('markRepairedLogCauses', () => {
  const loop = cause('signin-loop', 'teams.log-signin-loop', ['teams.signin-reset', 'teams.cache-clear']);
  const clock = cause('clock-skew', 'clock.skew', ['clock.resync']);
  const gone = cause('dns', 'network.dns', [], 'ruled-out');

  it('a later verified repair addresses the loop (ruled out, no fixes, the repair named); the clock is measured anew', () => {
    const out = markRepairedLogCauses([loop, clock, gone], [failure('2026-11-23T06:41:01.000Z')], [run('teams.signin-reset', '2026-12-01T10:00:00.000Z'), run('clock.resync', '2026-12-01T10:00:00.000Z')]);
    expect(out.map((c) => [c.id, c.strength])).toEqual([
      ['clock-skew', 'strong'],
      ['signin-loop', 'ruled-out'],
      ['dns', 'ruled-out'],
    ]);
    const addressed = out.find((c) => c.id === 'signin-loop')!;
    expect(addressed.fixes).toEqual([]);
    expect(addressed.addressedBy).toMatchObject({ fixId: 'teams.signin-reset', at: '2026-12-01T10:00:00.000Z' });
    expect(addressed.because[0]!.fact).toBe('Addressed by your repair teams.signin-reset at 2026-12-01 10:00 UTC; the failures in the logs are from before it');
  });

  it('a failure after the repair, a failed or undone run, another fix, or no failure time: unchanged', () => {
    const same = (findings: Finding[], history: RepairRun[]) => expect(markRepairedLogCauses([loop], findings, history)).toEqual([loop]);
    same([failure('2026-12-01T11:00:00.000Z')], [run('teams.signin-reset', '2026-12-01T10:00:00.000Z')]);
    same([failure('2026-11-23T06:41:01.000Z')], [run('teams.signin-reset', '2026-12-01T10:00:00.000Z', 'failed'), run('teams.cache-clear', '2026-12-01T10:00:00.000Z', 'undone')]);
    same([failure('2026-11-23T06:41:01.000Z')], [run('network.dns-flush', '2026-12-01T10:00:00.000Z')]);
    same([], [run('teams.signin-reset', '2026-12-01T10:00:00.000Z')]);
  });

  it('diagnose with no current error (the loop is older than 7 days) lists the repaired loop as addressed', () => {
    const line = (t: string) => F.newTeamsLine(t, 'AcquireTokenSilently failed with AADSTS700082, status: InteractionRequired. Correlation ID: 7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f');
    // The real log scanner reads a loop from three lines of 2026-11-01: a month before "now", so no current error.
    const findings = F.teamsLogs([line('2026-11-01T06:40:01.000000Z'), line('2026-11-01T06:40:31.000000Z'), line('2026-11-01T06:41:01.000000Z')]);
    const before = diagnoseCauses({ findings, now: new Date('2026-12-01T12:00:00Z') });
    const after = diagnoseCauses({ findings, now: new Date('2026-12-01T12:00:00Z'), history: [run('teams.signin-reset', '2026-12-01T10:00:00.000Z')] });
    const loopOf = (r: typeof before) => r.causes.find((c) => c.because.some((b) => b.findingId.startsWith('teams.log-')));
    expect(before.error).toBeUndefined();
    expect(loopOf(before)?.strength).toBe('strong');
    expect(loopOf(after)).toMatchObject({ strength: 'ruled-out', fixes: [], addressedBy: { fixId: 'teams.signin-reset' } });
  });
});
