// The Clock card in Chromium against the real service and a REAL chronyd on loopback. The local
// clock (ctx.now) runs 6 minutes fast; timedatectl cannot run here, so ctx.exec answers with a
// recorded "automatic time off" output (the one fake boundary).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exec } from '../../src/main/os/exec';
import { launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { startHarness, type Harness } from '../support/harness/server';
import { startChrony, type NtpPeer } from '../support/ntp-server';

const exec: Exec = async (file, args) => {
  if (file === '/usr/bin/timedatectl' && args[0] === 'show') return { code: 0, signal: null, stdout: readFileSync(join(__dirname, '../fixtures/clock/timedatectl-show-off.txt'), 'utf8'), stderr: '', timedOut: false };
  return { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' };
};

describe('clock card (E2E in Chromium)', () => {
  let harness: Harness;
  let browser: Browser;
  let chrony: NtpPeer;

  beforeAll(async () => {
    chrony = await startChrony();
    harness = await startHarness({
      stateDir: join(tempDir('e2e-clock'), 'state'),
      env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'linux' },
      exec,
      config: { clock: { servers: [chrony.server], dateUrl: 'http://127.0.0.1:9/', timeoutMs: 10_000 } }, // a reply is expected: wait long
      now: () => new Date(Date.now() + 6 * 60_000),
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await chrony?.stop();
  });

  it('shows the offset measured against chronyd, the server table and automatic time; the fix dialog shows the plan', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Run checks', exact: true }).click();
    await page.getByRole('main').getByRole('button', { name: 'Run checks', exact: true }).click();
    const card = page.getByTestId('clock-card');
    await expect.poll(() => card.getByTestId('clock-verdict').textContent({ timeout: 2_000 }).catch(() => ''), { timeout: 60_000 }).toMatch(/Your clock is 6 minutes fast/);
    const table = card.getByRole('table', { name: 'Time servers asked' });
    expect(await table.getByRole('row').nth(1).textContent()).toContain(chrony.server);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('NTP time servers');
    expect(text).toMatch(/Automatic time\s*off/);
    expect(text).toContain('America/Chicago');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'clock-card');

    // Measure again goes through clock.measure and keeps the verdict.
    await card.getByRole('button', { name: 'Measure again' }).click();
    await expect.poll(() => card.getByRole('button', { name: 'Measure again' }).isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(await card.getByTestId('clock-verdict').textContent()).toMatch(/6 minutes fast/);

    await card.getByRole('button', { name: 'Turn automatic time on' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent({ timeout: 2_000 }).catch(() => ''), { timeout: 60_000 }).toContain('timedatectl set-ntp true');
    expect(await dialog.textContent()).toMatch(/turns automatic time back off/);
    await screenshot(page, 'clock-fix-dialog');
    await context.close();
  }, 150_000);
});
