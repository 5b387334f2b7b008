// Text taken from another machine's file before it is shown, written to a page or a CSV: the files
// are hostile. Control characters (terminal escapes), bidirectional overrides and zero-width marks
// go, whitespace runs become one space, secrets are cut by the redaction core, and the rest is capped.
import { MAX_REDACT_CHARS, redactSecrets } from '../common/redact/redact-text';

// C0 and C1 controls, the soft hyphen, the Arabic letter mark, the Mongolian vowel separator,
// bidi embeddings/overrides/isolates, zero-width and BOM characters, and the tag characters
// (U+E0000-U+E007F, astral: hence the `u` flag).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u{e0000}-\u{e007f}]/gu;

/** A printable, secret-free, capped string, or undefined when `value` is not a string or is blank after cleaning. */
export function safeText(value: unknown, max = 120): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Redacted before it is capped: a cut must never leave the first half of a token. redactSecrets
  // cuts text longer than it scans at a blank, so one character past its bound keeps that rule.
  const head = value.length > MAX_REDACT_CHARS ? value.slice(0, MAX_REDACT_CHARS + 1) : value;
  // Before cleaning (a PEM block keeps its lines) and after (a control character no longer hides one).
  const clean = redactSecrets(redactSecrets(head).replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim()).trim();
  if (!clean) return undefined;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
