import { readFileSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineTime, redactLine, scanLogText, scanLogs } from '../../../../src/main/teams/log-scan';
import { tempDir } from '../../../support/browser';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/teams', name), 'utf8');

describe('Teams log scan', () => {
  it('finds 53003 in a new Teams log with its time and Correlation ID, newest first, tokens removed', () => {
    const failures = scanLogText(fixture('MSTeams_2026-11-23_06-40-00.00.log'), 'new', 'MSTeams.log');
    expect(failures.map((f) => f.codes.map((c) => c.display).join())).toEqual(['AADSTS53003', 'AADSTS53003', '0xCAA2000B']);
    const [bare, json, wam] = failures;
    expect(json!.time).toBe('2026-11-23T06:41:12.345Z');
    expect(json!.correlationId).toBe('3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b');
    expect(json!.requestId).toBe('0b3c9f4e-8d7a-4b6c-9e5f-1a2b3c4d5e6f');
    expect(json!.codes[0]).toMatchObject({ name: 'BlockedByConditionalAccess', conditionalAccess: true, relatedFixes: [] });
    expect(bare!.excerpt).not.toMatch(/eyJ/);
    expect(bare!.excerpt).toMatch(/Bearer \[removed: token\]/);
    expect(wam!.codes[0]).toMatchObject({ family: 'wam', code: 'CAA2000B', conditionalAccess: false });
    expect(wam!.codes[0]!.relatedFixes).toContain('teams.signin-reset');
    expect(wam!.line).toBe(3);
  });

  it('reads classic logs.txt times (GMT offsets) and a Correlation ID on the next line', () => {
    const failures = scanLogText(fixture('classic-logs.txt'), 'classic', 'logs.txt');
    expect(failures.map((f) => [f.time, f.codes[0]!.display, f.correlationId])).toEqual([
      ['2026-11-23T06:32:00.000Z', '0xCAA2000B', undefined],
      ['2026-11-23T06:31:00.000Z', 'AADSTS700082', '8d2f3e40-5b6c-4d7e-9fa0-1b2c3d4e5f60'],
      ['2026-11-23T06:30:00.000Z', 'AADSTS700082', '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f'],
    ]);
  });

  it('reads teams-for-linux (electron-log) lines', () => {
    const [f] = scanLogText(fixture('teams-for-linux-main.log'), 'linux', 'main.log');
    expect(f).toMatchObject({ time: '2026-11-23T06:41:12.345Z', correlationId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' });
    expect(f!.codes[0]).toMatchObject({ code: '50126', conditionalAccess: false });
  });

  it('ignores lines without sign-in codes, and garbage does not throw', () => {
    expect(scanLogText('2026-11-23T06:40:00Z 0x00001f44 <INFO> thread 0x0000abcd ok\n\u0000\u0001\u0002 AADSTS', 'new', 'x')).toEqual([]);
    expect(scanLogText('x'.repeat(100_000) + ' AADSTS53003', 'new', 'x')).toEqual([]); // beyond the per-line bound
    expect(lineTime('Mon Foo 99 2026 99:99:99 GMT+0000')).toBeUndefined();
  });

  it('redacts tokens and secrets before anything is shown (the shared rules and markers)', () => {
    expect(redactLine('refresh_token=0.AAAA-very-secret&x=1')).toBe('refresh_token=[removed: token]&x=1');
    expect(redactLine('"access_token": "abc.def"')).toBe('"access_token": "[removed: token]"');
    expect(redactLine(`blob ${'Ab9+'.repeat(20)} end`)).toBe('blob [removed: opaque data] end');
    expect(redactLine(`sha256 ${'ab12'.repeat(16)}`)).toBe(`sha256 ${'ab12'.repeat(16)}`); // a hash is not a blob
    // Encoded as real logs carry them.
    expect(redactLine('auth: {\\"refresh_token\\":\\"0.AAAA-very-secret\\"} AADSTS50173')).toBe('auth: {\\"refresh_token\\":\\"[removed: token]\\"} AADSTS50173');
    expect(redactLine('GET /cb?sig=abc%2Bdef%3D&passw%6Frd=hunter2x AADSTS53003')).toBe('GET /cb?sig=[removed: secret]&passw%6Frd=[removed: secret] AADSTS53003');
  });

  it('reads newest files first, only a bounded tail of each, at most maxFiles', async () => {
    const dir = join(tempDir('teams-logs'), 'Logs');
    await mkdir(dir, { recursive: true });
    const big = join(dir, 'MSTeams_2026-11-23_06-00-00.00.log');
    // The early failure is beyond the tail that is read; the late one is inside it.
    await writeFile(big, `2026-11-23T05:00:00Z <ERR> AADSTS50126 early\n${'2026-11-23T05:30:00Z <INFO> filler line of a busy log\n'.repeat(20_000)}2026-11-23T06:00:00Z <ERR> AADSTS53003 late\n`);
    const old = join(dir, 'MSTeams_2026-11-20_06-00-00.00.log');
    await writeFile(old, '2026-11-20T06:00:00Z <ERR> AADSTS700082 old\n');
    await utimes(old, new Date('2026-11-20T07:00:00Z'), new Date('2026-11-20T07:00:00Z'));
    await writeFile(join(dir, 'not-a-log.txt'), 'AADSTS50053');
    const scan = await scanLogs('new', [{ dir, pattern: /^MSTeams.*\.log$/ }], { maxBytesPerFile: 64 * 1024, maxFiles: 1 });
    expect(scan.files.map((f) => f.path)).toEqual([big]);
    expect(scan.files[0]!.bytesRead).toBe(64 * 1024);
    expect(scan.truncated).toBe(true);
    expect(scan.failures.map((f) => f.codes[0]!.code)).toEqual(['53003']);
    const all = await scanLogs('new', [{ dir, pattern: /^MSTeams.*\.log$/ }, { dir: join(dir, 'missing'), pattern: /x/ }]);
    expect(all.failures.map((f) => f.codes[0]!.code)).toEqual(['53003', '50126', '700082']);
    expect(all.errors).toEqual([]);
  });
});
