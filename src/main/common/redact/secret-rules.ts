// The secret rules: what is ALWAYS removed, whatever the user chose. Each one is named, so the
// redaction counts say which fired. They run on the text as it is and on each decoded view
// (decode.ts), so one canonical spelling per family is enough here: "key=value", "key: value",
// "key":"value" (with \" inside), 'key':'value'.
//
// Linearity: every pattern starts at an anchor (a lookbehind or ^), repeats only single characters
// (or one escape-aware string loop), and never lets two repeats compete for the same characters.
// A key is read as a whole run of key characters and judged by its ending, so "x-ms-RefreshTokenCredential"
// costs one pass, not one try per suffix.
import { pattern, type RedactionRule } from './rule';

/** Characters of a key name (inside a class). */
const K = String.raw`A-Za-z0-9_.\-`;
/** A whole key run that ends in one of `names`. */
const keyEndingIn = (names: string) => String.raw`(?<![${K}])[${K}]+(?![${K}])(?<=${names})`;
/** A key that is exactly one of `names`. */
const exactKey = (names: string) => String.raw`(?<![${K}])(?:${names})(?![${K}])`;
/** key" : , key= (the key's closing quote is optional). */
const SEP = String.raw`["']?[ \t]*[:=][ \t]*`;
/** Where a quoted value ends: its quote, or the end of the line or text (a cut line keeps no half secret). */
const QUOTE_END = (q: string) => String.raw`(?:${q}|$|(?=[\r\n]))`;
/** A quoted value (escape-aware: "pa\"ss" goes whole) or a bare one up to the next separator. */
const VALUE = String.raw`(?!\[removed)(?:"((?:[^"\\\r\n]|\\.)*)${QUOTE_END('"')}|'((?:[^'\\\r\n]|\\.)*)${QUOTE_END("'")}|([^\s&;"'<>]+))`;
/** A bare value in a query string or cookie. */
const PARAM_VALUE = String.raw`(?!\[removed)([^\s&;"'<>]+)`;

const keyValue = (key: string, flags = 'i') => pattern(`${key}${SEP}${VALUE}`, flags);

/** Looks like encoded bytes rather than a word: a digit, base64 padding or two capitals. */
const encodedLooking = (v: string) => /[0-9+/=]|[A-Z][^A-Z]*[A-Z]/.test(v);

// An absolute path from one of these roots is a path, not a blob, however long its run of letters.
const PATH_ROOTS = new Set(['home', 'Users', 'tmp', 'var', 'usr', 'opt', 'etc', 'private', 'Library', 'Applications', 'System', 'Volumes', 'mnt', 'media', 'snap', 'run', 'srv', 'root', 'proc', 'dev']);

function opaqueLooking(blob: string): boolean {
  if (/^[0-9a-f-]+$/i.test(blob)) return false; // hashes, thumbprints, GUIDs
  if (blob.startsWith('/') && !/[+=]/.test(blob) && PATH_ROOTS.has(blob.split('/').find(Boolean) ?? '')) return false;
  return true;
}

export const SECRET_RULES: readonly RedactionRule[] = [
  {
    name: 'jwt',
    kind: 'token',
    hints: ['eyj'],
    // Also a lone base64url JSON object ("eyJ…"): a token's first part when the rest was cut off.
    pattern: pattern(String.raw`(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,4}`, ''),
    example: 'id ⟦eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln⟧ end',
  },
  {
    // Microsoft refresh tokens and authorization codes ("0.AXoA…").
    name: 'ms-refresh-token',
    kind: 'token',
    hints: ['.a'],
    pattern: pattern(String.raw`(?<![A-Za-z0-9_.-])[0-9]\.A[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]+){0,8}`, ''),
    example: 'rt ⟦0.AXoAbCdEfGhIjKlMnOpQrStUvWx.AgABAAEAAAD⟧ end',
  },
  {
    name: 'authorization-header',
    kind: 'token',
    hints: ['authori'],
    pattern: pattern(
      String.raw`${exactKey('(?:proxy-)?authori[sz]ation')}${SEP}["']?(?:(?:Bearer|Basic|Negotiate|NTLM|Digest|PoP|MAC|Kerberos|SharedKey|SharedKeyLite|SharedAccessSignature)[ \t]+)?(?!\[removed)([^\s"',;]+)`,
    ),
    example: 'Proxy-Authorization: Basic ⟦dXNlcjpzZWNyZXQ=⟧',
  },
  {
    // A scheme and its credentials anywhere ("curl -H 'Bearer …'"); Basic/NTLM only when the value looks encoded.
    name: 'auth-scheme',
    kind: 'token',
    hints: ['bearer', 'basic', 'negotiate', 'ntlm', 'pop'],
    pattern: pattern(String.raw`(?<![A-Za-z0-9_-])(?:Bearer|Basic|Negotiate|NTLM|PoP)[ \t]+(?!\[removed)([A-Za-z0-9._~+/=-]{6,})`),
    accept: (m) => /^(?:bearer|pop)/i.test(m[0]) || encodedLooking(m[1] ?? ''),
    example: 'sent Bearer ⟦mF_9.B5f-4.1JqM⟧ again',
  },
  {
    name: 'cookie-header',
    kind: 'token',
    hints: ['cookie'],
    pattern: pattern(String.raw`${exactKey('set-cookie2?|cookie2?')}${SEP}(?!\[removed)(?:"((?:[^"\\\r\n]|\\.)*)${QUOTE_END('"')}|([^\s"][^\r\n"]*))`),
    example: 'Cookie: ⟦ESTSAUTH=abc; fpc=def⟧',
  },
  {
    // Sign-in session cookies wherever they appear (a Set-Cookie list, a cookie jar dump).
    name: 'session-cookie',
    kind: 'token',
    hints: ['ests', 'signinstate', 'ccstate', 'buid', 'fpc', 'esctx', 'stsservice', 'msis', 'fedauth', 'rtfa', 'samlsession', 'aadsso', 'msp', 'msaauth', 'rpssecauth', 'wlssc', 'jshp', 'aspnet', 'asp.net', 'sessionid', 'phpsessid'],
    pattern: pattern(
      String.raw`(?<![${K}])(?:ESTS[A-Z0-9_]*|SignInStateCookie|CCState|buid|fpc|esctx(?:-[A-Za-z0-9]+)?|stsservicecookie|MSISAuth[A-Za-z0-9]*|MSISLoopDetectionCookie|FedAuth[0-9]*|rtFa|SamlSession|AADSSO|MSPAuth|MSPProf|MSPOK|MSPRequ|__Host-MSAAUTHP?|MSAAUTHP?|RPSSecAuth|WLSSC|JSHP|\.AspNet(?:Core)?\.Cookies|ASP\.NET_SessionId|JSESSIONID|PHPSESSID|sessionid)=${PARAM_VALUE}`,
    ),
    example: 'jar: ESTSAUTHPERSISTENT=⟦0.AgAB-x_y⟧; path=/',
  },
  {
    name: 'token-value',
    kind: 'token',
    hints: ['token'],
    pattern: keyValue(keyEndingIn('token')),
    example: '{"refresh_token":"⟦abc.def⟧","expires_in":3599}',
  },
  {
    // refreshTokenCredential=, x-ms-RefreshTokenCredential:, client_assertion=
    name: 'credential-value',
    kind: 'token',
    hints: ['credential', 'assertion'],
    pattern: keyValue(keyEndingIn('credentials?|assertion')),
    example: 'x-ms-RefreshTokenCredential: ⟦eyJhbGciOi⟧',
  },
  {
    // Authorization codes ("code=" in a redirect) and the PKCE/device-flow secrets. An all-digit
    // code= is an error code (login.microsoftonline.com/error?code=50173), kept.
    name: 'auth-code',
    kind: 'token',
    hints: ['code'],
    pattern: pattern(String.raw`(?<![${K}])(?:code[ \t]*=|(?:auth_code|authorization_code|device_code|user_code|code_verifier)(?![${K}])["']?[ \t]*[:=])[ \t]*${VALUE}`),
    accept: (m) => !/^\d{1,10}$/.test(m[1] ?? m[2] ?? m[3] ?? ''),
    example: 'redirect?code=⟦0.AXoA-code_value⟧&state=1',
  },
  {
    name: 'password-value',
    kind: 'secret',
    hints: ['pass', 'pwd'],
    pattern: keyValue(keyEndingIn(String.raw`password|passwd|passphrase|passcode|pwd|(?<![${K}])pass`)),
    example: 'Server=db;User ID=u;Password=⟦Pl4n!ted⟧;',
  },
  {
    // Smart-card PINs: pin=, PIN:, userPin, card-pin, pin_code; not "mapping" or "spin".
    name: 'pin-value',
    kind: 'secret',
    hints: ['pin'],
    pattern: keyValue(
      keyEndingIn(String.raw`(?<![${K}])(?:pin|Pin|PIN)(?:[_-]?(?:code|Code|CODE))?|[_.\-](?:pin|Pin|PIN)(?:[_-]?(?:code|Code|CODE))?|[a-z0-9](?:Pin|PIN)(?:Code|CODE)?`),
      '',
    ),
    example: 'pkcs11 login pin=⟦482913⟧ slot=0',
  },
  {
    name: 'secret-value',
    kind: 'secret',
    hints: ['secret'],
    pattern: keyValue(keyEndingIn(String.raw`secret|secret[_-]?key`)),
    example: 'client_secret=⟦Q~8Xy.abcDEF123⟧&scope=x',
  },
  {
    // API keys and the keys of connection strings (AccountKey=…;, SharedAccessKey=…).
    name: 'access-key',
    kind: 'secret',
    hints: ['key', 'signature'],
    pattern: keyValue(
      keyEndingIn(String.raw`api[_-]?key|access[_-]?key|account[_-]?key|shared[_-]?access[_-]?key|shared[_-]?access[_-]?signature|private[_-]?key|subscription[_-]?key|master[_-]?key|primary[_-]?key|secondary[_-]?key`),
    ),
    example: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=⟦bXlrZXk=⟧;EndpointSuffix=core.windows.net',
  },
  {
    // The signature of a storage SAS (the secret part of the URL).
    name: 'sas-signature',
    kind: 'secret',
    hints: ['sig'],
    pattern: keyValue(exactKey('sig')),
    example: 'blob?sv=2022-11-02&sig=⟦abc%2Bdef%3D⟧&sp=r',
  },
  {
    // The SAS fields that say when it is valid and for whom (user-delegation key object/tenant IDs).
    name: 'sas-parameter',
    kind: 'secret',
    hints: ['='],
    pattern: pattern(String.raw`(?<=[?&;])(?:se|st|skoid|sktid|skt|ske|sks|skv|saoid|suoid|scid|sduoid)=${PARAM_VALUE}`),
    example: 'blob?sv=2022-11-02&se=⟦2026-11-24T00:00:00Z⟧&sp=r',
  },
  {
    // http://user:secret@proxy: the whole user information goes (the user name is half the credential).
    // A quote may stand unencoded in user information; the last @ before the host ends it.
    name: 'url-credentials',
    kind: 'secret',
    hints: ['://'],
    pattern: pattern(String.raw`(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/([^\s\/?#@:"<>]*:[^\s\/?#"<>]+)@`),
    example: 'HTTPS_PROXY=http://⟦bob:s3cret⟧@proxy.corp:8080',
  },
  {
    // Keychain dumps: `password: 0x4869  "Hi"` keeps nothing after the label on that line.
    name: 'password-line',
    kind: 'secret',
    hints: ['pass', 'pwd'],
    pattern: pattern(String.raw`^[ \t]*"?(?:password|passwd|pwd)"?[ \t]*: ?(?!\[removed)([^\r\n]+)`, 'im'),
    example: 'keychain\n    password: ⟦0x4869  "Hi"⟧',
  },
  {
    // PEM blocks of any line length; an unterminated one goes to the end of the text.
    name: 'pem-block',
    kind: 'secret',
    hints: ['-----begin '],
    pattern: pattern(String.raw`(?<!-)-----BEGIN [A-Z0-9 ]{1,64}-----([\s\S]*?)(?:-----END [A-Z0-9 ]{1,64}-----|$)`, ''),
    example: '-----BEGIN PRIVATE KEY-----⟦\nMIIB\nVQ==\n⟧-----END PRIVATE KEY-----',
  },
  {
    // Long opaque blobs (tokens, cookies, keys) without a telling key. Hashes, GUIDs and paths stay.
    name: 'opaque-blob',
    kind: 'opaque',
    pattern: pattern(String.raw`(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{64,}={0,2}`, ''),
    accept: (m) => opaqueLooking(m[0]),
    example: `blob ⟦${'Xy9Z'.repeat(16)}⟧ end`,
  },
];

const SECRET_KEY = /(?:^|[^a-z])pass$|pass(?:word|wd|phrase|code)$|^pwd$|secret|token|credential|assertion|cookie|authori[sz]ation|keychain.?(?:data|content|value|item)|private.?key|api.?key|access.?key|account.?key|shared.?access|^sig$|connection.?string/i;
const PIN_KEY = /(?:^|[_.-])(?:pin|PIN|Pin)(?:[_-]?(?:code|Code|CODE))?$|[a-z0-9](?:Pin|PIN)(?:Code|CODE)?$/;

/** A structured value (JSON evidence, a logged object) under this key is a secret whatever it holds. */
export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY.test(key) || PIN_KEY.test(key);
}
