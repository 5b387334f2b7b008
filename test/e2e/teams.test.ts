// The Teams card and the cache clear in Chromium against the real service and a real Windows-layout
// Teams tree, with a real (fake-named) ms-teams process: the card shows clients, running state, cache
// size and the last sign-in error; "Clear cache" shows the plan, quits Teams with consent, applies
// with progress and verifies; Undo in History puts every byte back.
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { startFakeTeams, type FakeProcess } from '../support/fake-process';
import { fingerprint } from '../support/file-tree';
import { startHarness, type Harness } from '../support/harness/server';
import { runnerGate, type RunnerGate } from '../support/runner-gate';
import { CORRELATION_CA, buildTeamsTree, type TeamsTree } from '../support/teams-tree';

describe('Teams card and cache clear (E2E in Chromium)', () => {
  let harness: Harness;
  let browser: Browser;
  let tree: TeamsTree;
  let fake: FakeProcess;
  // The clear is held after its second move, so the progress is on screen when the test looks.
  let gate: RunnerGate;
  let original: Map<string, string>;

  beforeAll(async () => {
    tree = await buildTeamsTree(tempDir('e2e-teams'), 'win32', { files: 2000, logs: 'conditional-access' });
    original = await fingerprint(tree.home);
    fake = await startFakeTeams('ms-teams');
    gate = runnerGate((e) => e.kind === 'step-done' && e.record.status === 'applying' && e.step === 2);
    harness = await startHarness({
      stateDir: join(tree.base, 'state'),
      env: { ...process.env, ...tree.env },
      probe: (e) => gate.probe(e),
      config: { teams: { quitGraceMs: 5000 } },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await fake?.stop();
  });

  it('shows the card, clears the cache with progress and verification, and undoes it from History', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Run checks', exact: true }).click();
    await page.getByRole('main').getByRole('button', { name: 'Run checks', exact: true }).click();
    const card = page.getByTestId('teams-card');
    await expect.poll(() => card.textContent({ timeout: 2_000 }).catch(() => ''), { timeout: 60_000 }).toContain('New Teams');

    const newRow = card.locator('tr[data-client="new"]');
    const classicRow = card.locator('tr[data-client="classic"]');
    expect(await newRow.textContent()).toMatch(/New Teams\s*Running\s*\d+(\.\d)? KB in 2,0\d\d files/);
    expect(await classicRow.textContent()).toMatch(/Classic Teams 1\.7\.00\.13456\s*Not running/);
    expect(await page.getByTestId('teams-last-error').textContent()).toBe(`AADSTS53003 at 2026-11-23T06:41:12.345Z (Correlation ID ${CORRELATION_CA})`);
    expect(await card.textContent()).toMatch(/clearing the cache will not fix it/);
    // The 53003 finding offers no cache clear and no sign-in reset.
    const failure = page.locator('[data-finding-id="teams.log-signin-failure"]');
    expect(await failure.getByRole('button').count()).toBe(0);
    await page.locator('section[data-domain="teams"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'teams-card');

    await card.getByLabel('Quit Teams for me before clearing').check();
    await card.getByRole('button', { name: 'Clear cache' }).click();
    const plan = page.getByTestId('fix-plan');
    await expect.poll(() => plan.textContent(), { timeout: 20_000 }).toMatch(/Quit Teams \(ms-teams \d+\)/);
    const planText = (await plan.textContent()) ?? '';
    expect(planText).toMatch(/EBWebView\//);
    expect(planText).toMatch(/What is kept.*Backgrounds\/Uploads/s);
    expect(planText).toMatch(/logs\.txt/);
    expect(planText).toMatch(/will not fix that/);
    await screenshot(page, 'teams-clear-plan');

    await page.getByRole('button', { name: 'Apply' }).click();
    await gate.reached;
    await expect.poll(() => page.getByLabel('Repair progress').count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, 'teams-clear-progress');
    gate.release();
    const result = page.getByTestId('fix-result');
    await expect.poll(() => result.textContent({ timeout: 1_000 }).catch(() => ''), { timeout: 60_000 }).toMatch(/Done and verified/);
    expect(await result.textContent()).toMatch(/Teams' folder is fresh/);
    await screenshot(page, 'teams-clear-done');
    await fake.exited;

    const newRoot = tree.roots.new![0]!;
    expect((await readdir(newRoot)).sort()).toEqual(['Backgrounds', 'Logs', 'app_settings.json']);
    expect((await readdir(join(newRoot, '..'))).some((n) => n.startsWith('MSTeams.signin-doctor-backup-'))).toBe(true);

    await page.getByRole('button', { name: 'Close' }).click();
    // Teams was started again and wrote a fresh profile: undo must not overwrite it silently.
    await mkdir(join(newRoot, 'EBWebView', 'Default'), { recursive: true });
    await writeFile(join(newRoot, 'EBWebView', 'Default', 'Cookies'), 'new session');
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('button', { name: 'Undo' }).first().click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 }).toMatch(/written new data.*keep both/);
    await screenshot(page, 'teams-undo-conflict');
    await page.getByRole('button', { name: 'Undo and keep both' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 60_000 }).toMatch(/Undone: Clear the Teams cache/);
    await screenshot(page, 'teams-undone');
    const after = await fingerprint(tree.home);
    const newer = [...after.keys()].filter((k) => k.includes('MSTeams.signin-doctor-newer-'));
    expect(new Map([...after].filter(([k]) => !newer.includes(k)))).toEqual(original);
    expect(newer.some((k) => k.endsWith('EBWebView/Default/Cookies'))).toBe(true);
    expect(existsSync(join(newRoot, 'EBWebView'))).toBe(true);
    await context.close();
  });
});
