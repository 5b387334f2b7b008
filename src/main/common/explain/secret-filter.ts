// Pasted text can hold tokens. Nothing that looks like one may reach fields or the IT message:
// the shared secret rules (src/main/common/redact), plus a stricter look at a field value, decoded
// first: the bare names of token fields, shorter opaque runs and any URL with a colon in its
// authority. A field is cut at 100 characters, so what is left of a secret may have lost the key,
// the closing quote or the @ that made it one.
import { decodeFully } from '../redact/decode';
import { containsSecret } from '../redact/redact-text';

const OPAQUE_RUN = /[A-Za-z0-9+/_=-]{12,}/g;
const URL_AUTHORITY_COLON = /:\/\/[^\s/?#@]*:/;
const TOKEN_WORDS = /\b(?:access_token|refresh_token|id_token|client_secret|assertion)\b|\bbearer\s|password\s{0,3}[:=]/i;

/** A run of token characters mixing capitals, small letters and digits: no app or device name looks like that, a token's first characters do. */
const opaqueRun = (text: string) => (text.match(OPAQUE_RUN) ?? []).some((run) => /[0-9]/.test(run) && /[A-Z]/.test(run) && /[a-z]/.test(run));

export function looksLikeSecret(value: string): boolean {
  if (containsSecret(value)) return true;
  const plain = decodeFully(value);
  return opaqueRun(plain) || TOKEN_WORDS.test(plain) || URL_AUTHORITY_COLON.test(plain);
}
