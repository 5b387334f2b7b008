// A cause read only from the Teams logs is handled by a repair of one of its fixes that started
// after the newest log failure; a measured fault (clock, DNS) never is, nor is a failure newer than the repair.
import { describe, expect, it } from 'vitest';
import { repairedLogCauses } from '../../../../src/main/remediate/repaired-log-causes';
import type { Cause } from '../../../../src/shared/contract/diagnosis';
import type { Finding, RunSummary } from '../../../../src/shared/model';

const failure = (time: string): Finding => ({ id: 'teams.log-signin-failure', domain: 'teams', severity: 'warn', title: 't', detail: '', fixes: [], evidence: { code: '0xCAA2000B', conditionalAccess: false, time, file: '/home/u/Logs/MSTeams.log', lines: [], failures: [] } });
const cause = (id: string, findingId: string, fixes: Cause['fixes']): Cause => ({ id, strength: 'strong', title: id, because: [{ findingId, fact: 'f' }], who: 'user', userActions: [], fixes, itActions: [] });
const run = (fixId: string, startedAt: string, status: RunSummary['status'] = 'verified'): RunSummary => ({ runId: `20261201T000000Z-${fixId.length.toString().padStart(6, 'a')}`, fixId, status, startedAt, updatedAt: startedAt, title: fixId, undoable: true, interrupted: false });

describe('repairedLogCauses', () => {
  const loop = cause('signin-loop', 'teams.log-signin-loop', ['teams.signin-reset', 'teams.cache-clear']);
  const clock = cause('clock-skew', 'clock.skew', ['clock.resync']);

  it('a later verified repair of the loop handles it; the clock is measured anew', () => {
    const map = repairedLogCauses([loop, clock], [failure('2026-11-23T06:41:01.000Z')], [run('teams.signin-reset', '2026-12-01T10:00:00.000Z'), run('clock.resync', '2026-12-01T10:00:00.000Z')]);
    expect([...map.keys()]).toEqual(['signin-loop']);
    expect(map.get('signin-loop')).toMatchObject({ fixId: 'teams.signin-reset', at: '2026-12-01T10:00:00.000Z' });
  });

  it('a failure after the repair, a failed or undone run, another fix, or no failure time: not handled', () => {
    expect(repairedLogCauses([loop], [failure('2026-12-01T11:00:00.000Z')], [run('teams.signin-reset', '2026-12-01T10:00:00.000Z')]).size).toBe(0);
    expect(repairedLogCauses([loop], [failure('2026-11-23T06:41:01.000Z')], [run('teams.signin-reset', '2026-12-01T10:00:00.000Z', 'failed'), run('teams.cache-clear', '2026-12-01T10:00:00.000Z', 'undone')]).size).toBe(0);
    expect(repairedLogCauses([loop], [failure('2026-11-23T06:41:01.000Z')], [run('network.dns-flush', '2026-12-01T10:00:00.000Z')]).size).toBe(0);
    expect(repairedLogCauses([loop], [], [run('teams.signin-reset', '2026-12-01T10:00:00.000Z')]).size).toBe(0);
  });
});
