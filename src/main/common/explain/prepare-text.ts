// Undo what copying did to the text before we search it: JSON string escapes (\r\n inside
// error_description), XML entities (SOAP), NUL bytes and invisible characters, Windows line ends,
// GUIDs split by line wrapping after a hyphen, URL-encoded redirect parameters
// (error_description=AADSTS53003%3a+…&correlation_id=…) and hard wrapping at a console's width.
// Every step is a single linear pass.
export interface PreparedText {
  text: string;
  /** NUL or other control bytes were present (binary data was pasted). */
  hadBinary: boolean;
}

const JSON_ESCAPE = /\\(?:r\\n|[nrt"/]|u[0-9a-fA-F]{4})/g;
const XML_ENTITY = /&(?:#x[0-9a-fA-F]{1,4}|#\d{1,5}|lt|gt|amp|quot|apos);/g;
const NAMED_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

function unescapeJson(match: string): string {
  const c = match[1];
  if (c === 'u') return String.fromCharCode(parseInt(match.slice(2), 16));
  if (c === 'r' || c === 'n') return '\n';
  if (c === 't') return ' ';
  return c ?? '';
}

function decodeEntity(match: string): string {
  const named = NAMED_ENTITIES[match.toLowerCase()];
  if (named !== undefined) return named;
  const hex = match[2] === 'x' || match[2] === 'X';
  const n = parseInt(match.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
  return Number.isFinite(n) && n > 0 && n < 0xd800 ? String.fromCharCode(n) : ' ';
}

// A query parameter. The value stops at the next delimiter (a `?` too), so the engine never backtracks
// over it: requiring a % or + inside the pattern cost a rescan of the value at every `?` of a
// hostile text. Only a value that has a %XX escape or a + is rewritten.
const QUERY_PARAM = /([?&#])([A-Za-z_]{1,40})=([^&#?\s"'<>]{1,8000})/g;

// A value is URL-encoded when it has a %XX escape or a + (a stray % alone is not an encoding).
const ENCODED = /%[0-9a-fA-F]{2}|\+/;
const UTF8 = new TextDecoder('utf-8');
const ESCAPES = /(?:%[0-9a-fA-F]{2}){1,2000}/g;

/**
 * Each run of %XX escapes decoded as UTF-8; a stray % stays as written and bytes that are not UTF-8
 * become U+FFFD. No exceptions: decodeURIComponent throws on every malformed value, which made a
 * text of repeated "&a=%" slow.
 */
function decodeParam(value: string): string {
  const decoded = value.replace(/\+/g, ' ').replace(ESCAPES, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let k = 0; k < bytes.length; k++) bytes[k] = parseInt(run.slice(k * 3 + 1, k * 3 + 3), 16);
    return UTF8.decode(bytes);
  });
  // eslint-disable-next-line no-control-regex -- an encoded control byte must not come back
  return decoded.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** Each parameter on a line of its own, decoded: "correlation_id=…" then reads like a label. */
function decodeQueryParams(text: string): string {
  return text.replace(QUERY_PARAM, (m: string, lead: string, key: string, value: string) => (ENCODED.test(value) ? `${lead}\n${key}=${decodeParam(value)}` : m));
}

const MIN_CONSOLE_WIDTH = 60;
const MAX_WRAPPED_ROWS = 64;
// A log line that starts its own entry is never a continuation, whatever its neighbour's length.
const NEW_ENTRY = /^[ \t]{0,4}[[(]?\d{4}-\d{2}-\d{2}/;
// A row that starts with a field label or a code is a line of its own: a prose line that merely has
// the console's width is not joined onto it ("…todayCorrelation ID: …" would hide the ID).
const OWN_LINE = /^[ \t]{0,4}(?:aadsts|(?:correlation|request|trace)[ \t_-]{0,3}id\b|time[ \t_-]{0,3}stamp\b|error[ \t_]{0,3}code\b|message\s{0,3}:)/i;

/**
 * A console copies long lines cut at its width: rows of exactly the longest length (60 columns or
 * more), each run of them ended by a shorter row, the rest of the line. Only when the text has that
 * shape are the cut rows joined back, so a label or a code cut in the middle reads whole again.
 * Text whose lines merely share a length (a log, a table) is left alone: its runs do not end in a
 * shorter rest, or a row starts a dated entry.
 */
function unwrapConsole(text: string): string {
  // Line lengths without splitting the text (a log has tens of thousands of lines).
  const ends: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) ends.push(at);
  ends.push(text.length);
  let width = 0;
  let count = 0;
  let start = 0;
  for (const end of ends) {
    const len = end - start;
    if (len > width) {
      width = len;
      count = 1;
    } else if (len === width) count++;
    start = end + 1;
  }
  if (width < MIN_CONSOLE_WIDTH || count < 2) return text;
  // The rows of full width that are cut: those followed by a label or a code are whole lines.
  const cut = new Set<number>();
  let run = 0;
  start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    const next = end - start === width && i < ends.length - 1 ? text.slice(end + 1, ends[i + 1]) : '';
    if (end - start === width && !OWN_LINE.test(next)) {
      if (++run > MAX_WRAPPED_ROWS || i === ends.length - 1) return text;
      if (next.length === 0 || NEW_ENTRY.test(next)) return text;
      cut.add(i);
    } else run = 0;
    start = end + 1;
  }
  if (cut.size === 0) return text;
  let out = '';
  start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    out += text.slice(start, end);
    if (i < ends.length - 1 && !cut.has(i)) out += '\n';
    start = end + 1;
  }
  return out;
}

export function prepareText(input: string): PreparedText {
  // eslint-disable-next-line no-control-regex -- finding control bytes is the point
  const hadBinary = /[\u0000-\u0008\u000e-\u001f]/.test(input);
  let text = input
    // eslint-disable-next-line no-control-regex -- binary junk becomes spaces so words stay apart
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u2018\u2019\u2032]/g, "'");
  text = text.replace(JSON_ESCAPE, unescapeJson).replace(XML_ENTITY, decodeEntity);
  text = text.replace(/\r\n?/g, '\n');
  if (text.includes('=') && /[?&#][A-Za-z_]{1,40}=/.test(text)) text = decodeQueryParams(text);
  text = unwrapConsole(text);
  // A GUID (or code) wrapped at a hyphen: "2222-\n33cc" or "2222\n-33cc".
  text = text.replace(/([0-9a-fA-F])-[ \t]{0,8}\n[ \t]{0,8}(?=[0-9a-fA-F])/g, '$1-').replace(/([0-9a-fA-F])[ \t]{0,8}\n[ \t]{0,8}-(?=[0-9a-fA-F]{4})/g, '$1-');
  return { text, hadBinary };
}
