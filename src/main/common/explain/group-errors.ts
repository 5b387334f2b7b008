// A paste can hold several failed requests (a PowerShell session, a log): each error keeps its own
// Trace / Request ID, Correlation ID and timestamp. Codes and labelled values are read in text
// order; a new error starts where an ID label repeats with a different value. Two layouts exist:
// code first, IDs after (PowerShell, az CLI, MSAL, the error page) and IDs first, code after (the
// Entra portal's sign-in log copy). In the first, the codes between one error's last ID and the
// next error's first ID belong to the next error, so they move with it, except a code printed right
// after the IDs when a later one (after a blank line or a prompt) starts the next error. IDs compare
// in any case; a timestamp compares to the second, and only where no request ID exists. One pass, linear.
import type { TroubleshootingFields } from '../../../shared/contract/explain';
import type { CodeHit } from './find-codes';
import { foldFields, type AnyFieldKey, type FieldEvent } from './find-fields';

/** Labels that identify one request: a second, different value means a second error. */
const SPLIT_KEYS: ReadonlySet<AnyFieldKey> = new Set(['correlationId', 'requestId', 'traceId', 'timestamp']);
const ID_KEYS: ReadonlySet<AnyFieldKey> = new Set(['correlationId', 'requestId', 'traceId']);

/**
 * The value as the split compares it. The same GUID comes in either case; the same moment comes at
 * another precision (the error line to the second, the error page to the millisecond), so a
 * timestamp is compared to the second.
 */
function sameKey(e: FieldEvent): string {
  return e.key === 'timestamp' ? e.value.slice(0, 19) : e.value.toLowerCase();
}

/** A timestamp tells errors apart only in a text without request IDs: where they exist, they decide. */
function splitsOn(events: readonly FieldEvent[]): (e: FieldEvent) => boolean {
  const ids = events.some((e) => !e.unparsed && ID_KEYS.has(e.key));
  return (e) => !e.unparsed && (ids ? ID_KEYS.has(e.key) : SPLIT_KEYS.has(e.key));
}
export const MAX_ERRORS = 20;

type Item = { kind: 'code'; index: number; hit: CodeHit } | { kind: 'field'; index: number; event: FieldEvent };

export interface ErrorGroup {
  /** Each family:code once, in order of first appearance within the error. */
  codes: CodeHit[];
  fields: TroubleshootingFields;
  timestampUnparsed: boolean;
  /** Where the error starts in the text (later is newer when no timestamp says otherwise). */
  index: number;
}

interface Segment {
  items: Item[];
  seen: Map<AnyFieldKey, string>;
}

const newSegment = (items: Item[] = []): Segment => {
  const seen = new Map<AnyFieldKey, string>();
  for (const it of items) if (it.kind === 'field' && !it.event.unparsed && !seen.has(it.event.key)) seen.set(it.event.key, sameKey(it.event));
  return { items, seen };
};

// A shell prompt starts a new command: "PS C:\\Users\\me>", "C:\\>", "$ ".
const PROMPT = /^[ \t]{0,4}(?:PS [^\n>]{0,200}>|[A-Za-z]:\\[^\n>]{0,200}>|[$#>] )/;

/** A code on the last ID's line or the line after it, with no prompt: printed as part of that error. */
function nearLastId(text: string, idAt: number, codeAt: number): boolean {
  const first = text.indexOf('\n', idAt);
  if (first < 0 || first >= codeAt) return true;
  const second = text.indexOf('\n', first + 1);
  if (second >= 0 && second < codeAt) return false;
  return !PROMPT.test(text.slice(first + 1, Math.min(codeAt, first + 256)));
}

/**
 * In a code-first error, the codes after its last ID (and what follows them) start the next error.
 * A code printed right after the IDs (on their line or the next, as a WAM code under a CLI warning)
 * stays when a later code, after a blank line or a prompt, can start the next error.
 */
function trailingStart(seg: Segment, text: string): number {
  const firstId = seg.items.findIndex((it) => it.kind === 'field' && SPLIT_KEYS.has(it.event.key));
  const codeFirst = seg.items.slice(0, Math.max(firstId, 0)).some((it) => it.kind === 'code');
  if (!codeFirst) return seg.items.length;
  let lastId = -1;
  seg.items.forEach((it, i) => {
    if (it.kind === 'field' && SPLIT_KEYS.has(it.event.key)) lastId = i;
  });
  const idAt = seg.items[lastId]?.index ?? 0;
  const next = seg.items.findIndex((it, i) => i > lastId && it.kind === 'code');
  if (next < 0) return seg.items.length;
  const far = seg.items.findIndex((it, i) => i >= next && it.kind === 'code' && !nearLastId(text, idAt, it.index));
  return far < 0 ? next : far;
}

function makeGroup(hits: readonly CodeHit[], events: readonly FieldEvent[], index: number): ErrorGroup {
  const seen = new Set<string>();
  const codes: CodeHit[] = [];
  for (const hit of hits) {
    const key = `${hit.family}:${hit.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    codes.push(hit);
  }
  const { fields, timestampUnparsed } = foldFields(events);
  return { codes, fields, timestampUnparsed, index };
}

function toGroup(seg: Segment): ErrorGroup {
  const hits: CodeHit[] = [];
  const events: FieldEvent[] = [];
  for (const it of seg.items) {
    if (it.kind === 'field') events.push(it.event);
    else hits.push(it.hit);
  }
  return makeGroup(hits, events, seg.items[0]?.index ?? 0);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The errors of a text, newest first: by timestamp when every error has one, else later in the text first. */
export function groupErrors(occurrences: readonly CodeHit[], events: readonly FieldEvent[], text: string): ErrorGroup[] {
  // Most pastes hold one error (or one error repeated): no ID takes a second value, nothing to split.
  const splitter = splitsOn(events);
  const firstValue = new Map<AnyFieldKey, string>();
  const splits = events.some((e) => {
    if (!splitter(e)) return false;
    const had = firstValue.get(e.key);
    if (had === undefined) firstValue.set(e.key, sameKey(e));
    return had !== undefined && had !== sameKey(e);
  });
  if (!splits) return [makeGroup(occurrences, events, 0)];
  const items: Item[] = [
    ...occurrences.map((hit): Item => ({ kind: 'code', index: hit.index, hit })),
    ...events.map((event): Item => ({ kind: 'field', index: event.index, event })),
  ].sort((a, b) => a.index - b.index);

  const segments: Segment[] = [newSegment()];
  for (const it of items) {
    let cur = segments[segments.length - 1]!;
    if (it.kind === 'field' && splitter(it.event)) {
      const had = cur.seen.get(it.event.key);
      if (had !== undefined && had !== sameKey(it.event)) {
        const cut = trailingStart(cur, text);
        const moved = cur.items.splice(cut);
        segments[segments.length - 1] = newSegment(cur.items);
        cur = newSegment(moved);
        segments.push(cur);
      }
    }
    cur.items.push(it);
    if (it.kind === 'field' && !it.event.unparsed && !cur.seen.has(it.event.key)) cur.seen.set(it.event.key, sameKey(it.event));
  }

  // A part without codes is the rest of its neighbour (a repeated ID block), not an error of its own.
  const merged: Segment[] = [];
  for (const seg of segments) {
    const hasCode = seg.items.some((it) => it.kind === 'code');
    const prev = merged[merged.length - 1];
    if (!hasCode && prev) prev.items.push(...seg.items);
    else if (prev && !prev.items.some((it) => it.kind === 'code')) prev.items.push(...seg.items);
    else merged.push(seg);
  }
  const groups = merged.map(toGroup).filter((g, _i, all) => g.codes.length > 0 || all.length === 1);
  const allTimed = groups.every((g) => g.fields.timestamp !== undefined && ISO.test(g.fields.timestamp));
  groups.sort((a, b) => (allTimed ? b.fields.timestamp!.localeCompare(a.fields.timestamp!) : 0) || b.index - a.index);
  return groups.slice(0, MAX_ERRORS);
}
