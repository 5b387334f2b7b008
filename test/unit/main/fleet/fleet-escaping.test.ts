// What leaves `fleet summarize` is safe whatever the files held: CSV cells quoted with formula
// starts defused, the page's every text escaped under a CSP whose hash is its own style sheet, and
// text from the files stripped of control characters and secrets before it is shown.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FleetCollector } from '../../../../src/main/fleet/fleet-collector';
import { readDocument } from '../../../../src/main/fleet/read-document';
import { csvCell, csvLines } from '../../../../src/main/fleet/render-fleet-csv';
import { FLEET_CSS_HASH, renderFleetHtml } from '../../../../src/main/fleet/render-fleet-html';
import { renderFleetText } from '../../../../src/main/fleet/render-fleet-text';
import { safeText } from '../../../../src/main/fleet/safe-text';
import { FleetSummarySchema } from '../../../../src/shared/contract/fleet';
import { findLeaks, plantedCases } from '../../../support/planted-secrets';

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>&amp;\'"';

function hostileFleet(): FleetCollector {
  const c = new FleetCollector();
  const doc = {
    schemaVersion: 1,
    kind: 'diagnose',
    startedAt: '2026-11-21T08:00:00Z',
    finishedAt: '2026-11-21T08:00:00Z',
    domains: ['cac'],
    device: { name: `${HOSTILE}\u001b[31m\u202e`, platform: 'win32' },
    findings: [
      { id: 'cac.service', domain: 'cac', severity: 'fail', title: `=cmd|' /C calc'!A0 ${HOSTILE}`, detail: '', evidence: {}, fixes: [] },
      { id: 'device.os', domain: 'device', severity: 'info', title: 'os', detail: '', evidence: { policyPlatform: '</text><script>x</script>', osName: '@SUM(1)', osVersion: HOSTILE }, fixes: [] },
    ],
    causes: [],
  };
  const read = readDocument(doc);
  if (!read.ok) throw new Error(read.detail);
  c.add(read.facts, { path: '/f/x.json', display: `dir/${HOSTILE}.json`, mtimeMs: 0 });
  c.skip('broken-json', `-${HOSTILE}.json`);
  return c;
}

describe('CSV cells', () => {
  it('quotes every cell, doubles quotes, and defuses what a spreadsheet would run', () => {
    expect(csvCell('PC-1')).toBe('"PC-1"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(3)).toBe('"3"');
    expect(csvCell('a,b\nc')).toBe('"a,b\nc"');
  });

  it('a hostile fleet gives rows whose cells never start a formula', () => {
    const lines = [...csvLines(hostileFleet().machines())];
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.endsWith('\r\n')).toBe(true);
      for (const cell of line.slice(1, -3).split('","')) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(lines[1]).toContain(`"'=cmd|' /C calc'!A0 ${HOSTILE.replace(/"/g, '""')}"`);
    expect(lines[1]).toContain(`"'@SUM(1) &lt;`.replace('&lt;', '<'));
  });
});

describe('the page', () => {
  const summary = FleetSummarySchema.parse(hostileFleet().summary(new Date('2026-11-23T08:00:00Z')));
  const html = renderFleetHtml(summary);

  it('escapes every text from the files: the only tags are its own', () => {
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['body', 'caption', 'desc', 'div', 'h1', 'h2', 'h3', 'head', 'header', 'html', 'li', 'main', 'meta', 'p', 'rect', 'span', 'strong', 'style', 'svg', 'table', 'tbody', 'td', 'text', 'th', 'thead', 'title', 'tr', 'ul']);
    expect(html).not.toMatch(/<script|<img|onerror="/i);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;&amp;amp;&#39;&quot;');
    expect(html).toContain('&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;');
    // No style attributes (the CSP allows the one style sheet by its hash, nothing else).
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('allows exactly its own style sheet by hash and loads nothing', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(FLEET_CSS_HASH).toBe(`sha256-${createHash('sha256').update(css).digest('base64')}`);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toBe(`default-src 'none'; style-src '${FLEET_CSS_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`);
    expect(html).not.toMatch(/\s(src|href)=["']/);
  });
});

describe('text from the files', () => {
  it('loses control characters, bidi overrides and secrets, and is capped', () => {
    expect(safeText('PC\u001b[31m-1\u0007\u202e\u200b')).toBe('PC [31m-1');
    expect(safeText('a\n\n\tb')).toBe('a b');
    expect(safeText('word '.repeat(100), 20)).toBe('word word word word…');
    expect(safeText(42)).toBeUndefined();
    expect(safeText(' \u0000 ')).toBeUndefined();
    for (const c of plantedCases(14)) {
      const out = safeText(`seen: ${c.text} end`, 10_000) ?? '';
      expect(findLeaks(out, c.secrets, `${c.family} ${c.encoding}`)).toEqual([]);
    }
  });

  it('loses the soft hyphen, the Arabic letter mark, the Mongolian vowel separator and the tag characters', () => {
    expect(safeText('\u00adPC\u061c-\u180e1\u{e0041}\u{e007f}')).toBe('PC - 1');
    expect(safeText('\u{e0000}\u00ad\u{e0067}\u{e0062}')).toBeUndefined();
    // Characters beside the tag block are kept: only the range goes.
    expect(safeText('\u{e0080}ok')).toBe('\u{e0080}ok');
  });

  it('the human text points to the CSV for the full list (the page shows the first 50 only)', () => {
    const c = new FleetCollector();
    for (let i = 0; i < 12; i++) {
      const read = readDocument({ schemaVersion: 1, kind: 'diagnose', startedAt: '2026-11-21T08:00:00Z', finishedAt: '2026-11-21T08:00:00Z', domains: ['cac'], device: { name: `PC-${i}`, platform: 'win32' }, findings: [{ id: 'cac.service', domain: 'cac', severity: 'fail', title: 't', detail: '', evidence: {}, fixes: [] }], causes: [] });
      if (!read.ok) throw new Error(read.detail);
      c.add(read.facts, { path: `/f/${i}.json`, display: `${i}.json`, mtimeMs: 0 });
    }
    const text = renderFleetText(c.summary(new Date()));
    expect(text).toContain('… and 2 more machines with problems (--csv FILE lists them all).');
    expect(text).not.toContain('--html FILE lists');
  });

  it('the human text shows hostile names without their control characters', () => {
    const text = renderFleetText(hostileFleet().summary(new Date()));
    expect(text).not.toMatch(/[\u001b\u202e]/); // eslint-disable-line no-control-regex -- finding control characters is the point
    expect(text).toContain('<img src=x onerror="alert(1)">');
  });
});
