// Undo what copying did to the text before we search it: JSON string escapes (\r\n inside
// error_description), XML entities (SOAP), NUL bytes and invisible characters, Windows line ends,
// and GUIDs split by line wrapping after a hyphen. Every step is a single linear regex pass.
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
  // A GUID (or code) wrapped at a hyphen: "2222-\n33cc" or "2222\n-33cc".
  text = text.replace(/([0-9a-fA-F])-[ \t]{0,8}\n[ \t]{0,8}(?=[0-9a-fA-F])/g, '$1-').replace(/([0-9a-fA-F])[ \t]{0,8}\n[ \t]{0,8}-(?=[0-9a-fA-F]{4})/g, '$1-');
  return { text, hadBinary };
}
