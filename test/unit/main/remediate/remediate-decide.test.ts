// Which fixes an unattended run applies: causes offer fixes in order, the first that works handles
// the cause, a failure tries the next; a plan blocked only for want of a consent is named as such; a
// plan that needs administrator rights outside root/SYSTEM is skipped, never applied. The port
// stands in for the service's fix.plan / fix.apply (the built-CLI tests run the real ones).
import { describe, expect, it } from 'vitest';
import { decideAndRun, type FixPort } from '../../../../src/main/remediate/remediate-decide';
import type { Cause } from '../../../../src/shared/contract/diagnosis';
import type { FixId } from '../../../../src/shared/contract/fixes';
import type { RemediatePolicy, RunContext } from '../../../../src/shared/contract/remediate';
import type { FixPlan, RunRecord } from '../../../../src/shared/model';

const USER: RunContext = { kind: 'user', elevated: false, how: 'uid 1000' };
const cause = (id: string, fixes: FixId[], strength: Cause['strength'] = 'strong'): Cause => ({ id, strength, title: id, because: [], who: 'user', userActions: [], fixes, itActions: [] });

function port(behaviour: { blockedUnlessQuit?: FixId[]; needsAdmin?: FixId[]; fails?: FixId[] } = {}) {
  const calls: string[] = [];
  const p: FixPort = {
    title: (id) => id,
    async plan(fixId, options) {
      calls.push(`plan ${fixId} ${JSON.stringify(options)}`);
      const blocked = behaviour.blockedUnlessQuit?.includes(fixId) && options.quitTeams !== true;
      return { fixId, title: fixId, summary: '', changes: [], keeps: [], steps: [], needsAdmin: behaviour.needsAdmin?.includes(fixId) ?? false, needsClosed: [], undoable: true, undoDescription: '', warnings: [], planId: `plan-${fixId}`, ...(blocked ? { blockedBy: 'Teams is running' } : {}) } satisfies FixPlan;
    },
    async apply(planId) {
      calls.push(`apply ${planId}`);
      const fixId = planId.slice(5) as FixId;
      return { runId: `run-${fixId}`, status: behaviour.fails?.includes(fixId) ? 'failed' : 'verified', error: 'a step failed' } as RunRecord;
    },
  };
  return { port: p, calls };
}

const POLICY: RemediatePolicy = { version: 1, allow: ['teams.signin-reset', 'teams.cache-clear', 'network.dns-flush'] };

describe('decideAndRun', () => {
  it('apply: the first fix of a cause handles it; a fix shared with a later cause is not run twice', async () => {
    const { port: p, calls } = port();
    const { fixes } = await decideAndRun('apply', [cause('signin-loop', ['teams.signin-reset', 'teams.cache-clear']), cause('other', ['teams.signin-reset'])], POLICY, USER, p);
    expect(calls).toEqual(['plan teams.signin-reset {}', 'apply plan-teams.signin-reset']);
    expect(fixes).toEqual([
      expect.objectContaining({ fixId: 'teams.signin-reset', outcome: 'verified', runId: 'run-teams.signin-reset', causes: ['signin-loop', 'other'] }),
      expect.objectContaining({ fixId: 'teams.cache-clear', outcome: 'skipped', reason: 'cause-handled' }),
    ]);
  });

  it('apply: when the first fix fails the next one of the cause is tried', async () => {
    const { port: p, calls } = port({ fails: ['teams.signin-reset'] });
    const { fixes } = await decideAndRun('apply', [cause('signin-loop', ['teams.signin-reset', 'teams.cache-clear'])], POLICY, USER, p);
    expect(calls.filter((c) => c.startsWith('apply'))).toEqual(['apply plan-teams.signin-reset', 'apply plan-teams.cache-clear']);
    expect(fixes.map((f) => [f.fixId, f.outcome])).toEqual([['teams.signin-reset', 'failed'], ['teams.cache-clear', 'verified']]);
  });

  it('a plan that cannot be made (an error, not "cannot run now") is a failure, and the next fix is tried', async () => {
    const { port: p } = port();
    const broken: FixPort = { ...p, plan: async (fixId, options) => (fixId === 'teams.signin-reset' ? Promise.reject(new Error('the state folder is unsafe')) : p.plan(fixId, options)) };
    const { fixes } = await decideAndRun('detect', [cause('signin-loop', ['teams.signin-reset', 'teams.cache-clear'])], POLICY, USER, broken);
    expect(fixes.map((f) => [f.fixId, f.outcome, f.detail])).toEqual([
      ['teams.signin-reset', 'failed', 'could not be planned: the state folder is unsafe'],
      ['teams.cache-clear', 'planned', undefined],
    ]);
  });

  it('a plan blocked only because Teams may not be quit is "needs-consent"; with the consent it runs quitting Teams', async () => {
    const without = await decideAndRun('detect', [cause('signin-loop', ['teams.signin-reset'])], POLICY, USER, port({ blockedUnlessQuit: ['teams.signin-reset'] }).port);
    expect(without.fixes[0]).toMatchObject({ outcome: 'skipped', reason: 'needs-consent' });
    const { port: p, calls } = port({ blockedUnlessQuit: ['teams.signin-reset'] });
    const withConsent = await decideAndRun('apply', [cause('signin-loop', ['teams.signin-reset'])], { ...POLICY, consent: { quitTeams: true, forceQuitTeams: true } }, USER, p);
    expect(withConsent.fixes[0]).toMatchObject({ outcome: 'verified' });
    expect(calls[0]).toBe('plan teams.signin-reset {"quitTeams":true,"force":true}');
  });

  it('a plan that needs administrator rights outside root/SYSTEM is skipped and never applied; possible and addressed causes offer nothing', async () => {
    const { port: p, calls } = port({ needsAdmin: ['network.dns-flush'] });
    const addressed = { ...cause('old', ['teams.cache-clear']), addressedBy: { runId: 'r', fixId: 'teams.cache-clear', at: 'now' } };
    const { fixes } = await decideAndRun('apply', [cause('dns', ['network.dns-flush']), cause('maybe', ['teams.cache-clear'], 'possible'), addressed], POLICY, USER, p);
    expect(fixes).toEqual([expect.objectContaining({ fixId: 'network.dns-flush', outcome: 'skipped', reason: 'needs-elevation' })]);
    expect(calls.some((c) => c.startsWith('apply'))).toBe(false);
  });

  it('policy and context come before any plan: not allowed, a machine fix as the user, a per-user fix as SYSTEM', async () => {
    const { port: p, calls } = port();
    const asUser = await decideAndRun('detect', [cause('clock-skew', ['clock.resync']), cause('proxy', ['network.proxy-disable'])], { version: 1, allow: ['clock.resync'] }, USER, p);
    expect(asUser.fixes.map((f) => [f.fixId, f.reason])).toEqual([['clock.resync', 'needs-elevation'], ['network.proxy-disable', 'not-allowed']]);
    const asSystem = await decideAndRun('detect', [cause('loop', ['teams.cache-clear'])], POLICY, { kind: 'system', elevated: true, how: 'uid 0' }, p);
    expect(asSystem.fixes[0]).toMatchObject({ reason: 'needs-user-context' });
    expect(calls).toEqual([]);
  });
});
