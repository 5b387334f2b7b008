import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERSONAL_RULES } from '../../../../../src/main/common/redact/personal-rules';
import { redactSecrets, redactText } from '../../../../../src/main/common/redact/redact-text';
import { Redactor } from '../../../../../src/main/common/redact/redactor';
import { MARKER } from '../../../../../src/main/common/redact/rule';
import { isSecretKeyName, SECRET_RULES } from '../../../../../src/main/common/redact/secret-rules';
import { decodedViews } from '../../../../../src/main/common/redact/decode';
import { plantedCases } from '../../../../support/planted-secrets';

const ALL = [...SECRET_RULES, ...PERSONAL_RULES];
const parts = (example: string) => {
  const m = /^([\s\S]*)⟦([\s\S]*)⟧([\s\S]*)$/.exec(example)!;
  return { before: m[1]!, gone: m[2]!, after: m[3]!, text: `${m[1]}${m[2]}${m[3]}` };
};

describe('the rule table', () => {
  it('names every rule once, in kebab-case, with flags g and d and one marked example', () => {
    expect(new Set(ALL.map((r) => r.name)).size).toBe(ALL.length);
    for (const r of ALL) {
      expect(r.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(r.pattern.flags).toMatch(/d/);
      expect(r.pattern.flags).toMatch(/g/);
      expect(r.example.match(/⟦/g), r.name).toHaveLength(1);
    }
  });

  for (const rule of ALL) {
    it(`${rule.name}: removes exactly the marked part of its example, and the count names it`, () => {
      const { before, after, text } = parts(rule.example);
      const tally = { kinds: {}, rules: {} as Record<string, number> };
      expect(redactText(text, [rule], tally)).toBe(`${before}${MARKER[rule.kind]}${after}`);
      expect(tally.rules).toEqual({ [rule.name]: 1 });
      const r = new Redactor({ includePersonal: false });
      expect(r.text(text)).not.toContain(parts(rule.example).gone.trim());
      expect(r.rules[rule.name]).toBe(1);
    });
  }
});

describe('rule hints are only a shortcut', () => {
  const fixtures = join(__dirname, '../../../../fixtures/teams');
  const corpus = [
    ...ALL.map((r) => parts(r.example).text),
    ...plantedCases(5).map((c) => c.text),
    ...readdirSync(fixtures).flatMap((f) => readFileSync(join(fixtures, f), 'utf8').split(/\r?\n/)),
    'ESTSAUTHLIGHT=x; MSISAuth1=y; FedAuth12=z; .AspNetCore.Cookies=w; __Host-MSAAUTHP=v',
  ];

  it('a view without any of a rule\'s hints never holds a match of it', () => {
    const skipped: string[] = [];
    for (const text of corpus) {
      for (const view of decodedViews(text)) {
        const lower = view.text.toLowerCase();
        for (const rule of ALL.filter((r) => r.hints && !r.hints.some((h) => lower.includes(h)))) {
          rule.pattern.lastIndex = 0;
          const m = rule.pattern.exec(view.text);
          rule.pattern.lastIndex = 0;
          if (m) skipped.push(`${rule.name}: ${JSON.stringify(m[0])}`);
        }
      }
    }
    expect(skipped).toEqual([]);
  });
});

describe('what stays', () => {
  const fixtures = join(__dirname, '../../../../fixtures/teams');
  const lines = readdirSync(fixtures).flatMap((f) => readFileSync(join(fixtures, f), 'utf8').split(/\r?\n/));

  it('codes, IDs, timestamps and versions in the recorded Teams logs are left alone', () => {
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const out = redactSecrets(line);
      for (const keep of line.match(/AADSTS\d+|0x[0-9A-Fa-f]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?/g) ?? []) expect(out, line).toContain(keep);
    }
  });

  it('an error URI with an error code, a proxy bypass list and prose about passwords are not secrets', () => {
    for (const keep of [
      'https://login.microsoftonline.com/error?code=50173',
      'bypass: *.contoso.com;<local>',
      'AADSTS50126: Invalid username or password.',
      'Basic authentication is disabled for this tenant',
      'Error code: 53003',
      'mapping=3 spin=2',
      '"token_type":"Bearer","expires_in":3599',
      'sha256 ' + 'ab12'.repeat(16),
      'C:\\Program Files\\WindowsApps\\MSTeams_24335.206.3314.2030_x64__8wekyb3d8bbwe\\ms-teams.exe',
      '/tmp/sd-test-Q1w2/home/AppData/Local/Packages/MSTeams_8wekyb3d8bbwe/LocalCache/Microsoft/MSTeams/Logs/MSTeams_2026-11-23_06-40-00.00.log',
      '/Users/alice/Library/Group_Containers/UBF8T346G9_com_microsoft_teams/Library/Application_Support/Logs',
    ])
      expect(redactSecrets(keep)).toBe(keep);
  });
});

describe('a string costs a bounded amount', () => {
  it('past 64 KiB the rest is dropped with a marker, never scanned; a token cut in two goes with the rest', () => {
    const token = `eyJ${'a'.repeat(30)}.${'b'.repeat(30)}.${'c'.repeat(30)}`;
    const text = `${'x '.repeat(32_740)}${token} tail`; // the token straddles the bound
    const out = redactSecrets(text);
    expect(out.length).toBeLessThan(66_000);
    expect(out).toMatch(/\[… [\d,]+ more characters not included: too long to check\]$/);
    expect(out).not.toContain('eyJ');
  });
});

describe('secret key names (structured values)', () => {
  it.each([
    ['password', true],
    ['Password', true],
    ['pass', true],
    ['user_pass', true],
    ['passcode', true],
    ['clientSecret', true],
    ['refreshToken', true],
    ['x-ms-RefreshTokenCredential', true],
    ['Cookie', true],
    ['authorization', true],
    ['pin', true],
    ['userPin', true],
    ['card-pin', true],
    ['PIN', true],
    ['AccountKey', true],
    ['apiKey', true],
    ['keychainData', true],
    ['private_key', true],
    ['sig', true],
    ['bypass', false],
    ['bypassHosts', false],
    ['mapping', false],
    ['spin', false],
    ['correlationId', false],
    ['code', false],
    ['signature', false],
  ])('%s → %s', (key, secret) => {
    expect(isSecretKeyName(key)).toBe(secret);
  });
});
