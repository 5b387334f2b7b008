import { describe, expect, it } from 'vitest';
import type { TeamsClientStatus } from '../../../../src/shared/contract/teams';
import { FindingSchema } from '../../../../src/shared/model';
import type { LogFailure } from '../../../../src/main/teams/log-scan';
import { scanLogText } from '../../../../src/main/teams/log-scan';
import { clientFindings, logFindings } from '../../../../src/main/teams/teams-checks';

const CA_LINE = '2026-11-23T06:41:12.345000Z <ERR> AADSTS53003: Access has been blocked by Conditional Access policies. Correlation ID: 3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b';
const loopLine = (t: string) => `2026-11-23T06:${t}.000000Z <WARN> AADSTS700082: The refresh token has expired due to inactivity.`;
const scan = (...lines: string[]): LogFailure[] => scanLogText(lines.join('\n'), 'new', 'MSTeams.log');

describe('teams findings', () => {
  it('53003 in the logs: a fail with the truthful explanation and NO cache-clear or sign-in reset offered', () => {
    const findings = logFindings(scan(loopLine('30:00'), CA_LINE), 1);
    const f = findings.find((x) => x.id === 'teams.log-signin-failure')!;
    expect(FindingSchema.parse(f)).toEqual(f);
    expect(f.severity).toBe('fail');
    expect(f.title).toBe('Sign-in failure found in Teams logs: 53003 at 2026-11-23T06:41:12.345Z');
    expect(f.detail).toMatch(/will not fix a Conditional Access block/);
    expect(f.fixes).toEqual([]);
    expect(f.evidence.correlationId).toBe('3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b');
    expect((f.evidence.lines as string[])[0]).toMatch(/AADSTS53003.*Correlation ID 3f2d8a71/);
  });

  it('53003 is named first even when a later, lesser failure exists', () => {
    const f = logFindings(scan(CA_LINE, loopLine('50:00')), 1).find((x) => x.id === 'teams.log-signin-failure')!;
    expect(f.title).toMatch(/53003/);
    expect(f.fixes).toEqual([]);
  });

  it('a stale-token loop offers the sign-in reset and the cache clear', () => {
    const findings = logFindings(scan(loopLine('30:00'), loopLine('31:00'), loopLine('32:00')), 2);
    const loop = findings.find((x) => x.id === 'teams.log-signin-loop')!;
    expect(loop.title).toBe('Sign-in loop in Teams logs: AADSTS700082 ×3');
    expect(loop.fixes).toEqual(['teams.signin-reset', 'teams.cache-clear']);
    const failure = findings.find((x) => x.id === 'teams.log-signin-failure')!;
    expect(failure.severity).toBe('warn');
    expect(failure.fixes).toEqual(expect.arrayContaining(['teams.signin-reset']));
  });

  it('the evidence carries the facts of each failure line (client, file, line, time, codes, IDs), never the line', () => {
    const line = `${CA_LINE} Authorization: Bearer mF_9.B5f-4.1JqM RAWLINEMARKER`;
    const findings = logFindings(scan(loopLine('30:00'), loopLine('31:00'), loopLine('32:00'), line), 1);
    for (const f of findings) {
      expect(JSON.stringify(f.evidence)).not.toMatch(/RAWLINEMARKER|mF_9|excerpt|Access has been blocked/);
      expect(f.evidence.excerpts).toBeUndefined();
    }
    const failure = findings.find((x) => x.id === 'teams.log-signin-failure')!;
    expect((failure.evidence.failures as unknown[])[0]).toMatchObject({ client: 'new', file: 'MSTeams.log', line: 4, time: '2026-11-23T06:41:12.345Z', correlationId: '3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b', codes: [{ display: 'AADSTS53003' }] });
    const loop = findings.find((x) => x.id === 'teams.log-signin-loop')!;
    expect(loop.evidence.failures).toHaveLength(3);
  });

  it('two failures are not a loop; clean logs are ok', () => {
    expect(logFindings(scan(loopLine('30:00'), loopLine('31:00')), 1).some((f) => f.id === 'teams.log-signin-loop')).toBe(false);
    expect(logFindings([], 3)).toMatchObject([{ id: 'teams.logs-clean', severity: 'ok' }]);
    expect(logFindings([], 0)).toEqual([]);
  });

  it('client findings: size, running, large cache, link root, not installed', () => {
    const now = new Date('2026-11-23T07:00:00Z');
    const client = (over: Partial<TeamsClientStatus>): TeamsClientStatus => ({
      id: 'new',
      name: 'New Teams',
      installed: true,
      folders: [{ path: '/x/MSTeams', exists: true, isLink: false, bytes: 2 * 1024 ** 3, files: 50_000, newest: '2026-11-22T00:00:00.000Z' }],
      running: 'yes',
      processes: [{ pid: 42, name: 'ms-teams.exe' }],
      ...over,
    });
    const ids = clientFindings([client({})], undefined, now).map((f) => f.id);
    expect(ids).toEqual(['teams.client-new', 'teams.cache-large-new', 'teams.running']);
    const large = clientFindings([client({})], undefined, now).find((f) => f.id === 'teams.cache-large-new')!;
    expect(large.fixes).toEqual(['teams.cache-clear']);
    const stale = clientFindings([client({ running: 'no', processes: [], folders: [{ path: '/x', exists: true, isLink: false, bytes: 10, files: 1, newest: '2026-01-01T00:00:00.000Z' }] })], undefined, now);
    expect(stale.map((f) => f.id)).toEqual(['teams.client-new', 'teams.cache-stale-new']);
    const link = clientFindings([client({ running: 'no', folders: [{ path: '/x', exists: true, isLink: true }] })], undefined, now);
    expect(link.map((f) => f.id)).toContain('teams.folder-link-new');
    expect(clientFindings([client({ installed: false })], undefined, now).map((f) => f.id)).toEqual(['teams.not-found']);
    expect(clientFindings([client({ running: 'unknown', processes: [] })], 'could not list processes (ps: ENOENT)', now).map((f) => f.id)).toContain('teams.running-unknown');
  });
});
