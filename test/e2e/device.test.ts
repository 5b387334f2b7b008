// The Device card and the Token inspector in Chromium against the real service. Windows's
// dsregcmd cannot run here, so ctx.exec answers with a recorded output (the one fake boundary).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exec } from '../../src/main/os/exec';
import { launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { startHarness, type Harness } from '../support/harness/server';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/device', name), 'utf8');
const NOW = new Date('2026-11-23T07:00:00Z');
const exec: Exec = async (file) => {
  if (file === 'C:\\Windows\\System32\\dsregcmd.exe') return { code: 0, signal: null, stdout: fixture('dsregcmd-failed-auth.txt'), stderr: '', timedOut: false };
  if (file === 'C:\\Windows\\System32\\reg.exe') return { code: 0, signal: null, stdout: fixture('reg-currentversion.txt'), stderr: '', timedOut: false };
  return { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' };
};

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const at = (iso: string) => Date.parse(iso) / 1000;
const SIGNATURE = 'U2lnbmF0dXJlT2ZUaGVQYXN0ZWRUb2tlbg';
const TOKEN = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({
  aud: 'https://api.spaces.skype.com',
  iss: 'https://sts.windows.net/9b8a7c6d-5e4f-4a3b-b2c1-d0e9f8a7b6c5/',
  iat: at('2026-11-23T05:00:00Z'),
  nbf: at('2026-11-23T05:00:00Z'),
  exp: at('2026-11-23T06:15:00Z'),
  scp: 'user_impersonation',
  upn: 'dave@fabrikam.com',
  amr: ['pwd'],
})}.${SIGNATURE}`;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('device card and token inspector (E2E in Chromium)', () => {
  let harness: Harness;
  let browser: Browser;
  let stateDir: string;

  beforeAll(async () => {
    stateDir = join(tempDir('e2e-device'), 'state');
    harness = await startHarness({ stateDir, env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'win32' }, exec, now: () => NOW });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('the Device card shows what the policy sees, and the failures are listed', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Run checks', exact: true }).click();
    await page.getByRole('main').getByRole('button', { name: 'Run checks', exact: true }).click();
    const card = page.getByTestId('device-card');
    await expect.poll(() => card.textContent({ timeout: 2_000 }).catch(() => ''), { timeout: 60_000 }).toContain('Microsoft Entra joined');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Windows');
    expect(text).toContain('10.0.22631.4400');
    expect(text).toContain('Fabrikam');
    expect(text).toContain('missing'); // PRT
    expect(text).toContain('63648321-fc5c-46eb-996e-ed1f3ba7740f');
    const device = page.locator('section[data-domain="device"]');
    expect(await device.locator('[data-finding-id="device.auth-status"]').textContent()).toMatch(/cannot authenticate/);
    expect(await device.locator('[data-finding-id="device.prt-missing"]').count()).toBe(1);
    await device.scrollIntoViewIfNeeded();
    await screenshot(page, 'device-card');
    await context.close();
  });

  it('decodes a pasted token, flags it, and forgets it when the panel closes', async () => {
    const { page, context } = await openPage(browser, harness.url);
    await page.getByRole('button', { name: 'Token inspector', exact: true }).click();
    await page.getByLabel('Token', { exact: true }).fill(`Bearer ${TOKEN}`);
    await page.getByLabel('Scopes the app needs (optional)').fill('User.Read');
    await page.getByLabel('The token is for').selectOption('graph');
    await page.getByRole('button', { name: 'Inspect token' }).click();
    const result = page.getByTestId('token-result');
    await expect.poll(() => result.textContent()).toContain('The signature is NOT verified');
    const flags = (await page.getByTestId('token-flags').textContent()) ?? '';
    expect(flags).toMatch(/Expired 45 min ago/);
    expect(flags).toMatch(/Microsoft Teams Services, not Microsoft Graph/);
    expect(flags).toMatch(/Missing scope User.Read/);
    expect(await result.textContent()).toContain('dave@fabrikam.com');
    await screenshot(page, 'token-inspector');

    // Malformed input: a clear error, no crash.
    await page.getByLabel('Token', { exact: true }).fill('abc.def');
    await page.getByRole('button', { name: 'Inspect token' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/three parts/);

    // Leave the panel and come back: the field is empty.
    await page.getByLabel('Token', { exact: true }).fill(TOKEN);
    await page.getByRole('button', { name: 'Run checks', exact: true }).click();
    await page.getByRole('button', { name: 'Token inspector', exact: true }).click();
    expect(await page.getByLabel('Token', { exact: true }).inputValue()).toBe('');
    // Clear empties it too.
    await page.getByLabel('Token', { exact: true }).fill(TOKEN);
    await page.getByRole('button', { name: 'Clear' }).click();
    expect(await page.getByLabel('Token', { exact: true }).inputValue()).toBe('');

    // Nothing kept in the page's storage, nothing written by the service.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(stored).not.toContain(SIGNATURE);
    for (const file of filesUnder(harness.service.deps.ctx.stateDir).filter((f) => statSync(f).isFile())) {
      expect(readFileSync(file, 'latin1'), file).not.toContain(SIGNATURE);
    }
    expect((await harness.service.invoke('history.list', {})).ok && (await (await harness.service.runner()).history()).length).toBe(0);
    await context.close();
  });
});
