// Real logs carry secrets behind encodings: percent-encoding (sig=…%2B…%3D, passw%6Frd=, once or
// twice), JSON escapes ({\"password\":\"…\"}, \u0041, once or twice) and HTML entities (&quot;).
// The redactor matches on decoded views and cuts the ORIGINAL text, so a view remembers, for each
// of its characters, where in the original it came from. One pass decodes one level of every kind;
// passes repeat until nothing changes (or the bound), which also undoes mixed nestings.

export interface DecodedView {
  text: string;
  /** origin[i]: index in the original text where view character i starts; origin[text.length] is the original's length. */
  origin: Int32Array;
}

/** Enough for percent-encoded twice inside JSON escaped twice; more only costs time. */
export const MAX_DECODE_PASSES = 6;

const JSON_ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const ENTITIES: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', sol: '/', equals: '=', colon: ':', semi: ';', num: '#', percnt: '%', nbsp: ' ' };
const HEX = /^[0-9A-Fa-f]+$/;

/** The view of the whole text as it is (origin = identity). */
export function rawView(text: string): DecodedView {
  const origin = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) origin[i] = i;
  return { text, origin };
}

/** One decoded character and how many view characters it consumed, or undefined (keep the character). */
function decodeAt(s: string, i: number): [string, number] | undefined {
  const c = s[i];
  if (c === '%') {
    const hex = s.slice(i + 1, i + 3);
    return hex.length === 2 && HEX.test(hex) ? [String.fromCharCode(parseInt(hex, 16)), 3] : undefined;
  }
  if (c === '\\') {
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
  if (c === '&') {
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

const MAY_ENCODE = /[%\\&]/;

/** One level of decoding, or undefined when the view holds nothing to decode. */
export function decodeOnce(view: DecodedView): DecodedView | undefined {
  const s = view.text;
  if (!MAY_ENCODE.test(s)) return undefined;
  const parts: string[] = [];
  const origin: number[] = [];
  let changed = false;
  let runStart = 0;
  const flush = (end: number) => {
    if (end > runStart) {
      parts.push(s.slice(runStart, end));
      for (let k = runStart; k < end; k++) origin.push(view.origin[k]!);
    }
  };
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    // Only %, \ and & start an encoding; everything else is copied by runs.
    const d = c === 37 || c === 92 || c === 38 ? decodeAt(s, i) : undefined;
    if (!d) {
      i += 1;
      continue;
    }
    flush(i);
    parts.push(d[0]);
    origin.push(view.origin[i]!);
    changed = true;
    i += d[1];
    runStart = i;
  }
  if (!changed) return undefined;
  flush(s.length);
  origin.push(view.origin[s.length]!);
  return { text: parts.join(''), origin: Int32Array.from(origin) };
}

/** The text as it is, then each decoded level that differs from the one before. */
export function decodedViews(text: string, maxPasses = MAX_DECODE_PASSES): DecodedView[] {
  const views = [rawView(text)];
  for (let pass = 0; pass < maxPasses; pass++) {
    const next = decodeOnce(views[views.length - 1]!);
    if (!next) break;
    views.push(next);
  }
  return views;
}

/** Decodes to the fixpoint (tests and the leak scan use it to look behind every encoding). */
export function decodeFully(text: string, maxPasses = MAX_DECODE_PASSES): string {
  return decodedViews(text, maxPasses).at(-1)!.text;
}
