// Real logs carry secrets behind encodings: percent-encoding (sig=…%2B…%3D, passw%6Frd=, once or
// twice), JSON escapes ({\"password\":\"…\"}, \u0041, once or twice) and HTML entities (&quot;).
// The redactor matches on decoded views and cuts the ORIGINAL text, so a view remembers, for each
// of its characters, where in the original it came from. A pass decodes one level of ONE kind:
// layers of different kinds interleave (a JSON line, percent-encoded with its \" left as they
// were), and only the right order of passes gives back each layer; the views form a small tree.

export interface DecodedView {
  text: string;
  /**
   * origin[i]: index in the original text where view character i starts; origin[text.length] is
   * the original's length. Absent for the original itself (the identity, not worth an array).
   */
  origin?: Int32Array;
}

/** Where view character i (or the end, i = length) starts in the original text. */
export const originOf = (view: DecodedView, i: number): number => (view.origin ? view.origin[i]! : i);

/** Enough for percent-encoded twice inside JSON escaped twice; more only costs time. */
export const MAX_DECODE_PASSES = 6;
/** Views per text, the raw one included (most texts have one or two). */
export const MAX_VIEWS = 32;

export type EncodingKind = 'percent' | 'json' | 'html';
const KINDS: readonly EncodingKind[] = ['percent', 'json', 'html'];
const TRIGGER: Record<EncodingKind, number> = { percent: 37, json: 92, html: 38 };
const TRIGGER_CHAR: Record<EncodingKind, string> = { percent: '%', json: '\\', html: '&' };

const JSON_ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const ENTITIES: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', sol: '/', equals: '=', colon: ':', semi: ';', num: '#', percnt: '%', nbsp: ' ' };
const HEX = /^[0-9A-Fa-f]+$/;

/** The view of the whole text as it is. */
export function rawView(text: string): DecodedView {
  return { text };
}

/** One decoded character and how many view characters it consumed, or undefined (keep the character). */
function decodeAt(s: string, i: number, kind: EncodingKind): [string, number] | undefined {
  const c = s[i];
  if (kind === 'percent' && c === '%') {
    const hex = s.slice(i + 1, i + 3);
    return hex.length === 2 && HEX.test(hex) ? [String.fromCharCode(parseInt(hex, 16)), 3] : undefined;
  }
  if (kind === 'json' && c === '\\') {
    const next = s[i + 1];
    if (next === undefined) return undefined;
    if (next in JSON_ESCAPES) return [JSON_ESCAPES[next]!, 2];
    if (next === 'u') {
      const hex = s.slice(i + 2, i + 6);
      return hex.length === 4 && HEX.test(hex) ? [String.fromCharCode(parseInt(hex, 16)), 6] : undefined;
    }
    if (next === 'x') {
      const hex = s.slice(i + 2, i + 4);
      return hex.length === 2 && HEX.test(hex) ? [String.fromCharCode(parseInt(hex, 16)), 4] : undefined;
    }
    return undefined;
  }
  if (kind === 'html' && c === '&') {
    // Bounded look-ahead: an entity is at most a few characters, so this stays linear.
    const rel = s.slice(i + 1, i + 12).indexOf(';');
    if (rel < 1) return undefined;
    const end = i + 1 + rel;
    const body = s.slice(i + 1, end);
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? (HEX.test(body.slice(2)) ? parseInt(body.slice(2), 16) : NaN) : /^\d+$/.test(body.slice(1)) ? Number(body.slice(1)) : NaN;
      return Number.isFinite(code) && code > 0 && code < 0x10000 ? [String.fromCharCode(code), end - i + 1] : undefined;
    }
    const named = ENTITIES[body.toLowerCase()];
    return named ? [named, end - i + 1] : undefined;
  }
  return undefined;
}

/** One level of one kind of decoding, or undefined when it changes nothing. */
export function decodeOnce(view: DecodedView, kind: EncodingKind): DecodedView | undefined {
  const s = view.text;
  if (!s.includes(TRIGGER_CHAR[kind])) return undefined;
  const trigger = TRIGGER[kind];
  const parts: string[] = [];
  const origin: number[] = [];
  let changed = false;
  let runStart = 0;
  const flush = (end: number) => {
    if (end > runStart) {
      parts.push(s.slice(runStart, end));
      for (let k = runStart; k < end; k++) origin.push(originOf(view, k));
    }
  };
  for (let i = 0; i < s.length; ) {
    // Only the kind's own character starts an encoding; everything else is copied by runs.
    const d = s.charCodeAt(i) === trigger ? decodeAt(s, i, kind) : undefined;
    if (!d) {
      i += 1;
      continue;
    }
    flush(i);
    parts.push(d[0]);
    origin.push(originOf(view, i));
    changed = true;
    i += d[1];
    runStart = i;
  }
  if (!changed) return undefined;
  flush(s.length);
  origin.push(originOf(view, s.length));
  return { text: parts.join(''), origin: Int32Array.from(origin) };
}

/** The text as it is, then every distinct view reachable by decoding one kind at a time (breadth first, bounded). */
export function decodedViews(text: string, maxPasses = MAX_DECODE_PASSES, maxViews = MAX_VIEWS): DecodedView[] {
  const views = [rawView(text)];
  const seen = new Set([text]);
  let level = [views[0]!];
  for (let pass = 0; pass < maxPasses && level.length; pass++) {
    const next: DecodedView[] = [];
    for (const view of level) {
      for (const kind of KINDS) {
        if (views.length >= maxViews) return views;
        const d = decodeOnce(view, kind);
        if (!d || seen.has(d.text)) continue;
        seen.add(d.text);
        views.push(d);
        next.push(d);
      }
    }
    level = next;
  }
  return views;
}

/** Decodes every kind to the fixpoint (what a reader who undoes every escape would see). */
export function decodeFully(text: string, maxPasses = MAX_DECODE_PASSES * KINDS.length): string {
  let view = rawView(text);
  for (let pass = 0; pass < maxPasses; pass++) {
    let changed = false;
    for (const kind of KINDS) {
      const d = decodeOnce(view, kind);
      if (d) [view, changed] = [d, true];
    }
    if (!changed) break;
  }
  return view.text;
}
