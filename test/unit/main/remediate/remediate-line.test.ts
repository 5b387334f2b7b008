// The one line Intune shows per device: never more than 2,048 characters, never two lines, cut with
// an ellipsis and never inside a character, the most important parts first.
import { describe, expect, it } from 'vitest';
import { oneLine, remediateLine } from '../../../../src/main/remediate/remediate-line';
import type { RemediateFix } from '../../../../src/shared/contract/remediate';

describe('oneLine', () => {
  it('turns control characters and line breaks into single spaces', () => {
    expect(oneLine('a\r\nb\tc\u0000d\u2028e   f')).toBe('a b c d e f');
  });

  it('keeps a line of exactly the limit and cuts a longer one to the limit with an ellipsis', () => {
    expect(oneLine('x'.repeat(2048))).toBe('x'.repeat(2048));
    const cut = oneLine('x'.repeat(2049));
    expect(cut).toHaveLength(2048);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never leaves half of a character at the cut', () => {
    // '😀' is two UTF-16 units: an odd offset puts the limit inside one.
    for (const prefix of ['', 'a']) {
      const cut = oneLine(prefix + '😀'.repeat(2000), 100);
      expect(cut.length).toBeLessThanOrEqual(100);
      expect(cut.endsWith('…')).toBe(true);
      expect(/[\ud800-\udbff]$/.test(cut.slice(0, -1))).toBe(false);
      expect(() => encodeURIComponent(cut)).not.toThrow();
    }
  });
});

describe('remediateLine', () => {
  const skipped = (i: number): RemediateFix => ({ fixId: 'teams.cache-clear', title: 't', causes: [`c${i}`], outcome: 'skipped', reason: 'not-allowed' });

  it('a pathological number of problems and skipped fixes still gives one line of at most 2,048 characters, headline and error first', () => {
    const problems = Array.from({ length: 5000 }, (_, i) => ({ id: `cause-${i}`, title: `Problem ${i} 😀 with a long title\nand a line break` }));
    const line = remediateLine({
      mode: 'detect',
      fixes: [{ fixId: 'teams.signin-reset', title: 'Reset', causes: ['signin-loop'], outcome: 'planned' }, ...Array.from({ length: 3000 }, (_, i) => skipped(i))],
      problems,
      failCount: 4000,
      warnCount: 9000,
      error: { codes: [{ family: 'aadsts', code: '700082', display: 'AADSTS700082', known: true }], source: { kind: 'teams-log', client: 'new', file: '/x', line: 3, time: '2026-11-30T06:41:01.000Z' } },
      conditionalAccess: false,
    });
    expect(line.length).toBeLessThanOrEqual(2048);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line.startsWith('Sign-in Doctor: Needs repair: would apply teams.signin-reset | sign-in error: AADSTS700082 at 2026-11-30T06:41:01.000Z | problems: Problem 0 😀 with a long title and a line break [cause-0]')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
  });

  it('names at most three error codes, then how many more', () => {
    const codes = Array.from({ length: 40 }, (_, i) => ({ family: 'aadsts' as const, code: String(50000 + i), display: `AADSTS${50000 + i}`, known: false }));
    const line = remediateLine({ mode: 'detect', fixes: [], problems: [], failCount: 0, warnCount: 0, error: { codes, source: { kind: 'pasted' } }, conditionalAccess: false });
    expect(line).toContain('| sign-in error: AADSTS50000, AADSTS50001, AADSTS50002 (+37 more) |');
  });

  it('apply: names what failed with its reason and what was repaired with its run id', () => {
    const line = remediateLine({
      mode: 'apply',
      fixes: [
        { fixId: 'teams.signin-reset', title: 'r', causes: ['signin-loop'], outcome: 'failed', runId: '20261201T000000Z-aaaaaa', detail: 'a step failed' },
        { fixId: 'teams.cache-clear', title: 'c', causes: ['signin-loop'], outcome: 'verified', runId: '20261201T000001Z-bbbbbb' },
        { fixId: 'clock.resync', title: 'k', causes: ['clock-skew'], outcome: 'skipped', reason: 'needs-elevation' },
      ],
      problems: [],
      failCount: 0,
      warnCount: 1,
      conditionalAccess: false,
    });
    expect(line).toBe(
      'Sign-in Doctor: Not repaired: teams.signin-reset failed (run 20261201T000000Z-aaaaaa): a step failed; repaired: teams.cache-clear (run 20261201T000001Z-bbbbbb) | sign-in error: none in the Teams logs of the last 7 days | problems: no strong cause; 0 failed and 1 warning checks | skipped: clock.resync (needs root/SYSTEM, never prompts)',
    );
  });
});
