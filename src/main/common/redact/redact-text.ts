// The one redaction engine: every rule runs on the text and on each decoded view of it; what a rule
// finds in a view is mapped back to the original characters (a percent-encoded secret goes with
// its %XX), overlapping cuts merge, and each cut is replaced by its marker. The original text is
// never re-encoded, so what does not need removing reads exactly as before.
import { decodedViews, originOf } from './decode';
import { KIND_PRECEDENCE, MARKER, type RedactionKind, type RedactionRule } from './rule';
import { SECRET_RULES } from './secret-rules';

/** What one call may cost: the rest of a longer string is dropped (marked), never scanned. */
export const MAX_REDACT_CHARS = 64 * 1024;
/** A token cut in two at the bound must not leave its first half: back to a blank this far. */
const CUT_BACKTRACK = 4 * 1024;

export interface RedactionTally {
  /** Replacements by kind (what the user sees counted). */
  kinds: Partial<Record<RedactionKind, number>>;
  /** Matches by rule name (which rule fired). */
  rules: Record<string, number>;
}

interface Cut {
  start: number;
  end: number;
  kind: RedactionKind;
}

/** The part a match removes: its first capture group that took part, else all of it. */
function removedSpan(m: RegExpExecArray): [number, number] | undefined {
  const indices = m.indices;
  if (!indices) return undefined;
  for (let g = 1; g < indices.length; g++) if (indices[g]) return indices[g];
  return indices[0];
}

function findCuts(text: string, rules: readonly RedactionRule[], tally: RedactionTally | undefined, firstOnly: boolean): Cut[] {
  const cuts: Cut[] = [];
  const seen = new Set<string>();
  for (const view of decodedViews(text)) {
    const lower = view.text.toLowerCase();
    for (const rule of rules) {
      if (rule.hints && !rule.hints.some((h) => lower.includes(h))) continue;
      const re = rule.pattern;
      re.lastIndex = 0;
      for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
        if (m[0].length === 0) re.lastIndex += 1;
        if (rule.accept && !rule.accept(m)) continue;
        const span = removedSpan(m);
        if (!span || span[1] <= span[0]) continue;
        const start = originOf(view, span[0]);
        const end = originOf(view, span[1]);
        // The same find in the raw text and in a decoded view counts once.
        const key = `${rule.name}:${start}:${end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        cuts.push({ start, end, kind: rule.kind });
        if (tally) tally.rules[rule.name] = (tally.rules[rule.name] ?? 0) + 1;
        if (firstOnly) {
          re.lastIndex = 0;
          return cuts;
        }
      }
    }
  }
  return cuts;
}

function merge(cuts: Cut[]): Cut[] {
  cuts.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Cut[] = [];
  for (const c of cuts) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      if (KIND_PRECEDENCE.indexOf(c.kind) < KIND_PRECEDENCE.indexOf(last.kind)) last.kind = c.kind;
    } else {
      out.push({ ...c });
    }
  }
  return out;
}

/** The checked part of a string and how many characters after it are dropped. */
function bounded(text: string): { head: string; dropped: number } {
  if (text.length <= MAX_REDACT_CHARS) return { head: text, dropped: 0 };
  let end = MAX_REDACT_CHARS;
  const floor = end - CUT_BACKTRACK;
  // No blank near the bound: the whole last stretch goes.
  while (end > floor && !/\s/.test(text[end - 1]!)) end -= 1;
  return { head: text.slice(0, end), dropped: text.length - end };
}

/** The text with every match of the rules replaced by its marker. */
export function redactText(text: string, rules: readonly RedactionRule[], tally?: RedactionTally): string {
  const { head, dropped } = bounded(text);
  const cuts = merge(findCuts(head, rules, tally, false));
  let out = '';
  let at = 0;
  for (const c of cuts) {
    out += head.slice(at, c.start) + MARKER[c.kind];
    at = c.end;
    if (tally) tally.kinds[c.kind] = (tally.kinds[c.kind] ?? 0) + 1;
  }
  out += head.slice(at);
  if (dropped) out += ` [… ${dropped.toLocaleString('en-US')} more characters not included: too long to check]`;
  return out;
}

/** Secrets only, nothing counted: for logs and excerpts. */
export function redactSecrets(text: string): string {
  return redactText(text, SECRET_RULES);
}

/** Whether any secret rule fires (in the checked part of the text). */
export function containsSecret(text: string): boolean {
  return findCuts(bounded(text).head, SECRET_RULES, undefined, true).length > 0;
}
