// Pasted text can hold tokens. Nothing that looks like one may reach fields or the IT message.
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/;
const LONG_OPAQUE = /[A-Za-z0-9+/_=-]{60,}/;
const TOKEN_WORDS = /\b(?:access_token|refresh_token|id_token|client_secret|assertion)\b|\bbearer\s|password\s{0,3}[:=]/i;

export function looksLikeSecret(value: string): boolean {
  return JWT.test(value) || LONG_OPAQUE.test(value) || TOKEN_WORDS.test(value);
}
