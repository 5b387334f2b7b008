// Every redaction pattern is linear in its input, shown without a clock:
// 1. its shape (test/support/regex-steps.ts shapeProblems): anchored start, star height 1,
//    bounded lookarounds, no two repeats competing for the same characters;
// 2. its cost on hostile input, counted in backtracking steps by a model of a backtracking engine:
//    four times the input may cost at most about four times the steps (quadratic would be 16);
// 3. the checks can fail: the old e-mail pattern (80 KB of letters took 7.5 s) is caught by both.
// The throughput figures are in `npm run bench redact`.
import { describe, expect, it } from 'vitest';
import { literalRule, PERSONAL_RULES } from '../../../../../src/main/common/redact/personal-rules';
import { redactText } from '../../../../../src/main/common/redact/redact-text';
import type { RedactionRule } from '../../../../../src/main/common/redact/rule';
import { SECRET_RULES } from '../../../../../src/main/common/redact/secret-rules';
import { countSteps, shapeProblems } from '../../../../support/regex-steps';

const RULES: RedactionRule[] = [...SECRET_RULES, ...PERSONAL_RULES, literalRule('C:\\Users\\alice.smith', 'home', false), literalRule('ws-0142.corp.contoso.com', 'host')];
const OLD_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/dg;

const BATTERY = [...'aA0-._=:/\\"\'%&;@ \t\n<>#?+,{}[]()$eJ', 'a=', 'a:', '\\"', '"\\', 'a.', 'a@', 'a/', '%2', '-a', 'a ', '=a', ':/', 'eyJ.', 'a1', '0.A', '-----', '&amp;', '\\u0'];

/** Hostile inputs of about `size` characters for one rule: its own example cut and repeated, and runs. */
function hostile(rule: RedactionRule, size: number): Array<[string, string]> {
  const m = /^([\s\S]*)⟦([\s\S]*)⟧([\s\S]*)$/.exec(rule.example)!;
  const [before, gone, after] = [m[1]!, m[2]!, m[3]!];
  const whole = `${before}${gone}${after}`;
  const fill = (unit: string) => (unit ? unit.repeat(Math.ceil(size / unit.length)).slice(0, size) : '');
  const inputs: Array<[string, string]> = [
    ['example repeated', fill(whole)],
    ['example without its last character, repeated', fill(whole.slice(0, -1))],
    ['the part before the value, repeated', fill(before)],
    ['the part before the value, then the value forever', before + fill(gone || 'a')],
    ['the example with its value doubled forever, no end', before + fill(`${gone}${gone.slice(0, 1)}`)],
    ['the part before the value and its first character, repeated', fill(before + gone.slice(0, 1))],
  ];
  for (const unit of BATTERY) inputs.push([`run of ${JSON.stringify(unit)}`, fill(unit)]);
  return inputs.filter(([, s]) => s.length > 0);
}

describe('redaction patterns are linear', () => {
  for (const rule of RULES) {
    it(`${rule.name}: its shape rules out backtracking blow-up`, () => {
      expect(shapeProblems(rule.pattern)).toEqual([]);
    });
  }

  for (const rule of RULES) {
    it(`${rule.name}: 4× the hostile input costs at most ~4× the steps`, () => {
      const worse: string[] = [];
      const small = hostile(rule, 600);
      const large = hostile(rule, 2400);
      small.forEach(([label, input], i) => {
        const a = countSteps(rule.pattern, input);
        const b = countSteps(rule.pattern, large[i]![1]);
        if (b > 5 * a + 500) worse.push(`${label}: ${a} → ${b} steps (×${(b / a).toFixed(1)})`);
      });
      expect(worse).toEqual([]);
    });
  }

  it('the checks catch a quadratic pattern (the old e-mail pattern)', () => {
    expect(shapeProblems(OLD_EMAIL)).toEqual(expect.arrayContaining(['does not start at an anchor (a lookbehind or ^)', 'unbounded repeat of a group (star height 2)']));
    const a = countSteps(OLD_EMAIL, 'a'.repeat(600));
    const b = countSteps(OLD_EMAIL, 'a'.repeat(2400));
    expect(b / a).toBeGreaterThan(12);
    for (const bad of [/(?<!x)(?:a+)+b/dg, /(?<!x)\s*[ \t]*:/dg, /a+b/dg, /(?<!x)a(?=b+c)/dg, /(?<!x)(a)\1/dg]) expect(shapeProblems(bad), String(bad)).not.toEqual([]);
  });

  // Real V8 on large hostile input, every rule alone (the per-call bound does not help here): a
  // quadratic pattern would run for minutes. No time is asserted; the timeout is generous.
  it('each rule gets through 256 KB of each hostile input (V8 itself)', { timeout: 120_000 }, () => {
    for (const rule of RULES) {
      for (const [, input] of hostile(rule, 256 * 1024)) {
        rule.pattern.lastIndex = 0;
        for (let m = rule.pattern.exec(input); m; m = rule.pattern.exec(input)) if (m[0].length === 0) rule.pattern.lastIndex += 1;
      }
    }
    expect(redactText('x', RULES)).toBe('x');
  });
});
