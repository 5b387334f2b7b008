// Generated secrets for leak tests: random values of every family the redactor must know (passwords,
// client secrets, tokens, cookies, SAS URLs, authorization codes, connection strings, URL
// credentials, smart-card PINs, PEM blocks…), written the ways real logs write them (raw, percent-
// encoded once and twice, JSON-escaped once and twice, mixed-case keys, inside URLs and JSON,
// base64 in a header, PEM with any line length), and a scanner that finds any of them, or any
// 10-character piece of one, in a text, also behind percent, JSON and HTML escapes (decoded here
// independently of the product's decoder, so a blind spot there is not one here too).

import { rng } from './prng';

export { rng };

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const chars = (r: Rand, alphabet: string, n: number) => Array.from({ length: n }, () => pick(r, [...alphabet])).join('');

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
export const ALPHABET = {
  token: `${LETTERS}${DIGITS}-_.`,
  base64url: `${LETTERS}${DIGITS}-_`,
  base64: `${LETTERS}${DIGITS}+/`,
  /** A password in a bare key=value: no blank, &, ;, quote or <> (an unquoted value ends there). */
  bare: `${LETTERS}${DIGITS}!#$%()*+,-./:=?@[]^_{|}~\\`,
  /** A password inside a quoted JSON string: anything printable. */
  any: `${LETTERS}${DIGITS} !"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`,
};

/** A random value that starts and ends with a letter-digit pair, so it never reads like a word. */
const secret = (r: Rand, alphabet: string, n = 24) => `${chars(r, LETTERS, 1)}${chars(r, DIGITS, 1)}${chars(r, alphabet, n - 4)}${chars(r, LETTERS, 1)}${chars(r, DIGITS, 1)}`;
const guid = (r: Rand) => [8, 4, 4, 4, 12].map((n) => chars(r, '0123456789abcdef', n)).join('-');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/** A key written the way some client writes it: PassWord, ACCESS_TOKEN, client_Secret. */
const mixedCase = (r: Rand, key: string) => [...key].map((c) => (r() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');

export interface PlantedCase {
  family: string;
  encoding: string;
  /** The text as planted (one log line's worth). */
  text: string;
  /** What must never come out, in any encoding. */
  secrets: string[];
  /** Rules expected to fire on this family. */
  rules: string[];
}

interface Family {
  name: string;
  rules: string[];
  make(r: Rand): { text: string; secrets: string[] };
}

function pem(r: Rand): { text: string; secrets: string[] } {
  const body = b64(chars(r, LETTERS + DIGITS, 300 + Math.floor(r() * 600)));
  const width = pick(r, [16, 40, 64, 76, 100_000]);
  const lines = body.match(new RegExp(`.{1,${width}}`, 'g'))!;
  const label = pick(r, ['PRIVATE KEY', 'RSA PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'CERTIFICATE']);
  return { text: `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----`, secrets: lines.filter((l) => l.length >= 10) };
}

export const FAMILIES: readonly Family[] = [
  { name: 'password-form', rules: ['password-value'], make: (r) => ((s) => ({ text: `username=svc&${mixedCase(r, 'password')}=${s}&grant_type=password`, secrets: [s] }))(secret(r, ALPHABET.bare)) },
  { name: 'password-json', rules: ['password-value'], make: (r) => ((s) => ({ text: `{"user":"svc",${JSON.stringify(mixedCase(r, 'password'))}:${JSON.stringify(s)},"n":1}`, secrets: [s] }))(secret(r, ALPHABET.any)) },
  { name: 'client-secret', rules: ['secret-value'], make: (r) => ((s) => ({ text: `client_id=${guid(r)}&${mixedCase(r, 'client_secret')}=${s}&scope=openid`, secrets: [s] }))(secret(r, ALPHABET.token)) },
  { name: 'client-secret-json', rules: ['secret-value'], make: (r) => ((s) => ({ text: `{"clientSecret": ${JSON.stringify(s)}}`, secrets: [s] }))(secret(r, ALPHABET.any)) },
  { name: 'access-token', rules: ['token-value'], make: (r) => ((s) => ({ text: `#${mixedCase(r, 'access_token')}=${s}&token_type=Bearer&expires_in=3599`, secrets: [s] }))(secret(r, ALPHABET.token, 40)) },
  { name: 'refresh-token-json', rules: ['token-value'], make: (r) => ((s) => ({ text: `{"refresh_token": "${s}", "foci": "1"}`, secrets: [s] }))(secret(r, ALPHABET.token, 60)) },
  { name: 'bearer-header', rules: ['authorization-header', 'auth-scheme'], make: (r) => ((s) => ({ text: `${mixedCase(r, 'authorization')}: Bearer ${s}`, secrets: [s] }))(secret(r, ALPHABET.token, 48)) },
  {
    name: 'basic-header',
    rules: ['authorization-header'],
    make: (r) => {
      const pw = secret(r, ALPHABET.bare);
      const header = b64(`svc-account:${pw}`);
      return { text: `Proxy-Authorization: Basic ${header}`, secrets: [header, pw] };
    },
  },
  {
    name: 'cookie-header',
    rules: ['cookie-header'],
    make: (r) => {
      const [a, b, c] = [secret(r, ALPHABET.token, 40), secret(r, ALPHABET.token, 40), secret(r, ALPHABET.token, 16)];
      return { text: `Cookie: ESTSAUTH=${a}; ESTSAUTHPERSISTENT=${b}; fpc=${c}; x-ms-gateway-slice=estsfd`, secrets: [a, b, c] };
    },
  },
  { name: 'set-cookie', rules: ['cookie-header', 'session-cookie'], make: (r) => ((s) => ({ text: `Set-Cookie: ESTSAUTHPERSISTENT=${s}; domain=.login.microsoftonline.com; path=/; secure; HttpOnly; SameSite=None`, secrets: [s] }))(secret(r, ALPHABET.token, 40)) },
  { name: 'cookie-jar', rules: ['session-cookie'], make: (r) => ((a, b) => ({ text: `cookies after redirect: buid=${a}, esctx=${b}`, secrets: [a, b] }))(secret(r, ALPHABET.token, 30), secret(r, ALPHABET.token, 30)) },
  { name: 'refresh-token-credential-header', rules: ['credential-value'], make: (r) => ((s) => ({ text: `x-ms-RefreshTokenCredential: ${s}`, secrets: [s] }))(`eyJ${secret(r, ALPHABET.token, 30)}`) },
  { name: 'refresh-token-credential-param', rules: ['credential-value'], make: (r) => ((s) => ({ text: `https://login.microsoftonline.com/common/oauth2/authorize?sso_nonce=AwAB&refreshTokenCredential=${s}&x=1`, secrets: [s] }))(secret(r, ALPHABET.token, 40)) },
  {
    name: 'sas-url',
    rules: ['sas-signature', 'sas-parameter'],
    make: (r) => {
      const sig = b64(chars(r, LETTERS + DIGITS, 32));
      const [skoid, sktid] = [guid(r), guid(r)];
      const se = `2031-0${1 + Math.floor(r() * 8)}-1${Math.floor(r() * 9)}T13:${10 + Math.floor(r() * 49)}:17Z`;
      return {
        text: `GET https://acct.blob.core.windows.net/logs/a.txt?sv=2022-11-02&st=2031-01-01T00%3A00%3A00Z&se=${encodeURIComponent(se)}&skoid=${skoid}&sktid=${sktid}&skt=2031-01-01&ske=2031-01-02&sks=b&skv=2022-11-02&sr=b&sp=r&sig=${encodeURIComponent(sig)}`,
        secrets: [sig, encodeURIComponent(sig), skoid, sktid, se],
      };
    },
  },
  { name: 'auth-code', rules: ['auth-code'], make: (r) => ((s) => ({ text: `GET https://localhost:8400/redirect?${mixedCase(r, 'code')}=${s}&state=${chars(r, DIGITS, 6)}&session_state=${guid(r)}`, secrets: [s] }))(`0.A${secret(r, ALPHABET.token, 60)}`) },
  { name: 'storage-connection-string', rules: ['access-key'], make: (r) => ((s) => ({ text: `DefaultEndpointsProtocol=https;AccountName=acct;${mixedCase(r, 'AccountKey')}=${s};EndpointSuffix=core.windows.net`, secrets: [s] }))(b64(chars(r, LETTERS + DIGITS, 48))) },
  { name: 'service-bus-connection-string', rules: ['access-key'], make: (r) => ((s) => ({ text: `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${s}`, secrets: [s] }))(b64(chars(r, LETTERS + DIGITS, 32))) },
  { name: 'sql-connection-string', rules: ['password-value'], make: (r) => ((s) => ({ text: `Server=tcp:db.database.windows.net,1433;User ID=svc;${mixedCase(r, 'Password')}=${s};Encrypt=true`, secrets: [s] }))(secret(r, ALPHABET.bare.replace(/[;=]/g, ''))) },
  {
    name: 'url-credentials',
    rules: ['url-credentials'],
    make: (r) => {
      const pw = secret(r, ALPHABET.any);
      return { text: `proxy from HTTPS_PROXY=http://svcproxy:${encodeURIComponent(pw)}@proxy.corp.example:8080`, secrets: [pw, encodeURIComponent(pw)] };
    },
  },
  { name: 'smart-card-pin', rules: ['pin-value'], make: (r) => ((s) => ({ text: `pkcs11: C_Login user ${pick(r, ['pin', 'PIN', 'userPin', 'card-pin', 'pin_code'])}=${s} slot 0`, secrets: [s] }))(chars(r, DIGITS, 8)) },
  { name: 'smart-card-pin-json', rules: ['pin-value'], make: (r) => ((s) => ({ text: `{"reader":"Yubikey","pin":"${s}"}`, secrets: [s] }))(chars(r, DIGITS, 8)) },
  { name: 'pem', rules: ['pem-block'], make: (r) => pem(r) },
  {
    name: 'jwt',
    rules: ['jwt'],
    make: (r) => {
      const jwt = `${b64url(JSON.stringify({ alg: 'RS256', kid: chars(r, LETTERS, 8) }))}.${b64url(JSON.stringify({ upn: 'x', sid: secret(r, ALPHABET.token) }))}.${secret(r, ALPHABET.base64url, 40)}`;
      return { text: `acquired id_token ${jwt} for the broker`, secrets: jwt.split('.') };
    },
  },
  { name: 'opaque-blob', rules: ['opaque-blob'], make: (r) => ((s) => ({ text: `cache entry ${s} stored`, secrets: [s] }))(secret(r, ALPHABET.base64, 96)) },
  { name: 'keychain-line', rules: ['password-line'], make: (r) => ((s) => ({ text: `    "acct"<blob>="svc"\n    password: "${s}"`, secrets: [s] }))(secret(r, ALPHABET.bare)) },
];

const pctAll = (s: string) => encodeURIComponent(s);
// Every encoding here is a real one: decoding it gives back the text exactly.
/** Percent-encodes a random share of ALL characters, letters of keys included (passw%6Frd=); % itself always. */
const pctSome = (r: Rand, s: string) =>
  [...s]
    .map((c) => {
      const hex = c.charCodeAt(0).toString(16).padStart(2, '0');
      return c === '%' || (r() < 0.35 && c.charCodeAt(0) < 128) ? `%${r() < 0.5 ? hex.toUpperCase() : hex}` : c;
    })
    .join('');
const jsonEscape = (s: string) => JSON.stringify(s).slice(1, -1);
/** A JSON string body where a random share of the characters (and every one JSON must escape) are \u escapes. */
const unicodeEscape = (r: Rand, s: string) =>
  [...s]
    .map((c) => (c === '"' || c === '\\' || c.charCodeAt(0) < 0x20 || (r() < 0.3 && /[A-Za-z=:]/.test(c)) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
    .join('');
const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');

export const ENCODINGS: ReadonlyArray<{ name: string; encode: (r: Rand, s: string) => string }> = [
  { name: 'raw', encode: (_r, s) => s },
  { name: 'percent-encoded', encode: (_r, s) => pctAll(s) },
  { name: 'percent-encoded twice', encode: (_r, s) => pctAll(pctAll(s)) },
  { name: 'percent-encoded in part (keys too)', encode: (r, s) => pctSome(r, s) },
  { name: 'percent-encoded in part, then again', encode: (r, s) => pctAll(pctSome(r, s)) },
  { name: 'JSON-escaped', encode: (_r, s) => jsonEscape(s) },
  { name: 'JSON-escaped twice', encode: (_r, s) => jsonEscape(jsonEscape(s)) },
  { name: 'JSON \\u escapes', encode: (r, s) => unicodeEscape(r, s) },
  { name: 'inside a JSON document', encode: (_r, s) => `{"level":"error","message":${JSON.stringify(s)},"ts":1}` },
  { name: 'inside a URL', encode: (_r, s) => `https://login.microsoftonline.com/common/reprocess?ctx=rQIIAe&diag=${pctAll(s)}&x=1` },
  { name: 'JSON-escaped, then percent-encoded', encode: (_r, s) => pctAll(jsonEscape(s)) },
  { name: 'HTML entities', encode: (_r, s) => htmlEscape(s) },
];

/** Every family in every encoding, `perFamily` random draws each (seeded). */
export function plantedCases(seed: number, perFamily = 1): PlantedCase[] {
  const r = rng(seed);
  const out: PlantedCase[] = [];
  for (const family of FAMILIES) {
    for (let k = 0; k < perFamily; k++) {
      for (const encoding of ENCODINGS) {
        const { text, secrets } = family.make(r);
        out.push({ family: family.name, encoding: encoding.name, text: encoding.encode(r, text), secrets, rules: family.rules });
      }
    }
  }
  return out;
}

const WINDOW = 10;
const ENTITY: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
const JSON_CHAR: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** Undoes percent, JSON and HTML escapes, again and again (independent of src/main/common/redact/decode.ts). */
export function looseDecode(text: string, rounds = 6): string[] {
  const views = [text];
  let cur = text;
  for (let i = 0; i < rounds; i++) {
    const next = cur
      .replace(/%([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/\\u([0-9a-f]{4})|\\x([0-9a-f]{2})|\\(.)/gi, (m, u?: string, x?: string, c?: string) => (u ? String.fromCharCode(parseInt(u, 16)) : x ? String.fromCharCode(parseInt(x, 16)) : c ? (JSON_CHAR[c] ?? c) : m))
      .replace(/&(?:#(\d{1,5})|#x([0-9a-f]{1,4})|(quot|amp|lt|gt|apos));/gi, (_m, d?: string, h?: string, n?: string) => (d ? String.fromCharCode(Number(d)) : h ? String.fromCharCode(parseInt(h, 16)) : ENTITY[n!.toLowerCase()]!));
    if (next === cur) break;
    views.push(next);
    cur = next;
  }
  return views;
}

/** Every planted secret (or 10-character piece of one) found in the text or in any decoded form of it. */
export function findLeaks(text: string, secrets: Iterable<string>, where = 'text'): string[] {
  const pieces = new Map<string, string>();
  for (const s of secrets) {
    if (!s) throw new Error('an empty planted secret would match anything');
    if (s.length <= WINDOW) pieces.set(s, s);
    else for (let i = 0; i + WINDOW <= s.length; i++) pieces.set(s.slice(i, i + WINDOW), s);
  }
  const hits = new Set<string>();
  for (const view of new Set(looseDecode(text))) {
    for (const [piece, s] of pieces) if (piece.length < WINDOW && view.includes(piece)) hits.add(`${where}: ${JSON.stringify(s)}`);
    for (let i = 0; i + WINDOW <= view.length; i++) {
      const s = pieces.get(view.slice(i, i + WINDOW));
      if (s) hits.add(`${where}: ${JSON.stringify(s)} (piece ${JSON.stringify(view.slice(i, i + WINDOW))})`);
    }
  }
  return [...hits];
}
