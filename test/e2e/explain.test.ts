// The first capability end to end: the real renderer in Chromium, the real service behind the
// harness. Paste a 53003 error page, read the truth, see the IDs, copy the message for IT, save
// it as a note and undo that from History.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { startHarness, type Harness } from '../support/harness/server';

const ERROR_PAGE = `Sign in
Your sign-in was successful but does not meet the criteria to access this resource. For example, you might be signing in from a browser, app, or location that is restricted by your admin.

Troubleshooting details
If you contact your administrator, send this info to them.
Copy info to clipboard
Request Id: 8d3f1a52-7c4e-4b9a-a1d6-2f5e8c7b9a03
Correlation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d
Timestamp: 2026-11-20T14:03:27.512Z
Message: AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.
App name: Microsoft Teams
App id: 1fec8e78-bce4-4aaf-ab1b-5451cc387264
IP address: 203.0.113.45
Device identifier: Not available
Device platform: Windows 10
Device state: Unregistered`;

// A PowerShell session with two failed requests (written for this test from the formats the
// explainer reads): each keeps its own IDs; a WAM code in signed decimal; an Office support tag.
const TWO_ERRORS = `PS> Connect-MgGraph
Connect-MgGraph: AADSTS70016: The user has not yet completed the device code flow.
Trace ID: 11111111-2222-4333-8444-555555555555
Correlation ID: 0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e
Timestamp: 2026-11-30 09:00:01Z
PS> Connect-MgGraph
Connect-MgGraph: AADSTS900144: The request body must contain the parameter client_id.
Trace ID: 66666666-7777-4888-8999-aaaaaaaaaaaa
Correlation ID: 5f5f5f5f-6a6a-4b7b-8c8c-9d9d9d9d9d9d
Timestamp: 2026-11-30 09:05:42Z
Broker error: Error code: -895352820
Tag: 7q6ca`;

describe('explain screen (E2E in Chromium)', () => {
  let harness: Harness;
  let browser: Browser;

  beforeAll(async () => {
    harness = await startHarness({ stateDir: join(tempDir('e2e-explain'), 'state'), env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'linux' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('explains a pasted 53003 error page truthfully and hands over the IDs', async () => {
    const { page, context } = await openPage(browser, harness.url);
    // The app opens on the verdict; the explainer is one click away.
    await page.getByRole('navigation').getByRole('button', { name: 'Explain my error', exact: true }).click();
    await page.getByLabel('Error message').fill(ERROR_PAGE);
    await page.getByRole('button', { name: 'Explain', exact: true }).click();

    const headline = page.getByTestId('headline');
    await expect.poll(() => headline.textContent()).toMatch(/Conditional Access/i);
    const card = page.getByRole('article', { name: /53003/ });
    await expect.poll(() => card.textContent()).toMatch(/BlockedByConditionalAccess/);
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toMatch(/cache/i); // says clearing the cache will not help
    const fields = (await page.getByTestId('fields').textContent()) ?? '';
    expect(fields).toContain('e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d');
    expect(fields).toContain('8d3f1a52-7c4e-4b9a-a1d6-2f5e8c7b9a03');

    const message = await page.getByTestId('it-message').inputValue();
    expect(message).toContain('e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d');
    expect(message).toContain('53003');
    await page.getByRole('button', { name: 'Copy message for IT' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(message);
    await screenshot(page, 'explain-53003');

    // Save it as a note through the runner, then undo it from History.
    await page.getByRole('button', { name: 'Save as a note…' }).click();
    await expect.poll(() => page.getByTestId('fix-plan').textContent()).toMatch(/Creates .*it-note-/);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByTestId('fix-result').textContent()).toMatch(/Done and verified/);
    await screenshot(page, 'explain-save-note');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Undone/);
    const history = await harness.service.invoke('history.list', {});
    expect(history.ok && history.value[0]?.status).toBe('undone');
    await context.close();
  });

  it('a paste with two errors: each error with its own IDs, newest first; a decimal WAM code and a support tag; no axe violation', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.setViewportSize({ width: 800, height: 600 });
    await page.getByRole('navigation').getByRole('button', { name: 'Explain my error', exact: true }).click();
    await page.getByLabel('Error message').fill(TWO_ERRORS);
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const blocks = page.getByTestId('error-block');
    await expect.poll(() => blocks.count()).toBe(2);
    const newest = (await blocks.nth(0).textContent()) ?? '';
    const older = (await blocks.nth(1).textContent()) ?? '';
    expect(newest).toMatch(/^Error 1 of 2 \(newest\)/);
    expect(newest).toContain('900144');
    expect(newest).toContain('5f5f5f5f-6a6a-4b7b-8c8c-9d9d9d9d9d9d');
    expect(newest).not.toContain('0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e');
    expect(older).toContain('70016');
    expect(older).toContain('0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e');
    expect(older).not.toContain('5f5f5f5f-6a6a-4b7b-8c8c-9d9d9d9d9d9d');
    // -895352820 is 0xCAA2000C as a signed 32-bit number: the card says both.
    const wam = page.getByRole('article', { name: 'Code -895352820' });
    expect(await wam.count()).toBe(1);
    expect(await wam.textContent()).toMatch(/0xCAA2000C[\s\S]*ERROR_ADAL_SERVER_ERROR_INTERACTION_REQUIRED/);
    expect(await page.getByRole('main').textContent()).toMatch(/7q6ca[\s\S]*Not an error code/);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoAxeViolations(page, `explain, two errors (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'explain-two-errors');
    await context.close();
  });

  it('says so when the text holds no code, and handles the keyboard', async () => {
    const { page, context } = await openPage(browser, harness.url);
    // The app opens on the verdict; the explainer is one click away.
    await page.getByRole('navigation').getByRole('button', { name: 'Explain my error', exact: true }).click();
    await page.getByLabel('Error message').fill('Something went wrong, please try again later.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('headline').textContent()).toMatch(/no .*code/i);
    await context.close();
  });

  it('rejects the harness API without its token', async () => {
    const base = new URL(harness.url).origin;
    const res = await fetch(`${base}/__harness/call/app.info`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(403);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(403);
  });
});
