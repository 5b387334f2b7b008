import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../src/main/explain/explain-text';
import { buildBundle, previewOf, zipBundle } from '../../../../src/main/report/bundle';
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
    expect(json.schemaVersion).toBe(1);
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

  it('Teams sign-in failure evidence becomes a redacted log excerpt', () => {
    const b = buildBundle(
      data([f('teams.log-signin-failures', 'teams', 'warn', 'Teams logged sign-in failures', { lines: ['2026-11-23T06:59:00Z auth failed for alice@contoso.com: AADSTS53003', 'token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig'], count: 2 })]),
      { includePersonal: false },
    );
    const log = b.files.find((x) => x.name === 'logs/teams-sign-in.txt')!.content.toString('utf8');
    expect(log).toContain('auth failed for [email]: AADSTS53003');
    expect(log).not.toContain('eyJ');
    expect(log).not.toContain('alice');
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
