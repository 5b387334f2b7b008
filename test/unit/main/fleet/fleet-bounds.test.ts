// What one hostile file can cost `fleet summarize`: nesting is refused before JSON.parse builds it
// (a cheap scan that knows brackets inside strings are text), a file over the per-file cap is not
// read, and a document's lists are cut before zod walks them, the rest counted as dropped. Run
// through collectFleet on a real folder, the way the CLI reads it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS } from '../../../../src/main/fleet/machine-record';
import { MAX_FILE_BYTES, MAX_JSON_CONTAINERS, MAX_JSON_DEPTH, jsonShapeProblem, parseMachineText } from '../../../../src/main/fleet/read-input';
import { readDocument } from '../../../../src/main/fleet/read-document';
import { collectFleet } from '../../../../src/main/fleet/summarize-fleet';
import { tempDir } from '../../../support/browser';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const fail = (id: string) => ({ id, domain: id.slice(0, id.indexOf('.')), severity: 'fail', title: id, detail: '', evidence: {}, fixes: [] });
const diagnose = (findings: unknown[], extra: Record<string, unknown> = {}) => ({ schemaVersion: 1, kind: 'diagnose', startedAt: '2026-11-21T08:00:00Z', finishedAt: '2026-11-21T08:00:00Z', domains: ['cac'], device: { name: 'PC-1', platform: 'win32' }, findings, causes: [], ...extra });

describe('nesting', () => {
  it('refuses JSON nested deeper than the limit as broken, and reads it at the limit', () => {
    expect(parseMachineText(nested(MAX_JSON_DEPTH))).toMatchObject({ ok: true });
    expect(parseMachineText(nested(MAX_JSON_DEPTH + 1))).toEqual({ ok: false, reason: 'broken-json' });
    expect(parseMachineText(`{"a":${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}}`)).toEqual({ ok: false, reason: 'broken-json' });
  });

  it('brackets inside strings, escaped quotes included, are text, not nesting', () => {
    const text = JSON.stringify({ title: `\\"${'['.repeat(500)}"{{{`, more: ['\\', '[[['] });
    expect(jsonShapeProblem(text, 2)).toBeUndefined();
    expect(parseMachineText(text)).toMatchObject({ ok: true });
    // A string that closes, then real nesting: counted again.
    expect(jsonShapeProblem(`["\\\\"${nested(3)}]`, 3)).toBe('too-deep');
  });

  it('refuses more objects and arrays than a machine file has as too large, before they are built', () => {
    const flood = (n: number) => `[${Array.from({ length: n }, () => '{}').join(',')}]`;
    expect(parseMachineText(flood(MAX_JSON_CONTAINERS - 1))).toMatchObject({ ok: true });
    expect(parseMachineText(flood(MAX_JSON_CONTAINERS))).toEqual({ ok: false, reason: 'too-large' });
    // Braces inside strings cost nothing parsed: not counted.
    expect(parseMachineText(JSON.stringify(['{}'.repeat(MAX_JSON_CONTAINERS)]))).toMatchObject({ ok: true });
  });
});

describe('lists in a document', () => {
  it(`keeps at most ${MAX_FINDINGS} findings of a file and counts the rest as dropped, before zod`, () => {
    const many = Array.from({ length: MAX_FINDINGS + 500 }, (_, i) => fail(`cac.f${i}`));
    const read = readDocument(diagnose(many));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.facts.findings).toHaveLength(MAX_FINDINGS);
    expect(read.facts.findingsDropped).toBe(500);
    // The same for remediate's problems.
    const remediate = { schemaVersion: 1, kind: 'remediate', generatedAt: '2026-11-21T08:00:00Z', device: { name: 'PC-2', platform: 'win32', os: 'Windows 11' }, findings: { problems: many } };
    const r = readDocument(remediate);
    expect(r.ok && [r.facts.findings.length, r.facts.findingsDropped]).toEqual([MAX_FINDINGS, 500]);
  });

  it('an error with more codes than one of ours can have gives no error code', () => {
    const codes = Array.from({ length: 101 }, () => ({ family: 'aadsts', code: '53003' }));
    const read = readDocument(diagnose([fail('cac.service')], { error: { codes, leadCode: 'AADSTS53003' } }));
    expect(read.ok && read.facts.error).toBeUndefined();
    const few = readDocument(diagnose([fail('cac.service')], { error: { codes: codes.slice(0, 100), leadCode: 'AADSTS53003' } }));
    expect(few.ok && few.facts.error?.display).toBe('AADSTS53003');
  });
});

describe('collectFleet on hostile files', () => {
  it('skips a deeply nested file as broken and one over the cap as too large; the good file is read', async () => {
    const root = tempDir('fleet-bounds');
    writeFileSync(join(root, 'a-deep.json'), nested(100_000));
    writeFileSync(join(root, 'b-big.json'), `{"pad":"${'x'.repeat(MAX_FILE_BYTES)}"}`);
    writeFileSync(join(root, 'c-good.json'), JSON.stringify(diagnose([fail('cac.service')])));
    const s = (await collectFleet([root])).summary(new Date('2026-11-23T00:00:00Z'));
    expect(MAX_FILE_BYTES).toBe(4 * 1024 * 1024);
    expect(s.inputs.skipped.byReason.map((r) => [r.reason, r.examples])).toEqual([
      ['broken-json', ['a-deep.json']],
      ['too-large', ['b-big.json']],
    ]);
    expect(s.machines.total).toBe(1);
  });
});
