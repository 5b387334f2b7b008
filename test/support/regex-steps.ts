// A model of a backtracking regex engine (the kind V8's irregexp is) for the subset our redaction
// rules use, to judge their cost without a clock:
// - parseRegex + shapeProblems: a structural check (start anchor, star height, bounded lookarounds,
//   no two repeats competing for the same characters);
// - countSteps: runs a global scan the way exec() does and counts every character test and
//   backtrack, so "steps(4n) is about 4 × steps(n)" is a deterministic linearity check.
// Which characters a class holds is asked of V8 itself (each atom compiled alone), so escapes,
// case folding and \p{…} need no re-implementation here.

export type Node =
  | { t: 'set'; src: string; test: (c: number) => boolean }
  | { t: 'assert'; kind: '^' | '$' | 'b' | 'B' }
  | { t: 'group'; alts: Node[][] }
  | { t: 'look'; behind: boolean; negative: boolean; alts: Node[][] }
  | { t: 'quant'; node: Node; min: number; max: number; lazy: boolean }
  | { t: 'backref' };

export interface ParsedRegex {
  alts: Node[][];
  multiline: boolean;
  flags: string;
}

function setTester(src: string, flags: string): (c: number) => boolean {
  const re = new RegExp(`^(?:${src})$`, flags.replace(/[gdmy]/g, ''));
  const memo = new Int8Array(65536).fill(-1);
  return (c) => {
    if (memo[c] === -1) memo[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
    return memo[c] === 1;
  };
}

export function parseRegex(re: RegExp): ParsedRegex {
  const src = re.source;
  const flags = re.flags;
  let i = 0;
  const set = (s: string): Node => ({ t: 'set', src: s, test: setTester(s, flags) });

  function alts(): Node[][] {
    const out = [seq()];
    while (src[i] === '|') {
      i += 1;
      out.push(seq());
    }
    return out;
  }
  function seq(): Node[] {
    const out: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') out.push(quant(atom()));
    return out;
  }
  function group(): Node[][] {
    const inner = alts();
    if (src[i] !== ')') throw new Error(`unclosed group in /${src}/`);
    i += 1;
    return inner;
  }
  function atom(): Node {
    const c = src[i]!;
    if (c === '(') {
      for (const [open, behind, negative] of [['(?<=', true, false], ['(?<!', true, true], ['(?=', false, false], ['(?!', false, true]] as const) {
        if (src.startsWith(open, i)) {
          i += open.length;
          return { t: 'look', behind, negative, alts: group() };
        }
      }
      if (src.startsWith('(?:', i)) i += 3;
      else if (src.startsWith('(?<', i)) i = src.indexOf('>', i) + 1;
      else i += 1;
      return { t: 'group', alts: group() };
    }
    if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j += 1;
      if (src[j] === ']') j += 1;
      while (src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      const s = src.slice(i, j + 1);
      i = j + 1;
      return set(s);
    }
    if (c === '\\') {
      const n = src[i + 1]!;
      if (n === 'b' || n === 'B') {
        i += 2;
        return { t: 'assert', kind: n };
      }
      if (/[1-9]/.test(n) || n === 'k') {
        i += 2;
        return { t: 'backref' };
      }
      let len = 2;
      if ((n === 'p' || n === 'P') && src[i + 2] === '{') len = src.indexOf('}', i) - i + 1;
      else if (n === 'u') len = src[i + 2] === '{' ? src.indexOf('}', i) - i + 1 : 6;
      else if (n === 'x') len = 4;
      else if (n === 'c') len = 3;
      const s = src.slice(i, i + len);
      i += len;
      return set(s);
    }
    i += 1;
    if (c === '^' || c === '$') return { t: 'assert', kind: c };
    return set(c === '.' ? '.' : c.replace(/[/]/, '\\/'));
  }
  function quant(node: Node): Node {
    const c = src[i];
    let min: number;
    let max: number;
    if (c === '*') [min, max, i] = [0, Infinity, i + 1];
    else if (c === '+') [min, max, i] = [1, Infinity, i + 1];
    else if (c === '?') [min, max, i] = [0, 1, i + 1];
    else if (c === '{' && /^\{\d+(,\d*)?\}/.test(src.slice(i))) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i))!;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      i += m[0].length;
    } else return node;
    const lazy = src[i] === '?';
    if (lazy) i += 1;
    return quant({ t: 'quant', node, min, max, lazy });
  }

  const parsed = alts();
  if (i !== src.length) throw new Error(`unparsed rest of /${src}/ at ${i}`);
  return { alts: parsed, multiline: flags.includes('m'), flags };
}

// ---------------------------------------------------------------------------------------------
// Structural check.

const SAMPLE = [...Array.from({ length: 0x300 }, (_, c) => c), 0x2028, 0x2029, 0x3000, 0xfeff, 0xfffd, 0x4e00, 0x1f600 & 0xffff];
type CharSet = (c: number) => boolean;
const disjoint = (a: CharSet, b: CharSet) => !SAMPLE.some((c) => a(c) && b(c));

function hasUnbounded(nodes: Node[][]): boolean {
  return nodes.some((seq) =>
    seq.some((n) => (n.t === 'quant' ? n.max === Infinity || hasUnbounded([[n.node]]) : n.t === 'group' || n.t === 'look' ? hasUnbounded(n.alts) : false)),
  );
}

/** A loop like (?:[^"\\]|\\.)*: every branch is one or two fixed characters, the branches start apart. */
function escapeLoopSet(node: Node): CharSet | undefined {
  if (node.t !== 'group') return undefined;
  const firsts: CharSet[] = [];
  for (const alt of node.alts) {
    if (alt.length < 1 || alt.length > 2 || alt.some((n) => n.t !== 'set')) return undefined;
    firsts.push((alt[0] as { test: CharSet }).test);
  }
  for (let a = 0; a < firsts.length; a++) for (let b = a + 1; b < firsts.length; b++) if (!disjoint(firsts[a]!, firsts[b]!)) return undefined;
  return (c) => firsts.some((f) => f(c));
}

const branchCache = new WeakMap<Node, Array<Array<(c: number) => boolean>> | null>();
/** The branches of a group whose branches are fixed characters starting apart, or undefined. */
function deterministicBranches(node: Node): Array<Array<(c: number) => boolean>> | undefined {
  if (!branchCache.has(node)) branchCache.set(node, escapeLoopSet(node) && node.t === 'group' ? node.alts.map((alt) => alt.map((n) => (n as { test: (c: number) => boolean }).test)) : null);
  return branchCache.get(node) ?? undefined;
}

function startsAnchored(seq: Node[], multiline: boolean): boolean {
  const first = seq[0];
  if (!first) return false;
  if (first.t === 'look') return first.behind || startsAnchored(seq.slice(1), multiline);
  if (first.t === 'assert') return first.kind === '^' || startsAnchored(seq.slice(1), multiline);
  if (first.t === 'group') return first.alts.every((alt) => startsAnchored([...alt, ...seq.slice(1)], multiline));
  return false;
}

/**
 * Why this pattern could cost more than linear time, or [] when its shape rules that out:
 * - it starts at an anchor (a lookbehind or ^), so a scan tries it once per run, not per character;
 * - only single characters repeat without bound (or an escape-aware string loop): star height 1;
 * - lookarounds are bounded;
 * - no two unbounded repeats can share characters unless a mandatory character that the first
 *   cannot take stands between them (otherwise every split would be tried: quadratic);
 * - no backreferences.
 */
export function shapeProblems(re: RegExp): string[] {
  const problems: string[] = [];
  if (!re.global || !re.hasIndices) problems.push('needs flags g and d');
  const parsed = parseRegex(re);
  if (!parsed.alts.every((alt) => startsAnchored(alt, parsed.multiline))) problems.push('does not start at an anchor (a lookbehind or ^)');

  const walk = (seq: Node[], pending: CharSet[]): CharSet[] => {
    let p = pending;
    for (const n of seq) p = step(n, p);
    return p;
  };
  const repeat = (u: CharSet, min: number, p: CharSet[]): CharSet[] => {
    const competing = p.filter((x) => !disjoint(x, u));
    if (competing.length) problems.push('two unbounded repeats compete for the same characters');
    return [...(min >= 1 ? competing : p), u];
  };
  const step = (n: Node, p: CharSet[]): CharSet[] => {
    switch (n.t) {
      case 'backref':
        problems.push('backreference');
        return p;
      case 'assert':
        return p;
      case 'look':
        if (hasUnbounded(n.alts)) problems.push('unbounded lookaround');
        return p;
      case 'set':
        return p.filter((x) => !disjoint(x, n.test));
      case 'group': {
        const outs = n.alts.map((alt) => walk(alt, p));
        return [...new Set(outs.flat())];
      }
      case 'quant': {
        if (n.max === Infinity) {
          if (n.node.t === 'set') return repeat(n.node.test, n.min, p);
          const loop = escapeLoopSet(n.node);
          if (loop) return repeat(loop, n.min, p);
          problems.push('unbounded repeat of a group (star height 2)');
          return p;
        }
        // Bounded: walk the body up to twice (that catches a body competing with itself).
        const outs: CharSet[][] = n.min === 0 ? [p] : [];
        let cur = p;
        for (let k = 1; k <= Math.min(n.max, 2); k++) {
          cur = step(n.node, cur);
          if (k >= Math.min(n.min, 2)) outs.push(cur);
        }
        return [...new Set(outs.flat())];
      }
    }
  };
  for (const alt of parsed.alts) walk(alt, []);
  return [...new Set(problems)];
}

// ---------------------------------------------------------------------------------------------
// Step counting.

class StepLimit extends Error {}

/** Character tests and backtracking steps of a global scan (all matches, like a replace()). */
export function countSteps(re: RegExp, input: string, limit = 50_000_000): number {
  const parsed = parseRegex(re);
  const len = input.length;
  const code = (p: number) => input.charCodeAt(p);
  const word = (p: number) => p >= 0 && p < len && /\w/.test(input[p]!);
  let steps = 0;
  const tick = () => {
    if (++steps > limit) throw new StepLimit(`more than ${limit} steps`);
  };
  type Cont = (pos: number) => boolean;

  const lengths = new WeakMap<Node[][], number>();
  const maxLen = (nodes: Node[][]): number => {
    let n = lengths.get(nodes);
    if (n === undefined) lengths.set(nodes, (n = bodyLength(nodes)));
    return n;
  };
  const bodyLength = (nodes: Node[][]): number =>
    Math.max(
      0,
      ...nodes.map((seq) =>
        seq.reduce((s, n) => s + (n.t === 'set' ? 1 : n.t === 'group' ? maxLen(n.alts) : n.t === 'quant' ? (n.max === Infinity ? 1e9 : n.max * maxLen([[n.node]])) : 0), 0),
      ),
    );

  const seq = (s: Node[], i: number, pos: number, k: Cont): boolean => (i === s.length ? k(pos) : node(s[i]!, pos, (p) => seq(s, i + 1, p, k)));
  const anyAlt = (alts: Node[][], pos: number, k: Cont) => alts.some((alt) => seq(alt, 0, pos, k));

  function node(n: Node, pos: number, k: Cont): boolean {
    tick();
    switch (n.t) {
      case 'set':
        return pos < len && n.test(code(pos)) && k(pos + 1);
      case 'assert':
        if (n.kind === '^') return (pos === 0 || (parsed.multiline && /[\n\r\u2028\u2029]/.test(input[pos - 1]!))) && k(pos);
        if (n.kind === '$') return (pos === len || (parsed.multiline && /[\n\r\u2028\u2029]/.test(input[pos]!))) && k(pos);
        return (word(pos - 1) !== word(pos)) === (n.kind === 'b') && k(pos);
      case 'group':
        return anyAlt(n.alts, pos, k);
      case 'look': {
        let ok: boolean;
        if (!n.behind) ok = anyAlt(n.alts, pos, () => true);
        else {
          // A bounded lookbehind holds when some match of its body ends exactly here.
          ok = false;
          for (let j = pos; j >= Math.max(0, pos - maxLen(n.alts)) && !ok; j--) ok = anyAlt(n.alts, j, (e) => e === pos);
        }
        return ok !== n.negative && k(pos);
      }
      case 'quant':
        return quant(n, 0, pos, k);
      case 'backref':
        throw new Error('backreferences are not modelled');
    }
  }

  function quant(q: Extract<Node, { t: 'quant' }>, count: number, pos: number, k: Cont): boolean {
    if (q.node.t === 'set') {
      const test = q.node.test;
      let e = pos;
      let c = 0;
      if (q.lazy) {
        for (; c < q.min; c++, e++) if (e >= len || !test(code(e))) return false;
        for (;;) {
          tick();
          if (k(e)) return true;
          if (c >= q.max || e >= len || !test(code(e))) return false;
          e += 1;
          c += 1;
        }
      }
      while (c < q.max && e < len) {
        tick();
        if (!test(code(e))) break;
        e += 1;
        c += 1;
      }
      for (; c >= q.min; c--, e--) {
        tick();
        if (k(e)) return true;
      }
      return false;
    }
    const branches = deterministicBranches(q.node);
    if (branches) {
      // At most one branch fits at any position: the loop's ends are one list, walked like a
      // single-character repeat (no recursion per iteration, same order of tries).
      const ends = [pos];
      for (let e = pos; ends.length - 1 < q.max; ) {
        const next = stepBranch(branches, e);
        if (next === undefined) break;
        ends.push((e = next));
      }
      if (ends.length - 1 < q.min) return false;
      const order = q.lazy ? ends.slice(q.min) : ends.slice(q.min).reverse();
      for (const e of order) {
        tick();
        if (k(e)) return true;
      }
      return false;
    }
    const more = () => count < q.max && node(q.node, pos, (p) => p !== pos && quant(q, count + 1, p, k));
    const stop = () => count >= q.min && k(pos);
    return q.lazy ? stop() || more() : more() || stop();
  }

  function stepBranch(branches: Array<Array<(c: number) => boolean>>, at: number): number | undefined {
    for (const tests of branches) {
      let e = at;
      for (const test of tests) {
        tick();
        if (e >= len || !test(code(e))) break;
        e += 1;
      }
      if (e - at === tests.length) return e;
    }
    return undefined;
  }

  for (let start = 0; start <= len; ) {
    tick();
    let end = -1;
    const found = anyAlt(parsed.alts, start, (p) => {
      end = p;
      return true;
    });
    start = found && end > start ? end : start + 1;
  }
  return steps;
}
