// Every screen of the navigation in Chromium at 800×600, in light and dark (prefers-color-scheme),
// with the error the verdict found in a Teams log shown on every screen (a 53003 from yesterday):
// axe-core reports no violation, the page never scrolls sideways (also at 200% zoom, i.e. a
// 400×300 CSS viewport), and a screenshot of each (the 800×600 window) is kept in
// test-results/a11y-<screen>-<scheme>.png.
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { SCREENSHOT_DIR, launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { startHarness, type Harness } from '../support/harness/server';
import { buildTeamsTree } from '../support/teams-tree';

const slug = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** How far the page scrolls sideways, with the innermost elements that stick out (to fix them). */
async function horizontalOverflow(page: Page): Promise<{ px: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const px = document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    if (px > 0)
      for (const el of Array.from(document.querySelectorAll('main *'))) {
        if (el.getBoundingClientRect().right <= width + 1) continue;
        if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > width + 1)) continue;
        culprits.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`);
        if (culprits.length >= 5) break;
      }
    return { px, culprits };
  });
}

/** Waits until the screen's own heading is shown (its chunk loaded, not the Loading line). */
async function waitForScreen(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

describe('accessibility of every screen (E2E in Chromium, axe-core)', () => {
  let harness: Harness;
  let browser: Browser;

  beforeAll(async () => {
    const tree = await buildTeamsTree(tempDir('e2e-a11y'), 'linux', { files: 8, logs: 'conditional-access' });
    // The failure is dated 2026-11-23: yesterday, so the verdict (last 7 days) finds it.
    const log = join(tree.roots.linux![0]!, 'logs/main.log');
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await writeFile(log, (await readFile(log, 'utf8')).replaceAll('2026-11-23', day));
    harness = await startHarness({
      stateDir: join(tree.base, 'state'),
      env: { ...process.env, ...tree.env },
      config: { clock: { servers: ['127.0.0.1:9'], dateUrl: 'http://127.0.0.1:9/', timeoutMs: 1_000 } },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('has no axe violation on any screen, light and dark, at 800×600 and 200% zoom', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.setViewportSize({ width: 800, height: 600 });
    const nav = page.getByRole('navigation');
    const labels = (await nav.getByRole('button').allTextContents()).map((t) => t.trim());
    expect(labels.length).toBeGreaterThan(3);
    const failures: string[] = [];
    for (const label of labels) {
      await nav.getByRole('button', { name: label, exact: true }).click();
      await waitForScreen(page);
      if (label === "Why can't I sign in?") {
        // The verdict with its causes; from here on every screen knows the error.
        await expect.poll(() => page.getByTestId('verdict-error').count(), { timeout: 120_000 }).toBe(1);
      }
      if (['Run checks', 'CAC smart card', 'Token inspector'].includes(label)) expect(await page.getByTestId('error-in-context').count(), label).toBe(1);
      if (label === 'Run checks') {
        // The summary with real findings, not only the empty screen.
        await page.getByRole('main').getByRole('button', { name: 'Run checks', exact: true }).click();
        await expect.poll(() => page.getByRole('main').getByRole('button', { name: 'Run checks again', exact: true }).count(), { timeout: 120_000 }).toBe(1);
      }
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width: 800, height: 600 });
        try {
          await expectNoAxeViolations(page, `${label} (${scheme})`);
        } catch (e) {
          failures.push((e as Error).message);
        }
        const overflow = await horizontalOverflow(page);
        if (overflow.px > 0) failures.push(`${label} (${scheme}) scrolls sideways by ${overflow.px}px at 800×600: ${overflow.culprits.join('; ')}`);
        // What a user sees in an 800×600 window, and (for the long Checks screen) the whole page.
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOT_DIR, `a11y-${slug(label)}-${scheme}.png`) });
        if (label === 'Run checks') await screenshot(page, `a11y-${slug(label)}-${scheme}-full`);
        await page.setViewportSize({ width: 400, height: 300 });
        const zoomed = await horizontalOverflow(page);
        if (zoomed.px > 0) failures.push(`${label} (${scheme}) scrolls sideways by ${zoomed.px}px at 200% zoom: ${zoomed.culprits.join('; ')}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 800, height: 600 });
      if (label === 'Run checks') {
        // The help desk switch opens every domain and shows the ids and evidence: still no violation.
        const main = page.getByRole('main');
        const details = main.locator('details');
        expect(await details.count()).toBeGreaterThan(1);
        expect(await main.locator('details:not([open])').count()).toBeGreaterThan(0);
        await main.getByRole('checkbox', { name: 'Details for the help desk' }).check();
        await expect.poll(() => main.locator('details:not([open])').count(), { timeout: 10_000 }).toBe(0);
        expect(await main.getByTestId('finding-id').count()).toBeGreaterThan(0);
        expect(await main.getByTestId('finding-evidence').count()).toBeGreaterThan(0);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          try {
            await expectNoAxeViolations(page, `${label}, help desk details (${scheme})`);
          } catch (e) {
            failures.push((e as Error).message);
          }
          const overflow = await horizontalOverflow(page);
          if (overflow.px > 0) failures.push(`${label}, help desk (${scheme}) scrolls sideways by ${overflow.px}px: ${overflow.culprits.join('; ')}`);
          await page.screenshot({ path: join(SCREENSHOT_DIR, `a11y-run-checks-help-desk-${scheme}.png`) });
        }
        await page.emulateMedia({ colorScheme: 'light' });
        await main.getByRole('checkbox', { name: 'Details for the help desk' }).uncheck();
      }
    }
    expect(failures.join('\n\n')).toBe('');
    await context.close();
  }, 300_000);

  it('is usable by keyboard: the first Tab shows a visible focus ring', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.setViewportSize({ width: 800, height: 600 });
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'none';
      return getComputedStyle(el).outlineStyle;
    });
    expect(outline).not.toBe('none');
    // The first Tab lands on the skip link, which moves the focus past the navigation.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await context.close();
  });
});
