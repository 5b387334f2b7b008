// Redaction of everything that leaves the machine in a report. Two tiers:
// - secrets (JWT-like strings, "Bearer ...", access/refresh/id tokens, client secrets, passwords,
//   keychain-style "password:" lines, long opaque blobs) are ALWAYS removed, whatever the options;
// - personal data (user names, home paths, e-mail addresses, device/host names, IP addresses) is
//   removed unless the user chose to include it.
// Works on text and on JSON-like values (keys that name a secret lose their string value).

export type RedactionKind = 'token' | 'secret' | 'opaque' | 'email' | 'ip' | 'home' | 'user' | 'host';

export interface RedactionOptions {
  includePersonal: boolean;
  /** Home folder of the user (from userDirs), removed as a literal. */
  home?: string;
  userNames?: readonly string[];
  hostNames?: readonly string[];
}

// Account names that identify no one: redacting them would only garble text ("root certificate").
const GENERIC_NAMES = new Set(['root', 'admin', 'administrator', 'user', 'users', 'guest', 'default', 'public', 'system', 'localhost', 'local', 'home', 'nobody']);

const SECRET_KEY = /pass(word|wd|phrase)?$|^pwd$|secret|token|credential|assertion|cookie|^pin$|keychain.?(data|content|value|item)|private.?key/i;
const PERSONAL_KEY = /^(device.?name|host.?name|computer.?name|fqdn|user.?name|user|upn|email|e.?mail|account(.?name)?|executing.?account.?name|user.?identity|ip(.?address)?|preferred.?username)$/i;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Redactor {
  readonly counts: Partial<Record<RedactionKind, number>> = {};
  private readonly literals: Array<{ re: RegExp; kind: RedactionKind; length: number }> = [];
  private readonly includePersonal: boolean;
  private readonly known = new Set<string>();

  constructor(options: RedactionOptions) {
    this.includePersonal = options.includePersonal;
    if (options.home && options.home.length > 3) this.addLiteral(options.home, 'home', false);
    for (const u of options.userNames ?? []) this.addLiteral(u, 'user');
    for (const h of options.hostNames ?? []) this.addLiteral(h, 'host');
  }

  /** Adds a personal value (a device name found in evidence, ...) to remove wherever it appears. */
  addLiteral(value: string, kind: RedactionKind, wordBounded = true): void {
    const v = value.trim();
    if (v.length < 3 || GENERIC_NAMES.has(v.toLowerCase()) || this.known.has(v.toLowerCase())) return;
    this.known.add(v.toLowerCase());
    const body = escapeRe(v).replace(/\\\\|\//g, '[\\\\/]'); // a path matches with either separator
    this.literals.push({ re: new RegExp(wordBounded ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body, 'giu'), kind, length: v.length });
    // Longest first, so "alice.smith" goes before "alice" (and the home folder before its user name).
    this.literals.sort((a, b) => b.length - a.length);
  }

  private count(kind: RedactionKind, n = 1): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + n;
  }

  private sub(text: string, re: RegExp, kind: RedactionKind, replacement: string | ((...m: string[]) => string)): string {
    return text.replace(re, (...args: unknown[]) => {
      this.count(kind);
      const groups = args.filter((a): a is string => typeof a === 'string');
      return typeof replacement === 'string' ? replacement : replacement(...groups);
    });
  }

  /** Secrets only: what must never leave, even with personal data included. */
  secrets(text: string): string {
    let t = text;
    t = this.sub(t, /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)?(?:\.[A-Za-z0-9_-]*)?(?:\.[A-Za-z0-9_-]*)?/g, 'token', '[removed: token]');
    t = this.sub(t, /\b(Bearer|Basic|Negotiate|NTLM)(\s+)[A-Za-z0-9._~+/=-]{6,}/gi, 'token', (_m, scheme, space) => `${scheme}${space}[removed: token]`);
    // Microsoft refresh tokens ("0.AXoA...") and other dotted opaque blobs.
    t = this.sub(t, /\b[0-9]\.A[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_-]+)*/g, 'token', '[removed: token]');
    // key=value / key: value / "key":"value" for token, secret and password keys.
    t = this.sub(
      t,
      /(["']?)\b((?:access|refresh|id|session)_?token|client_?secret|client_assertion|assertion|code_verifier|api[_-]?key|secret|pass(?:word|wd)?|pwd|token)\1(\s*[:=]\s*)(?!\[removed)(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s&,;"'}<]+)/gi,
      'secret',
      (_m, q, key, sep) => `${q}${key}${q}${sep}[removed: secret]`,
    );
    // Keychain dumps: `password: 0x4869  "Hi"` keeps nothing after the label on that line.
    t = this.sub(t, /^(\s*"?(?:password|passwd|pwd)"?\s*:)[^\r\n]*$/gim, 'secret', (_m, label) => `${label} [removed: secret]`);
    // Long opaque blobs (tokens, cookies, keys). Plain hex (hashes, thumbprints) and GUIDs stay.
    t = t.replace(/[A-Za-z0-9+/_-]{64,}={0,2}/g, (m) => {
      if (/^[0-9a-f]+$/i.test(m) || /^[\w-]*(?:\/[\w-]+){3,}\/?$/.test(m)) return m; // a hash or a plain path
      this.count('opaque');
      return '[removed: opaque data]';
    });
    return t;
  }

  /** Personal data (only when not included). */
  personal(text: string): string {
    if (this.includePersonal) return text;
    let t = text;
    for (const { re, kind } of this.literals) if (kind === 'home') t = this.sub(t, re, kind, '[home]');
    t = this.sub(t, /[A-Za-z]:[\\/]+Users[\\/]+[^\\/\s"'<>:]+/gi, 'home', '[home]');
    t = this.sub(t, /(?<![\w.])\/(?:home|Users)\/[^/\s"'<>:]+/g, 'home', '[home]');
    t = this.sub(t, /\/root(?=\/|\b)/g, 'home', '[home]');
    t = this.sub(t, /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, 'email', '[email]');
    for (const { re, kind } of this.literals) if (kind !== 'home') t = this.sub(t, re, kind, `[${kind}]`);
    // DOMAIN\\user account names (not paths: nothing before the domain, no further backslash after the name).
    t = this.sub(t, /(?<![\\:/\w])(?!HK)([A-Z][A-Z0-9-]{1,14}|AzureAD)\\([A-Za-z0-9._$-]{2,})(?![\\\w])/g, 'user', (_m, domain) => `${domain}\\[user]`);
    t = this.sub(t, /\b(?:DESKTOP|LAPTOP)-[A-Z0-9]{5,}\b/g, 'host', '[host]');
    t = t.replace(/(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)/g, (m: string, ...octets: string[]) => {
      const nums = octets.slice(0, 4).map(Number);
      if (nums.some((n) => n > 255)) return m;
      if (nums[0] === 127 || nums.every((n) => n === 0)) return m; // loopback / any: not personal
      this.count('ip');
      return '[ip]';
    });
    t = this.sub(t, /(?<![\w:])(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4}(?![\w:])|(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){1,6}(?![\w:])/gi, 'ip', (m) => (m === '::1' ? m : '[ip]'));
    return t;
  }

  text(value: string): string {
    return this.personal(this.secrets(value));
  }

  /** Redacts a JSON-like value; string values under secret keys are dropped whole. */
  value(input: unknown, key = '', depth = 0): unknown {
    if (depth > 40) return '[removed: too deep]';
    if (typeof input === 'string') {
      if (key && SECRET_KEY.test(key)) {
        this.count('secret');
        return '[removed: secret]';
      }
      if (key && PERSONAL_KEY.test(key) && !this.includePersonal && input.trim()) {
        this.count(/ip/i.test(key) ? 'ip' : /mail|upn|preferred/i.test(key) ? 'email' : /user|account|identity/i.test(key) ? 'user' : 'host');
        return `[${/ip/i.test(key) ? 'ip' : /mail|upn|preferred/i.test(key) ? 'email' : /user|account|identity/i.test(key) ? 'user' : 'host'}]`;
      }
      return this.text(input);
    }
    if (Array.isArray(input)) return input.map((v) => this.value(v, key, depth + 1));
    if (input && typeof input === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(input as Record<string, unknown>)) out[this.text(k)] = this.value(v, k, depth + 1);
      return out;
    }
    return input;
  }

  /** Learns personal values from evidence (device names, account names) before redacting text that repeats them. */
  learn(input: unknown, key = '', depth = 0): void {
    if (depth > 40) return;
    if (typeof input === 'string') {
      if (key && PERSONAL_KEY.test(key) && !/ip/i.test(key)) {
        const kind: RedactionKind = /user|account|identity|upn|mail/i.test(key) ? 'user' : 'host';
        // "CONTOSO\\bob, bob@contoso.com" holds two values; a host "ws-01.corp.contoso.com" also its short name.
        for (const part of input.split(/[,\s]+/)) {
          const bare = part.replace(/^.*\\/, '').replace(/@.*$/, '');
          if (bare) this.addLiteral(bare, kind);
          if (kind === 'host' && bare.includes('.')) this.addLiteral(bare.split('.')[0]!, 'host');
        }
      }
      return;
    }
    if (Array.isArray(input)) for (const v of input) this.learn(v, key, depth + 1);
    else if (input && typeof input === 'object') for (const [k, v] of Object.entries(input as Record<string, unknown>)) this.learn(v, k, depth + 1);
  }
}
