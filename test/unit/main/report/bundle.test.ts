import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../src/main/common/explain/explain-text';
import { buildBundle, previewOf, zipBundle } from '../../../../src/main/report/bundle';
import { scanLogText } from '../../../../src/main/teams/log-scan';
import { logFindings } from '../../../../src/main/teams/teams-checks';
import type { ReportData } from '../../../../src/main/report/collect-report';
import type { Finding } from '../../../../src/shared/model';
import { unzipAll } from '../../../support/unzip';

const f = (id: string, domain: Finding['domain'], severity: Finding['severity'], title: string, evidence: Record<string, unknown> = {}): Finding => ({ id, domain, severity, title, detail: 'detail <b>not html</b>', evidence, fixes: [] });

function data(findings: Finding[], extra: Partial<ReportData> = {}): ReportData {
  return {
    generatedAt: '2026-11-23T07:00:00.000Z',
    platform: 'win32',
    diagnosis: { startedAt: '2026-11-23T07:00:00.000Z', finishedAt: '2026-11-23T07:00:01.000Z', domains: ['device', 'network'], findings },
    history: [],
    runs: [],
    ...extra,
  };
}

const healthy = [f('device.join-state', 'device', 'ok', 'Device: Microsoft Entra joined'), f('device.os', 'device', 'info', 'Windows 11 Enterprise 10.0.22631.4400')];

describe('support bundle', () => {
  it('a machine with nothing wrong says so, in the message, report.json and report.html', () => {
    const b = buildBundle(data(healthy), { includePersonal: false });
    expect(b.files.map((x) => x.name)).toEqual(['message-for-it.txt', 'report.json', 'report.html', 'fix-history.json']);
    const json = JSON.parse(b.files.find((x) => x.name === 'report.json')!.content.toString('utf8'));
    expect(json.schemaVersion).toBe(2);
    expect(json.summary).toMatchObject({ worst: 'info', nothingWrong: true, headline: expect.stringMatching(/found nothing wrong on this machine/) });
    expect(json.findings).toHaveLength(2);
    expect(b.message).toContain('Sign-in Doctor found nothing wrong on this device.');
    const html = b.files.find((x) => x.name === 'report.html')!.content.toString('utf8');
    expect(html).toContain('found nothing wrong on this machine');
  });

  it('a problem is counted and headlined; a Conditional Access code is called a policy decision', () => {
    const b = buildBundle(data([...healthy, f('device.prt-missing', 'device', 'fail', 'No Primary Refresh Token (PRT) for this user')], { explanation: explainText('AADSTS53003 Correlation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d') }), { includePersonal: false });
    expect(b.document.summary).toMatchObject({ worst: 'fail', nothingWrong: false });
    expect(b.document.summary.headline).toMatch(/1 problem\..*Conditional Access decision/);
    expect(b.document.explanation?.codes[0]).toMatchObject({ code: '53003', name: 'BlockedByConditionalAccess' });
  });

  it('report.html stands alone: escaped, no scripts, no external resources', () => {
    const b = buildBundle(data([f('network.proxy', 'network', 'warn', '<script>alert(1)</script> proxy', { url: 'http://evil.example/x.js' })]), { includePersonal: false });
    const html = b.files.find((x) => x.name === 'report.html')!.content.toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; proxy');
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it('Teams sign-in failures travel as catalogued facts (time, code, IDs, client, file, line), never as log lines', () => {
    const line = '2026-11-23T06:59:00.000Z <ERR> auth failed for alice@contoso.com: AADSTS53003 Correlation ID: 3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig RAWLINEMARKER';
    const teams = logFindings(scanLogText(`${line}\n`, 'new', '/home/alice/.config/teams/MSTeams.log'), 1);
    // A Teams log finding with free text in its evidence: the text does not travel either.
    const freeText = f('teams.log-signin-failures', 'teams', 'warn', 'Teams logged sign-in failures', { lines: ['2026-11-23T06:59:00Z auth failed for alice@contoso.com: AADSTS53003 RAWLINEMARKER', 'token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig'], count: 2 });
    const b = buildBundle(data([...teams, freeText]), { includePersonal: false, home: '/home/alice', userNames: ['alice'] });
    const log = b.files.find((x) => x.name === 'logs/teams-sign-in.txt')!.content.toString('utf8');
    expect(log).toContain('2026-11-23T06:59:00.000Z  AADSTS53003 BlockedByConditionalAccess  Correlation ID 3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b');
    expect(log).toContain('new Teams, [home]/.config/teams/MSTeams.log, line 1');
    expect(log).not.toContain('teams.log-signin-failures'); // no facts, no block
    for (const file of b.files) {
      const text = file.content.toString('utf8');
      for (const gone of ['RAWLINEMARKER', 'eyJ', 'alice', 'auth failed']) expect(text, `${file.name}: ${gone}`).not.toContain(gone);
    }
    const report = JSON.parse(b.files.find((x) => x.name === 'report.json')!.content.toString('utf8'));
    const failure = report.findings.find((x: Finding) => x.id === 'teams.log-signin-failure');
    expect(failure.evidence.failures[0]).toEqual({ time: '2026-11-23T06:59:00.000Z', codes: [{ code: 'AADSTS53003', name: 'BlockedByConditionalAccess' }], correlationId: '3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b', client: 'new', file: '[home]/.config/teams/MSTeams.log', line: 1 });
    expect(report.findings.find((x: Finding) => x.id === 'teams.log-signin-failures').evidence).toEqual({});
    expect(report.redaction.rules).toMatchObject({ 'home-folder': expect.any(Number) });
  });

  it('a 100 KB NO_PROXY in evidence is bounded, not scanned for seconds', () => {
    const noProxy = 'a'.repeat(100_000);
    const b = buildBundle(data([f('network.proxy', 'network', 'info', 'Proxy settings', { NO_PROXY: noProxy, note: `${'b'.repeat(80_000)}@` })]), { includePersonal: false });
    const report = JSON.parse(b.files.find((x) => x.name === 'report.json')!.content.toString('utf8'));
    expect(report.findings[0].evidence.NO_PROXY).toMatch(/^a{60000,65536} \[… [\d,]+ more characters not included: too long to check\]$/);
  });

  it('the preview shows every file with a summary and the redacted start of its content; the zip holds the same bytes', async () => {
    const b = buildBundle(data(healthy), { includePersonal: false });
    const p = previewOf(b, 'abc');
    expect(p.files.map((x) => x.name)).toEqual(b.files.map((x) => x.name));
    for (const file of p.files) {
      expect(file.summary.length).toBeGreaterThan(5);
      expect(file.bytes).toBe(b.files.find((x) => x.name === file.name)!.content.length);
    }
    const unzipped = await unzipAll(await zipBundle(b.files, new Date(b.document.generatedAt)));
    expect([...unzipped.keys()]).toEqual(b.files.map((x) => x.name));
    for (const file of b.files) expect(unzipped.get(file.name)!.equals(file.content)).toBe(true);
  });
});
