// The `fleet summarize --html` page in Chromium (`npm run build` first): a fleet generated from real
// `diagnose --json` runs (test/support/fleet.ts) with hostile device names, summarized by the built
// CLI; the page opens from disk needing nothing else, its styles apply under its own strict CSP,
// each domain's chart and the "look at these first" table show the summary's numbers, hostile text
// is shown as text (nothing runs), axe finds nothing, and a screenshot is saved.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetSummarySchema, type FleetSummary } from '../../src/shared/contract/fleet';
import { expectNoAxeViolations } from '../support/axe';
import { launchBrowser, screenshot, tempDir } from '../support/browser';
import { CLI_PATH, runBuiltCli } from '../support/cli';
import { captureRealDocuments, writeFleet, type FleetTruth } from '../support/fleet';

describe('fleet summary page (E2E in Chromium)', () => {
  let browser: Browser;
  let truth: FleetTruth;
  let summary: FleetSummary;
  let html: string;

  beforeAll(async () => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
    const dir = tempDir('e2e-fleet');
    const real = await captureRealDocuments(join(dir, 'real'));
    truth = await writeFleet(join(dir, 'fleet'), real, { seed: 7, machines: 60, duplicates: 8, nameless: 3, broken: true, hostile: true });
    html = join(dir, 'fleet.html');
    const r = await runBuiltCli(['fleet', 'summarize', truth.root, '--json', '--html', html], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    summary = FleetSummarySchema.parse(JSON.parse(r.stdout));
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a chart per domain and the machines to look at first, runs nothing, and passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const url = pathToFileURL(html).href;
    await page.goto(url);
    expect(await page.title()).toBe('Sign-in Doctor fleet summary');
    expect(await page.locator('h1').textContent()).toBe('Sign-in Doctor fleet summary');
    expect(await page.locator('.headline').textContent()).toBe(`${summary.machines.withProblems} of ${summary.machines.total} machines have problems: ${summary.machines.byWorst.fail} with a failure, ${summary.machines.byWorst.warn} with warnings only.`);
    // The inline style sheet applies under the page's CSP (allowed by its hash, nothing else is).
    expect(await page.locator('.headline').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(requests).toEqual([url]);

    // One chart per domain with problems; each bar's failed part is that share of all machines.
    const problems = summary.findings.filter((f) => f.bySeverity.fail + f.bySeverity.warn > 0);
    const domains = [...new Set(problems.map((f) => f.domain))];
    expect(domains.length).toBeGreaterThan(1);
    const charts = page.locator('svg.chart');
    expect(await charts.count()).toBe(domains.length);
    for (const domain of domains) {
      const chart = page.locator(`svg.chart[data-domain="${domain}"]`);
      const ids = problems.filter((f) => f.domain === domain);
      expect(await chart.locator('rect.track').count()).toBe(ids.length);
      const fails = await chart.locator('rect.fail').evaluateAll((rs) => rs.map((r) => ({ count: Number(r.getAttribute('data-count')), width: Number(r.getAttribute('width')) })));
      expect(fails.map((f) => f.count)).toEqual(ids.filter((f) => f.bySeverity.fail).map((f) => f.bySeverity.fail));
      for (const f of fails) expect(f.width).toBeCloseTo((f.count / summary.machines.total) * 560, 0);
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
    }

    // The table: the summary's machines in its order, hostile names as plain text.
    const rows = page.locator('table').first().locator('tbody tr');
    expect(await rows.count()).toBe(summary.lookFirst.length);
    expect(await rows.first().locator('td').nth(1).locator('strong').textContent()).toBe(summary.lookFirst[0]!.label);
    const text = (await page.locator('main').textContent()) ?? '';
    const shownHostile = truth.hostileNames.filter((n) => summary.lookFirst.some((x) => x.label === n));
    // Assert there is something to loop over: an empty list would pass without checking anything.
    expect(shownHostile.length).toBeGreaterThan(0);
    for (const name of shownHostile) expect(text).toContain(name);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    for (const secret of truth.secrets) expect(text).not.toContain(secret);

    await expectNoAxeViolations(page, 'fleet summary');
    await screenshot(page, 'fleet-summary');
    await context.close();
  });
});
