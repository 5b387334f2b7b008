// The message for IT with the verdict: the error, the top causes with their evidence (strongest
// first, at most 3, then one ruled-out line), what was tried from the journal (title, time,
// result) and the device facts, in that order.
import { describe, expect, it } from 'vitest';
import { diagnoseCauses } from '../../../../src/main/diagnosis/diagnose-causes';
import { buildItMessage, triedLines } from '../../../../src/main/report/it-message';
import type { Cause, DiagnosisResult } from '../../../../src/shared/contract/diagnosis';
import type { RunSummary } from '../../../../src/shared/model';
import * as F from '../diagnosis/fixtures';

const run = (fixId: string, title: string, status: RunSummary['status'], startedAt: string): RunSummary => ({ runId: `r-${startedAt}`, fixId: fixId as RunSummary['fixId'], status, startedAt, updatedAt: startedAt, title, undoable: false, interrupted: false });
const history: RunSummary[] = [
  run('teams.signin-reset', 'Reset the Teams sign-in', 'verified', '2026-11-24T08:10:00.000Z'),
  run('teams.cache-clear', 'Clear the Teams cache', 'failed', '2026-11-24T08:00:00.000Z'),
  run('clock.resync', 'Resynchronize the clock', 'undone', '2026-11-24T07:50:00.000Z'),
];
const cause = (id: string, strength: Cause['strength'], title: string, facts: string[]): Cause => ({ id, strength, title, because: facts.map((fact) => ({ findingId: 'x.y', fact })), who: 'user', userActions: [], fixes: [], itActions: [] });

describe('message for IT with the verdict', () => {
  it('lists what was tried with title, time and result (verified / failed / undone)', () => {
    expect(triedLines(history)).toEqual([
      '2026-11-24 08:10 UTC  Reset the Teams sign-in (teams.signin-reset): verified',
      '2026-11-24 08:00 UTC  Clear the Teams cache (teams.cache-clear): failed',
      '2026-11-24 07:50 UTC  Resynchronize the clock (clock.resync): undone',
    ]);
  });

  it('the error, the causes (at most 3, strongest first, with facts), ruled out, tried, device: in that order', () => {
    const verdict: DiagnosisResult = {
      error: { codes: [{ family: 'aadsts', code: '700082', display: 'AADSTS700082', name: 'ExpiredOrRevokedGrant', known: true }], correlationId: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', timestamp: '2026-11-24T06:41:01.000Z', source: { kind: 'teams-log', client: 'new', file: 'C:/logs/MSTeams.log', line: 12, time: '2026-11-24T06:41:01.000Z' }, verdict: 'x' },
      causes: [
        cause('a', 'strong', 'Cause A', ['fact A1', 'fact A2']),
        cause('b', 'possible', 'Cause B', ['fact B1']),
        cause('c', 'possible', 'Cause C', ['fact C1']),
        cause('d', 'possible', 'Cause D', ['fact D1']),
        cause('clock-skew', 'ruled-out', 'Clock', ['clock: 0.2 s off, fine']),
      ],
    };
    const { message, facts } = buildItMessage({ now: F.NOW, findings: [], history, verdict });
    const order = [
      'Error code: AADSTS700082 (ExpiredOrRevokedGrant)',
      'Correlation ID: 7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      'Timestamp (UTC): 2026-11-24T06:41:01.000Z',
      'Seen in: the new Teams log C:/logs/MSTeams.log, line 12',
      'Most likely causes (strongest first):',
      '1. Cause A (strong)',
      '   - fact A1',
      '   - fact A2',
      '2. Cause B (possible)',
      '3. Cause C (possible)',
      'Checked and ruled out: Clock (clock: 0.2 s off, fine)',
      'What I already tried:',
      '- 2026-11-24 08:10 UTC  Reset the Teams sign-in (teams.signin-reset): verified',
      'This device:',
      'Device platform: unknown',
    ];
    let at = -1;
    for (const s of order) {
      const i = message.indexOf(s);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
    expect(message).not.toContain('Cause D');
    expect(facts.errorCodes).toEqual(['AADSTS700082 (ExpiredOrRevokedGrant)']);
    expect(facts.causes).toEqual(['Cause A (strong)', 'Cause B (possible)', 'Cause C (possible)']);
    expect(facts.tried).toHaveLength(3);
  });

  it('says when the error is from before a repair (from the causes engine)', () => {
    const line = (t: string) => F.newTeamsLine(t, 'AcquireTokenSilently failed with AADSTS700082, status: InteractionRequired. Correlation ID: 7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f');
    const findings = [...F.teamsLogs([line('2026-11-24T06:40:01.000000Z'), line('2026-11-24T06:41:01.000000Z')]), ...F.clock(200)];
    const verdict = diagnoseCauses({ findings, now: F.NOW, history });
    const { message } = buildItMessage({ now: F.NOW, findings, history, verdict });
    expect(message).toContain('Note: this error is from before my repair teams.signin-reset at 2026-11-24 08:10 UTC');
    expect(message).toContain('Addressed by your repair teams.signin-reset');
  });

  it('with no verdict it says none were found and keeps the old sections', () => {
    const { message, facts } = buildItMessage({ now: F.NOW, findings: [], history: [] });
    expect(message).toContain('Most likely causes (strongest first):\n- none found on this device');
    expect(message).toContain('Error code: not given');
    expect(facts.causes).toBeUndefined();
  });
});
