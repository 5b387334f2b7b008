// The CAC screen in Chromium through the harness, against the real pcscd + vsmartcard-vpcd and
// our virtual PIV card: reader and certificates shown; the guided reinsert flow confirmed step by
// step by real remove/insert events of the virtual card.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { startHarness, type Harness } from '../support/harness/server';
import { startPcscd, type Pcscd } from '../support/pcscd';
import { VPCD_READER, VirtualPivCard, buildObjects, createTestPki, type TestPki } from '../support/virtual-piv-card';

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent({ timeout: 2_000 }).catch(() => '');

describe('CAC screen (E2E in Chromium, real pcscd + vpcd + virtual card)', () => {
  let pcscd: Pcscd;
  let pki: TestPki;
  let harness: Harness;
  let browser: Browser;
  let card: VirtualPivCard | undefined;

  beforeAll(async () => {
    pcscd = await startPcscd();
    pki = await createTestPki();
    const caFile = join(tempDir('e2e-cac-ca'), 'bundle.pem');
    writeFileSync(caFile, pki.ca.toString('pem'));
    harness = await startHarness({ stateDir: join(tempDir('e2e-cac'), 'state'), env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'linux', SSL_CERT_FILE: caFile } });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await card?.remove();
    await browser?.close();
    await harness?.service.invoke('cac.watch-stop', {}).catch(() => undefined);
    await harness?.close();
    await pcscd?.release();
  });

  it('shows the reader live, then the card and its certificates', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'CAC smart card', exact: true }).click();
    await expect.poll(() => text(page, 'cac-service'), { timeout: 20_000 }).toContain('running');
    await expect.poll(() => text(page, 'cac-readers'), { timeout: 20_000 }).toContain(`${VPCD_READER}: no card`);

    card = new VirtualPivCard(buildObjects(pki));
    await card.insert();
    // The insert arrives as a pushed event, without any click.
    await expect.poll(() => page.getByTestId('cac-events').locator('[data-event="card-inserted"]').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => text(page, 'cac-readers'), { timeout: 10_000 }).toContain(`${VPCD_READER}: card inserted`);

    await page.getByRole('button', { name: 'Read card', exact: true }).click();
    await expect.poll(() => text(page, 'cac-kind'), { timeout: 30_000 }).toContain('PIV');
    expect(await text(page, 'cac-edipi-9a')).toBe('1234567890');
    const expired = (await text(page, 'cac-cert-9c')) ?? '';
    expect(expired).toMatch(/expired \d+ day\(s\) ago/);
    expect(await text(page, 'cac-cert-9d')).toMatch(/expires in (19|20) day\(s\)/);
    expect(await text(page, 'cac-cert-9e')).toContain('empty');
    expect(await text(page, 'cac-cert-9a')).toContain('trusted (not a DoD root)');
    const findings = page.getByTestId('cac-read').locator('[data-finding-id]');
    const ids = await findings.evaluateAll((els) => els.map((e) => e.getAttribute('data-finding-id')));
    expect(ids).toEqual(expect.arrayContaining(['cac.cert-expired-9c', 'cac.cert-expiring-9d', 'cac.chain-not-dod-9a']));
    await screenshot(page, 'cac-card-read');
    await context.close();
  });

  it('guided reinsert: each step waits for the real event of the virtual card', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'CAC smart card', exact: true }).click();
    await expect.poll(() => text(page, 'cac-readers'), { timeout: 20_000 }).toContain(`${VPCD_READER}: card inserted`);

    await page.getByRole('button', { name: 'Reinsert card (guided)' }).click();
    const flow = page.getByTestId('cac-flow');
    await expect.poll(() => flow.getAttribute('data-step', { timeout: 2_000 }).catch(() => ''), { timeout: 10_000 }).toBe('remove');
    expect(await text(page, 'cac-flow-message')).toContain(`Remove your card from "${VPCD_READER}"`);
    // Nothing moves on until the card really leaves the reader.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await flow.getAttribute('data-step')).toBe('remove');
    await screenshot(page, 'cac-reinsert-remove');

    await card!.remove();
    await expect.poll(() => flow.getAttribute('data-step', { timeout: 2_000 }).catch(() => ''), { timeout: 15_000 }).toBe('insert');
    await screenshot(page, 'cac-reinsert-insert');
    card = new VirtualPivCard(buildObjects(pki));
    await card.insert();
    await expect.poll(() => flow.getAttribute('data-step', { timeout: 2_000 }).catch(() => ''), { timeout: 30_000 }).toBe('done');
    expect(await text(page, 'cac-flow-message')).toBe('Card read.');
    expect(await text(page, 'cac-kind')).toContain('PIV');
    const events = await page.getByTestId('cac-events').locator('li[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    expect(events.slice(0, 2)).toEqual(['card-inserted', 'card-removed']); // newest first
    await screenshot(page, 'cac-reinsert-done');
    await context.close();
  });

  it('guided reinsert times out with a clear message when nothing happens', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'CAC smart card', exact: true }).click();
    await expect.poll(() => text(page, 'cac-readers'), { timeout: 20_000 }).toContain('card inserted');
    // Started through the same call the button makes, with a short timeout.
    const r = await harness.service.invoke('cac.reinsert-start', { timeoutMs: 1500 });
    expect(r).toMatchObject({ ok: true });
    const flow = page.getByTestId('cac-flow');
    await expect.poll(() => flow.getAttribute('data-step', { timeout: 2_000 }).catch(() => ''), { timeout: 10_000 }).toBe('failed');
    expect(await text(page, 'cac-flow-message')).toMatch(/not removed within 2 seconds/);
    await context.close();
  });
});
