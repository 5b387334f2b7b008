// What the user approves is what runs, and a forged journal is never acted on, as the user sees it
// in Chromium against the real service: a plan previewed before the computer changed is refused
// and "Preview again" shows the new one; History lists a journal record that is not ours.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { fingerprint } from '../support/file-tree';
import { startHarness, type Harness } from '../support/harness/server';
import { forgedRecord, plantRecord } from '../support/journal-forge';
import { buildTeamsTree, type TeamsTree } from '../support/teams-tree';

describe('plan once and a hostile journal (E2E in Chromium)', () => {
  let harness: Harness;
  let browser: Browser;
  let tree: TeamsTree;
  let stateDir: string;

  beforeAll(async () => {
    tree = await buildTeamsTree(tempDir('e2e-trust'), 'linux', { files: 40, logs: 'clean' });
    stateDir = join(tree.base, 'state');
    harness = await startHarness({ stateDir, env: { ...process.env, ...tree.env }, config: {} });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('a change between preview and Apply is refused untouched; Preview again shows the new plan, which applies', async () => {
    const { page } = await openPage(browser, harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Run checks', exact: true }).click();
    await page.getByRole('main').getByRole('button', { name: 'Run checks', exact: true }).click();
    const card = page.getByTestId('teams-card');
    await expect.poll(() => card.textContent({ timeout: 2_000 }).catch(() => ''), { timeout: 60_000 }).toContain('Teams for Linux');
    await page.getByTestId('domain-details-teams').locator('summary').click(); // no problem: the Teams disclosure starts closed
    await card.getByRole('button', { name: 'Clear cache' }).click();
    const plan = page.getByTestId('fix-plan');
    await expect.poll(() => plan.textContent({ timeout: 2_000 }).catch(() => '')).toMatch(/What will change/);
    expect(await plan.textContent()).not.toContain('late-arrival');

    // Teams (or anything) writes into its folder after the preview.
    const root = tree.roots.linux![0]!;
    await writeFile(join(root, 'late-arrival.json'), '{}');
    const before = await fingerprint(tree.home);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents().then((t) => t.join(' '))).toMatch(/this computer changed since you previewed this repair .*preview again/);
    expect(await fingerprint(tree.home)).toEqual(before);
    expect(await page.getByRole('button', { name: 'Apply' }).count()).toBe(0);
    await screenshot(page, 'fix-preview-again');

    await page.getByRole('button', { name: 'Preview again' }).click();
    await expect.poll(() => plan.textContent({ timeout: 2_000 }).catch(() => '')).toContain('late-arrival.json');
    await page.getByRole('button', { name: 'Apply' }).click();
    const result = page.getByTestId('fix-result');
    await expect.poll(() => result.textContent({ timeout: 2_000 }).catch(() => ''), { timeout: 60_000 }).toMatch(/Done and verified/);
  });

  it('History lists a journal record that Sign-in Doctor did not write, and acts on nothing', async () => {
    await plantRecord(stateDir, forgedRecord({ runId: '20261120T060000Z-f0f0f0', fixId: 'explain.save-note', status: 'applied', steps: [] }), 'unsealed');
    const { page } = await openPage(browser, harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'History', exact: true }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'repair journal' });
    await expect.poll(() => banner.textContent({ timeout: 2_000 }).catch(() => '')).toMatch(/One record in the repair journal was not written by Sign-in Doctor/);
    await banner.getByText('Which records').click();
    expect(await banner.textContent()).toMatch(/20261120T060000Z-f0f0f0\.json.*no integrity seal/);
    await screenshot(page, 'history-refused-record');
  });
});
