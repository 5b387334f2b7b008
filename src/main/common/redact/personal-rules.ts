// The personal rules: what identifies the user (home folders, e-mail addresses, account, device
// and host names, IP addresses). Removed unless the user chose to include personal data. Names
// learned at run time (the user's name, the device name) become literal rules (literalRule).
import { pattern, type RedactionKind, type RedactionRule } from './rule';

/** The last label of a domain says it is a mail domain (contoso.com), not a version (electron@45.4.1). */
const mailDomain = (address: string) => address.slice(address.indexOf('@') + 1).split('.').slice(1).some((label) => /^[A-Za-z]{2,}$/.test(label));

function publicIpv4(address: string): boolean {
  const octets = address.split('.').map(Number);
  if (octets.some((n) => n > 255)) return false;
  return octets[0] !== 127 && !octets.every((n) => n === 0); // loopback and "any" identify no one
}

export const PERSONAL_RULES: readonly RedactionRule[] = [
  {
    name: 'home-path-windows',
    kind: 'home',
    hints: ['users'],
    pattern: pattern(String.raw`(?<![A-Za-z0-9])[A-Za-z]:[\\/]+Users[\\/]+[^\\/\s"'<>:]+`),
    example: 'at ⟦C:\\Users\\alice.smith⟧\\AppData',
  },
  {
    name: 'home-path-posix',
    kind: 'home',
    hints: ['/home/', '/users/'],
    pattern: pattern(String.raw`(?<![\w.])\/(?:home|Users)\/[^/\s"'<>:]+`, ''),
    example: 'at ⟦/home/carol⟧/.cache',
  },
  {
    name: 'home-path-root',
    kind: 'home',
    hints: ['/root'],
    pattern: pattern(String.raw`(?<![\w./-])\/root(?![\w])`, ''),
    example: 'at ⟦/root⟧/.config',
  },
  {
    // Anchored at the start of a run of address characters: one try per run, not one per letter.
    name: 'email',
    kind: 'email',
    hints: ['@'],
    pattern: pattern(String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+){0,10}`, ''),
    accept: (m) => mailDomain(m[0]),
    example: 'signed in as ⟦alice@contoso.com⟧ today',
  },
  {
    // DOMAIN\user account names (not paths: nothing before the domain, no further backslash after the name).
    name: 'domain-account',
    kind: 'user',
    hints: ['\\'],
    pattern: pattern(String.raw`(?<![\\:/\w])(?!HK)(?:[A-Z][A-Z0-9-]{1,14}|AzureAD)\\([A-Za-z0-9._$-]{2,})(?![\\\w])`, ''),
    example: 'account CONTOSO\\⟦bob.smith⟧, ok',
  },
  {
    name: 'url-user',
    kind: 'user',
    hints: ['://'],
    pattern: pattern(String.raw`(?<=:\/\/)([^\s\/?#@:"'<>\[\]]+)@`, ''),
    example: 'https://⟦alice⟧@dev.azure.com/org',
  },
  {
    name: 'default-device-name',
    kind: 'host',
    hints: ['desktop-', 'laptop-'],
    pattern: pattern(String.raw`(?<![A-Za-z0-9_])(?:DESKTOP|LAPTOP)-[A-Z0-9]{5,}(?![A-Za-z0-9_])`, ''),
    example: 'host ⟦DESKTOP-3H8P1LQ⟧ joined',
  },
  {
    name: 'ipv4',
    kind: 'ip',
    hints: ['.'],
    pattern: pattern(String.raw`(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\d|\.\d)`, ''),
    accept: (m) => publicIpv4(m[0]),
    example: 'from ⟦203.0.113.45⟧ via 127.0.0.1',
  },
  {
    name: 'ipv6',
    kind: 'ip',
    hints: [':'],
    pattern: pattern(String.raw`(?<![\w:])(?:(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){1,6})(?![\w:])`),
    accept: (m) => m[0] !== '::1',
    example: 'from ⟦fe80::1c2b:3d4e:5f60:7a8b⟧ now',
  },
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const LITERAL_RULE_NAME: Partial<Record<RedactionKind, string>> = { home: 'home-folder', user: 'user-name', host: 'host-name' };

/** A name learned at run time, removed wherever it appears (a path matches with either separator). */
export function literalRule(value: string, kind: RedactionKind, wordBounded = true): RedactionRule {
  const body = escapeRe(value).replace(/\\\\|\//g, '[\\\\/]');
  const source = wordBounded ? String.raw`(?<![\p{L}\p{N}_])${body}(?![\p{L}\p{N}_])` : String.raw`(?<![\p{L}\p{N}_])${body}`;
  return { name: LITERAL_RULE_NAME[kind] ?? `${kind}-name`, kind, pattern: pattern(source, 'iu'), example: `⟦${value}⟧` };
}

const PERSONAL_KEY = /^(device.?name|host.?name|computer.?name|fqdn|user.?name|user|upn|email|e.?mail|account(.?name)?|executing.?account.?name|user.?identity|ip(.?address)?|preferred.?username)$/i;

/** A structured value under this key is personal: what it is replaced by, or undefined. */
export function personalKeyKind(key: string): RedactionKind | undefined {
  if (!PERSONAL_KEY.test(key)) return undefined;
  if (/ip/i.test(key)) return 'ip';
  if (/mail|upn|preferred/i.test(key)) return 'email';
  if (/user|account|identity/i.test(key)) return 'user';
  return 'host';
}
