// The evidence and option schemas by id: lookups (exact, family, the shared problem schema), typed
// reads, compile-time checks of builders and options (tsc runs over test/: the @ts-expect-error
// lines fail the type check if the mistake stopped being an error), and the fixes' schemas are the
// ones the domains register.
import { describe, expect, it } from 'vitest';
import { DOMAIN_LIST } from '../../../../src/main/domains';
import { clockFinding } from '../../../../src/shared/contract/clock';
import { deviceFinding } from '../../../../src/shared/contract/device';
import { PROBLEM_KEY, evidenceMismatch, evidenceOf, findingKeyFor, findingSchemaFor, findingSchemas, findingsWith, firstWith } from '../../../../src/shared/contract/findings';
import { fixOptionSchemas, fixPlanInput, isFixId, type FixOptionsInput } from '../../../../src/shared/contract/fixes';
import type { Finding } from '../../../../src/shared/model';

const finding = (id: string, evidence: Record<string, unknown>): Finding => ({ id, domain: 'teams', severity: 'info', title: id, detail: '', evidence, fixes: [] });
const client = { client: 'new', name: 'New Teams', folders: [], running: 'no', processes: [], bytes: 10, files: 2 };

describe('finding schemas by id', () => {
  it('an id finds its exact schema, its family, or the shared problem schema; exact ids win over the problem key', () => {
    expect(findingKeyFor('clock.skew')).toBe('clock.skew');
    expect(findingKeyFor('teams.client-new')).toBe('teams.client-*');
    expect(findingKeyFor('cac.cert-expired-9a')).toBe('cac.cert-expired-*');
    expect(findingKeyFor('cac.cert-expiring-9a')).toBe('cac.cert-expiring-*');
    expect(findingKeyFor('teams.clients-error')).toBe(PROBLEM_KEY);
    expect(findingKeyFor('device.last-error')).toBe('device.last-error');
    expect(findingKeyFor('network.proxy-config-error')).toBe('network.proxy-config-error');
    for (const unknown of ['teams.client-', 'teams.client-new-extra', 'teams.made-up', 'clock.skew2', '*-error', 'teams.cache-large-*']) expect(findingKeyFor(unknown), unknown).toBeUndefined();
    expect(findingSchemaFor('teams.made-up')).toBeUndefined();
  });

  it('keys are apart: a sample id of every key finds that key and no other', () => {
    for (const key of Object.keys(findingSchemas)) {
      const sample = key === PROBLEM_KEY ? 'clock.time-error' : key.replace(/\*$/, '9a');
      expect(findingKeyFor(sample), key).toBe(key);
    }
  });

  it('evidenceMismatch names a missing schema, a misspelt key and a wrong type', () => {
    expect(evidenceMismatch(finding('teams.client-new', client))).toBeUndefined();
    expect(evidenceMismatch(finding('teams.made-up', {}))).toMatch(/no evidence schema/);
    expect(evidenceMismatch(finding('teams.client-new', { ...client, byts: 1 }))).toMatch(/teams\.client-new: evidence does not match.*byts/s);
    expect(evidenceMismatch(finding('teams.client-new', { ...client, bytes: '10' }))).toMatch(/bytes/);
    expect(evidenceMismatch(finding('teams.clients-error', { check: 'teams.clients' }))).toBeUndefined();
  });

  it('evidenceOf gives typed evidence for the finding asked for, and nothing for another id or evidence that does not fit', () => {
    const f = finding('teams.client-new', client);
    const ev = evidenceOf(f, 'teams.client-*');
    expect(ev?.bytes).toBe(10);
    expect(evidenceOf(f, 'teams.cache-large-*')).toBeUndefined();
    expect(evidenceOf(finding('teams.client-new', { ...client, bytes: '10' }), 'teams.client-*')).toBeUndefined();
    expect(evidenceOf(undefined, 'clock.skew')).toBeUndefined();
    const list = [finding('teams.running-unknown', { error: 'ps failed' }), f, finding('teams.client-classic', { ...client, client: 'classic' })];
    expect(findingsWith(list, 'teams.client-*').map((x) => x.evidence.client)).toEqual(['new', 'classic']);
    expect(firstWith(list, 'teams.running-unknown')?.evidence.error).toBe('ps failed');
  });

  it('typed builders: the evidence follows the id (misspelt keys and wrong ids do not compile)', () => {
    const ok = clockFinding('clock.auto-time', 'ok', 'Automatic time is on', '', { autoTime: 'on', source: 'timedatectl' });
    expect(evidenceMismatch(ok)).toBeUndefined();
    // @ts-expect-error -- a misspelt evidence key
    clockFinding('clock.auto-time', 'ok', 'x', '', { autoTime: 'on', sorce: 'timedatectl' });
    // @ts-expect-error -- a value of the wrong type
    clockFinding('clock.auto-time', 'ok', 'x', '', { autoTime: 'yes', source: 'timedatectl' });
    // @ts-expect-error -- an id the domain does not declare
    deviceFinding('device.made-up', 'ok', 'x', '', {});
    // @ts-expect-error -- evidence of another id
    deviceFinding('device.tenant', 'ok', 'x', '', { found: [] });
    const read = evidenceOf(ok, 'clock.auto-time');
    // @ts-expect-error -- a field the schema does not have
    void read?.offsetMs;
    expect(read?.source).toBe('timedatectl');
  });
});

describe('fix options by id', () => {
  it('every fix a domain registers uses its contract schema, and every contract schema belongs to a registered fix', async () => {
    const fixes = (await Promise.all(DOMAIN_LIST.map((d) => d.load()))).flatMap((m) => m.fixes);
    expect(fixes.length).toBeGreaterThanOrEqual(9);
    for (const fix of fixes) {
      expect(isFixId(fix.id), fix.id).toBe(true);
      expect(fix.options, fix.id).toBe(fixOptionSchemas[fix.id as keyof typeof fixOptionSchemas]);
    }
    expect(Object.keys(fixOptionSchemas).sort()).toEqual(fixes.map((f) => f.id).sort());
  });

  it('options are typed by fix id: a misspelt option or a wrong value does not compile; CLI strings are accepted where the schema says', () => {
    const input: FixOptionsInput<'teams.cache-clear'> = { quitTeams: true, force: 'yes' };
    expect(fixOptionSchemas['teams.cache-clear'].parse(input)).toEqual({ client: 'all', quitTeams: true, force: true });
    // @ts-expect-error -- misspelt option
    const misspelt: FixOptionsInput<'teams.cache-clear'> = { quitTeam: true };
    void misspelt;
    // @ts-expect-error -- not a cloud
    fixPlanInput('network.proxy-bypass-add', { cloud: 'moon' });
    expect(fixPlanInput('network.proxy-bypass-add', { cloud: 'gcch' })).toEqual({ fixId: 'network.proxy-bypass-add', options: { cloud: 'gcch' } });
    expect(fixOptionSchemas['clock.resync'].safeParse({ server: '-oProxyCommand=x' }).success).toBe(false);
    expect(fixOptionSchemas['clock.resync'].safeParse({ server: 'time.windows.com' }).success).toBe(true);
  });
});
