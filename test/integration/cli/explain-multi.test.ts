// The built CLI's explain on a file holding two failed requests (a PowerShell session written
// here): the JSON lists both errors newest first, each with its own IDs; the text output and the
// message for IT keep each error's IDs with that error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../../src/shared/contract/explain';
import { tempDir } from '../../support/browser';
import { runBuiltCli } from '../../support/cli';

const FIRST = { trace: '0c0c0c0c-0000-4000-8000-00000000000a', corr: '0d0d0d0d-0000-4000-8000-00000000000b' };
const SECOND = { trace: '0e0e0e0e-0000-4000-8000-00000000000c', corr: '0f0f0f0f-0000-4000-8000-00000000000d' };
const session = [
  'Connect-MgGraph : AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.',
  `Trace ID: ${FIRST.trace}`,
  `Correlation ID: ${FIRST.corr}`,
  'Timestamp: 2026-11-30 09:58:01Z',
  'At line:1 char:1',
  "Connect-MgGraph : AADSTS900144: The request body must contain the following parameter: 'client_id'.",
  `Trace ID: ${SECOND.trace}`,
  `Correlation ID: ${SECOND.corr}`,
  'Timestamp: 2026-11-30 10:02:44Z',
].join('\r\n');

describe('signin-doctor explain --file with several errors (built CLI)', () => {
  const dir = tempDir('cli-explain-multi');
  const file = join(dir, 'session.txt');
  writeFileSync(file, session);
  const state = join(dir, 'state');

  it('--json: every error with its own IDs, newest first; the top level is the newest', async () => {
    const run = await runBuiltCli(['explain', '--file', file, '--json', '--state-dir', state]);
    expect(run.code).toBe(0);
    const ex = JSON.parse(run.stdout) as Explanation;
    expect(ex.errors.map((e) => [e.codes.map((c) => c.code), e.fields.traceId, e.fields.correlationId, e.fields.timestamp])).toEqual([
      [['900144'], SECOND.trace, SECOND.corr, '2026-11-30T10:02:44.000Z'],
      [['70016'], FIRST.trace, FIRST.corr, '2026-11-30T09:58:01.000Z'],
    ]);
    expect(ex.codes.map((c) => c.code)).toEqual(['900144']);
    expect(ex.fields.correlationId).toBe(SECOND.corr);
  });

  it('text: one section per error, each error\'s IDs in its own section and in its own block of the IT message', async () => {
    const run = await runBuiltCli(['explain', '--file', file, '--state-dir', state]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    const s1 = out.indexOf('Error 1 of 2 (newest)');
    const s2 = out.indexOf('Error 2 of 2');
    const msgAt = out.indexOf('--- Message for IT');
    expect(s1).toBeGreaterThanOrEqual(0);
    expect(s2).toBeGreaterThan(s1);
    expect(msgAt).toBeGreaterThan(s2);
    expect(out.slice(s1, s2)).toContain(`Correlation ID: ${SECOND.corr}`);
    expect(out.slice(s1, s2)).not.toContain(FIRST.corr);
    expect(out.slice(s2, msgAt)).toContain(`Correlation ID: ${FIRST.corr}`);
    const message = out.slice(msgAt);
    const m1 = message.indexOf('Error 1, the newest');
    const m2 = message.indexOf('Error 2');
    expect(message.slice(m1, m2)).toContain(`Trace ID: ${SECOND.trace}`);
    expect(message.slice(m2)).toContain(`Trace ID: ${FIRST.trace}`);
    expect(message.slice(m2)).not.toContain(SECOND.trace);
  });
});

describe('signin-doctor explain --code (built CLI)', () => {
  const state = join(tempDir('cli-explain-code'), 'state');

  it('reads a signed-decimal HRESULT and an MSA code without 0x; refuses nonsense calmly', async () => {
    const hr = await runBuiltCli(['explain', '--code', '-2147023838', '--json', '--state-dir', state]);
    expect(hr.code).toBe(0);
    expect((JSON.parse(hr.stdout) as { found: Array<{ family: string; code: string; entry?: { name: string } }> }).found).toMatchObject([{ family: 'hresult', code: '80070422', entry: { name: 'ERROR_SERVICE_DISABLED' } }]);
    const msa = await runBuiltCli(['explain', '--code', '80043490', '--state-dir', state]);
    expect(msa.code).toBe(0);
    expect(msa.stdout).toContain('0x80043490 — Windows component / COM error (0x8004xxxx, FACILITY_ITF): Microsoft account and Office use it too (family only)');
    const none = await runBuiltCli(['explain', '--code', 'banana', '--state-dir', state]);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/is not a code of the families/);
    const empty = await runBuiltCli(['explain', '--code', '--state-dir', state]);
    expect(empty.code).toBe(2);
  });
});
