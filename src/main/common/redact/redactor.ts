// Redaction of everything that leaves the machine (the support bundle) or reaches a log. Two tiers:
// - secrets (secret-rules.ts) are ALWAYS removed, whatever the options;
// - personal data (personal-rules.ts, plus the user's own names learned at run time) is removed
//   unless the user chose to include it.
// Works on text and on JSON-like values (keys that name a secret lose their string value).
import { literalRule, PERSONAL_RULES, personalKeyKind } from './personal-rules';
import { redactText, type RedactionTally } from './redact-text';
import { MARKER, type RedactionKind, type RedactionRule } from './rule';
import { isSecretKeyName, SECRET_RULES } from './secret-rules';

export type { RedactionKind } from './rule';

export interface RedactionOptions {
  includePersonal: boolean;
  /** Home folder of the user (from userDirs), removed as a literal. */
  home?: string;
  userNames?: readonly string[];
  hostNames?: readonly string[];
}

// Account names that identify no one: redacting them would only garble text ("root certificate").
const GENERIC_NAMES = new Set(['root', 'admin', 'administrator', 'user', 'users', 'guest', 'default', 'public', 'system', 'localhost', 'local', 'home', 'nobody']);
const MAX_DEPTH = 40;

export class Redactor {
  /** Replacements by kind. */
  readonly counts: Partial<Record<RedactionKind, number>> = {};
  /** Matches by rule name. */
  readonly rules: Record<string, number> = {};
  private readonly tally: RedactionTally = { kinds: this.counts, rules: this.rules };
  private readonly literals: RedactionRule[] = [];
  /** Every rule text() applies, rebuilt when a literal is learned. */
  private all: readonly RedactionRule[] | undefined;
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
    this.literals.push(literalRule(v, kind, wordBounded));
    this.all = undefined;
  }

  /** Secrets only: what must never leave, even with personal data included. */
  secrets(text: string): string {
    return redactText(text, SECRET_RULES, this.tally);
  }

  /** Secrets, and personal data unless it is included. */
  text(value: string): string {
    this.all ??= this.includePersonal ? SECRET_RULES : [...SECRET_RULES, ...PERSONAL_RULES, ...this.literals];
    return redactText(value, this.all, this.tally);
  }

  private count(kind: RedactionKind, rule: string): string {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    this.rules[rule] = (this.rules[rule] ?? 0) + 1;
    return MARKER[kind];
  }

  /** Redacts a JSON-like value; string values under secret keys are dropped whole. */
  value(input: unknown, key = '', depth = 0): unknown {
    if (depth > MAX_DEPTH) return '[removed: too deep]';
    if (typeof input === 'string') {
      if (key && isSecretKeyName(key)) return this.count('secret', 'secret-key');
      const personal = key && !this.includePersonal && input.trim() ? personalKeyKind(key) : undefined;
      if (personal) return this.count(personal, 'personal-key');
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
    if (depth > MAX_DEPTH) return;
    if (typeof input === 'string') {
      const personal = key ? personalKeyKind(key) : undefined;
      if (personal && personal !== 'ip') {
        const kind: RedactionKind = personal === 'host' ? 'host' : 'user';
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
