// A redaction rule: a name (so a count says which rule fired), what it removes and how it finds it.
// Every pattern must stay linear in its input: test/unit/main/common/redact/linearity.test.ts
// checks the shape of each one and counts backtracking steps on hostile input.

/** Secrets (token, secret, opaque) always go; personal data (the rest) unless the user includes it. */
export type RedactionKind = 'token' | 'secret' | 'opaque' | 'email' | 'ip' | 'home' | 'user' | 'host';

export const SECRET_KINDS: ReadonlySet<RedactionKind> = new Set(['token', 'secret', 'opaque']);

/** When two matches overlap, the merged cut is labelled by the first of these kinds among them. */
export const KIND_PRECEDENCE: readonly RedactionKind[] = ['token', 'secret', 'opaque', 'home', 'email', 'user', 'host', 'ip'];

export const MARKER: Record<RedactionKind, string> = {
  token: '[removed: token]',
  secret: '[removed: secret]',
  opaque: '[removed: opaque data]',
  email: '[email]',
  ip: '[ip]',
  home: '[home]',
  user: '[user]',
  host: '[host]',
};

export interface RedactionRule {
  /** Stable kebab-case name, reported in the redaction counts. */
  name: string;
  kind: RedactionKind;
  /** Flags g and d. What goes is the first capture group that took part, else the whole match. */
  pattern: RegExp;
  /**
   * Lower-case words of which a match always holds one (decoded): a view without any skips the
   * rule. Only a shortcut; a test checks it never skips a match.
   */
  hints?: readonly string[];
  /** A second opinion on a match the pattern cannot judge alone (a hash is not a blob). */
  accept?: (match: RegExpExecArray) => boolean;
  /** A text this rule redacts, the part that goes between ⟦ and ⟧: documentation and a test. */
  example: string;
}

/** Builds a rule's pattern from source text (String.raw keeps the escapes readable). */
export function pattern(source: string, flags = 'i'): RegExp {
  return new RegExp(source, `gd${flags}`);
}
