// The policy: the documented default is valid and small; every fix the table lets run unattended is
// a real fix, each consent maps to a real option of that fix; a policy naming a fix that needs a
// person, or a misspelt key, is refused by name.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/main/common/cli-command';
import { CONSENT_OPTIONS, DEFAULT_POLICY, UNATTENDED_FIXES, parsePolicy } from '../../../../src/main/remediate/remediate-policy';
import { fixOptionSchemas, isFixId } from '../../../../src/shared/contract/fixes';

describe('remediate policy', () => {
  it('the default allows only the two Teams repairs of the user profile, with no consent', () => {
    expect(parsePolicy(DEFAULT_POLICY, 'default')).toEqual({ version: 1, allow: ['teams.cache-clear', 'teams.signin-reset'] });
    for (const id of DEFAULT_POLICY.allow) expect(UNATTENDED_FIXES[id], id).toBe('user');
  });

  it('every unattended fix is a fix of this build; machine fixes are the clock and the smart-card service', () => {
    for (const id of Object.keys(UNATTENDED_FIXES)) expect(isFixId(id), id).toBe(true);
    expect(Object.entries(UNATTENDED_FIXES).filter(([, c]) => c === 'machine').map(([id]) => id).sort()).toEqual(['cac.restart-service', 'clock.auto-time-on', 'clock.resync']);
    expect(UNATTENDED_FIXES['explain.save-note']).toBeUndefined();
    expect(UNATTENDED_FIXES['cac.import-dod-roots']).toBeUndefined();
  });

  it('each consent is an option the fix really reads', () => {
    for (const [id, map] of Object.entries(CONSENT_OPTIONS)) {
      const shape = (fixOptionSchemas[id as keyof typeof fixOptionSchemas] as unknown as { shape: Record<string, unknown> }).shape;
      for (const option of Object.values(map)) expect(Object.keys(shape), `${id} ${option}`).toContain(option);
    }
  });

  it('refuses what a person must give, unknown keys and other versions, naming them', () => {
    expect(() => parsePolicy({ version: 1, allow: ['cac.import-dod-roots'] }, 'p.json')).toThrow(new UsageError('p.json: cac.import-dod-roots cannot run unattended (it needs something a person gives); remove it from "allow"'));
    expect(() => parsePolicy({ version: 1, allow: [], consent: { quitteams: true } }, 'p.json')).toThrow(/consent: Unrecognized key/);
    expect(() => parsePolicy({ version: 3, allow: [] }, 'p.json')).toThrow(/version:/);
    expect(() => parsePolicy(null, 'p.json')).toThrow(UsageError);
    expect(parsePolicy({ version: 1, allow: ['clock.resync', 'clock.resync'], consent: { quitTeams: true } }, 'p.json')).toEqual({ version: 1, allow: ['clock.resync'], consent: { quitTeams: true } });
  });
});
