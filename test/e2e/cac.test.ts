// The CAC screen in Chromium through the harness, against the real pcscd + vsmartcard-vpcd and
// our virtual PIV card: reader and certificates shown; the guided reinsert flow confirmed step by
// step by real remove/insert events of the virtual card. Waits are polls of the page with the
// e2e default timeout (vitest.config.ts), never sleeps.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { startHarness, type Harness } from '../support/harness/server';
import { startPcscd, type Pcscd } from '../support/pcscd';
import { VPCD_READER, VirtualPivCard, buildObjects, createTestPki, type TestPki } from '../support/virtual-piv-card';

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent({ timeout: 2_000 }).catch(() => '');
// vpcd's second slot (vsmartcard-vpcd serves two: ports 35963 and 35964).
const SECOND_READER = 'Virtual PCD 00 01';
const SECOND_PORT = 35964;
const eventsShown = (page: Page) =>
  page
    .getByTestId('cac-events')
    .locator('li[data-event]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-event')}: ${e.textContent?.split(': ').at(-1) ?? ''}`));

describe('CAC screen (E2E in Chromium, real pcscd + vpcd + virtual card)', () => {
  let pcscd: Pcscd;
  let pki: TestPki;
  let harness: Harness;
  let browser: Browser;
  let card: VirtualPivCard | undefined;
  let other: VirtualPivCard | undefined;

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
    await other?.remove();
    await browser?.close();
    await harness?.service.invoke('cac.watch-stop', {}).catch(() => undefined);
    await harness?.close();
    await pcscd?.release();
  });

  it('shows the reader live, then the card and its certificates', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'CAC smart card', exact: true }).click();
    await expect.poll(() => text(page, 'cac-service')).toContain('running');
    await expect.poll(() => text(page, 'cac-readers')).toContain(`${VPCD_READER}: no card`);

    card = new VirtualPivCard(buildObjects(pki));
    await card.insert();
    // The insert arrives as a pushed event, without any click.
    await expect.poll(() => page.getByTestId('cac-events').locator('[data-event="card-inserted"]').count()).toBe(1);
    await expect.poll(() => text(page, 'cac-readers')).toContain(`${VPCD_READER}: card inserted`);

    await page.getByRole('button', { name: 'Read card', exact: true }).click();
    await expect.poll(() => text(page, 'cac-kind')).toContain('PIV');
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
    await expect.poll(() => text(page, 'cac-readers')).toContain(`${VPCD_READER}: card inserted`);
    await expect.poll(() => text(page, 'cac-readers')).toContain(`${SECOND_READER}: no card`);

    const before = (await eventsShown(page)).length;
    await page.getByRole('button', { name: 'Reinsert card (guided)' }).click();
    const flow = page.getByTestId('cac-flow');
    const step = () => flow.getAttribute('data-step', { timeout: 2_000 }).catch(() => '');
    await expect.poll(step).toBe('remove');
    expect(await text(page, 'cac-flow-message')).toContain(`Remove your card from "${VPCD_READER}"`);
    // Nothing moves on until the card really leaves ITS reader: a real card event on the other
    // reader goes through the same watcher as the flow, and the page shows it (the pushed event,
    // then the readers from the status call it triggers), while the flow stays where it was.
    other = new VirtualPivCard(buildObjects(pki), { port: SECOND_PORT });
    await other.insert();
    await expect.poll(() => text(page, 'cac-readers')).toContain(`${SECOND_READER}: card inserted`);
    expect(await step()).toBe('remove');
    await screenshot(page, 'cac-reinsert-remove');

    await card!.remove();
    await expect.poll(step).toBe('insert');
    await screenshot(page, 'cac-reinsert-insert');
    card = new VirtualPivCard(buildObjects(pki));
    await card.insert();
    await expect.poll(step).toBe('done');
    expect(await text(page, 'cac-flow-message')).toBe('Card read.');
    expect(await text(page, 'cac-kind')).toContain('PIV');
    // Exactly these events since the flow started, newest first: nothing else moved it.
    const events = await eventsShown(page);
    expect(events.slice(0, events.length - before)).toEqual([`card-inserted: ${VPCD_READER}`, `card-removed: ${VPCD_READER}`, `card-inserted: ${SECOND_READER}`]);
    await screenshot(page, 'cac-reinsert-done');

    await other.remove();
    other = undefined;
    await expect.poll(() => text(page, 'cac-readers')).toContain(`${SECOND_READER}: no card`);
    await context.close();
  });

  it('guided reinsert times out with a clear message when nothing happens', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'CAC smart card', exact: true }).click();
    await expect.poll(() => text(page, 'cac-readers')).toContain(`${VPCD_READER}: card inserted`);
    // Started through the same call the button makes, with a short timeout: timing out is the
    // expected outcome here.
    const r = await harness.service.invoke('cac.reinsert-start', { timeoutMs: 1500 });
    expect(r).toMatchObject({ ok: true });
    const flow = page.getByTestId('cac-flow');
    await expect.poll(() => flow.getAttribute('data-step', { timeout: 2_000 }).catch(() => '')).toBe('failed');
    expect(await text(page, 'cac-flow-message')).toMatch(/not removed within 2 seconds/);
    await context.close();
  });
});
