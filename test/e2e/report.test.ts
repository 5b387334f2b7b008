// "Get help from IT" in Chromium against the real service: the message and every bundle file are
// shown before anything is saved; saving goes through the host's save dialog (the harness answers
// it with a temp path); the saved report.html then renders on its own in Chromium, offline.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exec } from '../../src/main/os/exec';
import { launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { startHarness, type Harness } from '../support/harness/server';
import { unzipAll } from '../support/unzip';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/device', name), 'utf8');
const NOW = new Date('2026-11-23T07:00:00Z');
const exec: Exec = async (file) => {
  if (file === 'C:\\Windows\\System32\\dsregcmd.exe') return { code: 0, signal: null, stdout: fixture('dsregcmd-unregistered.txt'), stderr: '', timedOut: false };
  if (file === 'C:\\Windows\\System32\\reg.exe') return { code: 0, signal: null, stdout: fixture('reg-currentversion.txt'), stderr: '', timedOut: false };
  return { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' };
};

const ERROR_PAGE = `Troubleshooting details
Request Id: 8d3f1a52-7c4e-4b9a-a1d6-2f5e8c7b9a03
Correlation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d
Timestamp: 2026-11-23T06:58:02.000Z
Message: AADSTS53003: Access has been blocked by Conditional Access policies.
App name: Microsoft Teams
IP address: 203.0.113.45
Device identifier: Not available`;

describe('Get help from IT (E2E in Chromium)', () => {
  let harness: Harness;
  let browser: Browser;
  let dir: string;
  const asked: string[] = [];

  beforeAll(async () => {
    dir = tempDir('e2e-report');
    harness = await startHarness({
      stateDir: join(dir, 'state'),
      env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'win32', HOME: join(dir, 'home'), USERPROFILE: join(dir, 'home') },
      exec,
      now: () => NOW,
      // Only the "device" domain's real checks matter here; the save dialog answers with a temp path.
      host: {
        chooseSavePath: async (name) => {
          asked.push(name);
          return join(dir, 'bundle.zip');
        },
      },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('previews the message and every file, saves only when asked, and the HTML report renders on its own', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.getByRole('button', { name: 'Get help from IT', exact: true }).click();
    await page.getByLabel('Error message (optional)').fill(ERROR_PAGE);
    await page.getByRole('button', { name: 'Prepare message and bundle' }).click();

    const message = page.getByTestId('report-message');
    await expect.poll(() => message.inputValue().catch(() => ''), { timeout: 60_000 }).toContain('AADSTS53003');
    const text = await message.inputValue();
    expect(text).toContain('Correlation ID: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d');
    expect(text).toContain('Device state: Not registered with Microsoft Entra ID');
    expect(text).toContain('IP address: [ip]'); // redacted by default
    const files = (await page.getByTestId('report-files').textContent()) ?? '';
    for (const name of ['message-for-it.txt', 'report.json', 'report.html', 'fix-history.json']) expect(files).toContain(name);
    expect(await page.getByTestId('report-redaction').textContent()).toMatch(/Removed or replaced: .*IP address/);
    // Nothing saved yet: the preview comes first.
    expect(existsSync(join(dir, 'bundle.zip'))).toBe(false);
    expect(asked).toEqual([]);

    await page.getByRole('button', { name: 'Copy message for IT' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await page.getByText('Show the content').first().click();
    await screenshot(page, 'report-preview');

    await page.getByRole('button', { name: 'Save support bundle…' }).click();
    await expect.poll(() => page.getByTestId('report-saved').textContent()).toMatch(/Saved to .*bundle\.zip/);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^signin-doctor-report-\d{8}-\d{6}\.zip$/);
    const zip = await unzipAll(readFileSync(join(dir, 'bundle.zip')));
    expect(zip.get('message-for-it.txt')!.toString('utf8').trim()).toBe(text.trim());

    // report.html, opened from disk, with every network request recorded: it needs none.
    const htmlPath = join(dir, 'report.html');
    writeFileSync(htmlPath, zip.get('report.html')!);
    const viewer = await context.newPage();
    const requests: string[] = [];
    viewer.on('request', (r) => requests.push(r.url()));
    await viewer.goto(pathToFileURL(htmlPath).href);
    expect(await viewer.title()).toMatch(/Sign-in Doctor report/);
    expect(await viewer.locator('h1').textContent()).toBe('Sign-in Doctor report');
    expect(await viewer.locator('.headline').textContent()).toMatch(/warning.*Conditional Access decision/);
    expect(await viewer.locator('pre').first().textContent()).toContain('e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d');
    expect(await viewer.evaluate(() => document.scripts.length)).toBe(0);
    expect(requests).toEqual([pathToFileURL(htmlPath).href]);
    // Styles apply (inline CSS): the headline has a coloured box.
    expect(await viewer.locator('.headline').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    await screenshot(viewer, 'report-html');
    await context.close();
  });

  it('a cancelled save dialog saves nothing', async () => {
    const cancelHarness = await startHarness({ stateDir: join(dir, 'state2'), env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'linux' }, host: { chooseSavePath: async () => undefined } });
    try {
      const preview = await cancelHarness.service.invoke('report.preview', { only: ['device'] });
      expect(preview.ok).toBe(true);
      const result = await cancelHarness.service.invoke('report.write-bundle', { previewId: preview.ok ? preview.value.previewId : '' });
      expect(result).toMatchObject({ ok: true, value: { saved: false } });
    } finally {
      await cancelHarness.close();
    }
  });
});
