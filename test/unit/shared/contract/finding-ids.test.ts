// Every finding id produced anywhere in src has an evidence schema: a scan of the id literals where
// findings are made (typed builders, raw finding objects, network problem kinds), like
// test/unit/main/os/programs.test.ts scans exec calls. The reverse holds too: no schema is dead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAIN_LIST } from '../../../../src/main/domains';
import { PROBLEM_KEY, findingKeyFor, findingSchemas } from '../../../../src/shared/contract/findings';

const SRC = join(__dirname, '../../../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

const ID = String.raw`(['\`])((?:\$\{[^}]+\}|[a-z]+\.)[a-z0-9\-]*(?:\$\{[^}]+\}[a-z0-9\-]*)*)\1`;
/** Builder calls: finding(…), f(…), clockFinding(…), finding({ id: … }). */
const BUILDER = new RegExp(String.raw`\b(?:finding|f|[a-z]+Finding)\(\s*(?:\{\s*id:\s*)?(?:${ID}|([A-Z_]+)\b)`, 'g');
/** Raw objects: { id: '…', domain | title … }. */
const RAW = new RegExp(String.raw`\{\s*id:\s*${ID}\s*,\s*(?:domain|title)\b`, 'g');

/** A sample id for a template: each ${…} becomes a value (a leading one is a check id). */
const sample = (id: string) => id.replace(/^\$\{[^}]+\}/, 'clock.time').replace(/\$\{[^}]+\}/g, 'new');

async function nonFindingIds(): Promise<Set<string>> {
  const modules = await Promise.all(DOMAIN_LIST.map((d) => d.load()));
  return new Set(modules.flatMap((m) => [...m.checks.map((c) => c.id), ...m.fixes.map((x) => x.id)]));
}

function scan(skip: Set<string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    const rel = file.slice(SRC.length + 1);
    for (const m of text.matchAll(BUILDER)) {
      const id = m[2] ?? new RegExp(String.raw`\b${m[3]}\s*=\s*'([^']+)'`).exec(text)?.[1];
      if (m[3] && !id) continue; // an identifier that is not a local constant (a variable id is checked at its literal)
      if (id) found.set(id, rel);
    }
    for (const m of text.matchAll(RAW)) if (!skip.has(m[2]!)) found.set(m[2]!, rel);
  }
  return found;
}

describe('finding ids in src', () => {
  it('every id a finding is made with has an evidence schema', async () => {
    const found = scan(await nonFindingIds());
    // The scan sees the builders of every domain, templates and constants included.
    for (const id of ['teams.client-${c.id}', 'teams.log-signin-failure', 'clock.skew', 'network.dns-failed', 'network.udp-media', 'device.os', 'device.state-error', 'cac.binding-missing', 'cac.cert-expired-${cert.slot}', '${check.id}-error']) {
      expect([...found.keys()], id).toContain(id);
    }
    const missing = [...found].filter(([id]) => !findingKeyFor(sample(id))).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it('every schema is for an id that src makes', async () => {
    const keys = new Set([...scan(await nonFindingIds()).keys()].map((id) => findingKeyFor(sample(id))));
    expect(Object.keys(findingSchemas).filter((k) => !keys.has(k as never))).toEqual([]);
    expect(keys.has(PROBLEM_KEY)).toBe(true);
  });
});
