// Pasted text can hold tokens. Nothing that looks like one may reach fields or the IT message:
// the shared secret rules (src/main/common/redact), plus, for a field value, the bare names of
// token fields and shorter opaque runs (a field is a few words; anything blob-like is suspect).
import { containsSecret } from '../common/redact/redact-text';

const LONG_OPAQUE = /[A-Za-z0-9+/_=-]{60,}/;
const TOKEN_WORDS = /\b(?:access_token|refresh_token|id_token|client_secret|assertion)\b|\bbearer\s|password\s{0,3}[:=]/i;

export function looksLikeSecret(value: string): boolean {
  return containsSecret(value) || LONG_OPAQUE.test(value) || TOKEN_WORDS.test(value);
}
