// The verdict, the first screen, in Chromium against the real service: (a) a Teams log holding a
// 53003 from yesterday on an unregistered Windows machine -> the verdict when its screen opens, the "not visible"
// / device cause first, no cache clear offered, "Get help from IT" one click away; (b) a sign-in
// loop -> "Reset Teams sign-in" (plan, apply, verified) -> "Start Teams" starts a stand-in client
// that signs in -> "Teams signed in", then the verdict again says the loop is from before the
// repair; axe on every step; (c) no error -> "What is happening?" with its four choices. The clock
// and network checks point at a refused loopback port, so nothing leaves the machine (ctx.exec
// answers dsregcmd with a recorded output, and starts the stand-in where Windows runs explorer.exe).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSafe, type Exec } from '../../src/main/os/exec';
import { expectNoAxeViolations } from '../support/axe';
import { launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { startHarness, type Harness } from '../support/harness/server';
import { sendControl, standInLauncher, standInLog } from '../support/stand-in-teams';
import { CORRELATION_CA, CORRELATION_LOOP, buildTeamsTree } from '../support/teams-tree';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/device', name), 'utf8');
const exec: Exec = async (file) => {
  if (file === 'C:\\Windows\\System32\\dsregcmd.exe') return { code: 0, signal: null, stdout: fixture('dsregcmd-unregistered.txt'), stderr: '', timedOut: false };
  if (file === 'C:\\Windows\\System32\\reg.exe') return { code: 0, signal: null, stdout: fixture('reg-currentversion.txt'), stderr: '', timedOut: false };
  return { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' };
};
/** Loopback only: port 9 (discard) refuses or never answers; nothing leaves this machine. */
const LOCAL_ONLY = {
  clock: { servers: ['127.0.0.1:9'], dateUrl: 'http://127.0.0.1:9/', timeoutMs: 2_000 },
  network: {
    udp: false,
    timeouts: { dnsMs: 2_000, tcpMs: 2_000, connectMs: 2_000, tlsMs: 2_000, httpMs: 2_000 },
    endpoints: [{ name: 'login', host: '127.0.0.1', port: 9, role: 'sign-in', critical: true }],
  },
};
const VERDICT_TIMEOUT = { timeout: 120_000, interval: 250 };

/** The tree's failure lines are dated 2026-11-23: moved to yesterday (the verdict reads the last 7 days). */
async function datedYesterday(log: string): Promise<void> {
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await writeFile(log, (await readFile(log, 'utf8')).replaceAll('2026-11-23', day));
}

/** axe in light and dark, then a screenshot: every step of the flow is checked the same way. */
async function checkStep(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, `${name} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, name);
}

describe('the verdict screen (E2E in Chromium)', () => {
  let browser: Browser;
  const harnesses: Harness[] = [];
  const standIns: ChildProcess[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const h of harnesses) await h.close();
    for (const child of standIns) if (child.exitCode === null && child.signalCode === null) child.kill();
  });

  it('(a) a 53003 in the Teams log of an unregistered PC: the verdict on open, the device cause first, no cache clear, IT one click away', async () => {
    const tree = await buildTeamsTree(tempDir('e2e-verdict-ca'), 'win32', { files: 12, logs: 'conditional-access', clients: ['new'] });
    await datedYesterday(join(tree.roots.new![0]!, 'Logs/MSTeams_2026-11-23_06-40-00.00.log'));
    const harness = await startHarness({ stateDir: join(tree.base, 'state'), env: { ...tree.env, SIGNIN_DOCTOR_PLATFORM: 'win32' }, exec, config: LOCAL_ONLY });
    harnesses.push(harness);
    const { page, context } = await openPage(browser, harness.url);
    await page.setViewportSize({ width: 800, height: 600 });

    // The verdict runs as soon as its screen opens (first in the navigation): no further click.
    await page.getByRole('navigation').getByRole('button', { name: "Why can't I sign in?", exact: true }).click();
    const headline = page.getByTestId('verdict-error');
    await expect.poll(() => headline.count(), VERDICT_TIMEOUT).toBe(1);
    expect(await headline.textContent()).toMatch(/^Teams could not sign you in (yesterday at|on \S+ \S+ at) \d\d:\d\d — AADSTS53003 \(BlockedByConditionalAccess\)/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("Why can't I sign in?");
    expect(await page.getByTestId('verdict').textContent()).toContain(CORRELATION_CA);
    await checkStep(page, 'verdict-ca-found');

    const causes = page.getByTestId('verdict-causes').getByRole('article');
    expect(await causes.count()).toBeGreaterThan(0);
    const first = causes.first();
    const firstId = await first.getAttribute('data-testid');
    expect(firstId, (await first.textContent()) ?? '').toMatch(/^cause-(ca-not-visible|device-)/);
    expect(await first.getByRole('heading', { level: 3 }).textContent()).toMatch(/not visible|device/i);
    // Conditional Access: never a cache clear or a sign-in reset.
    expect(await page.locator('[data-fix-id="teams.cache-clear"], [data-fix-id="teams.signin-reset"]').count()).toBe(0);
    // What IT must do is behind a disclosure; for the condition not visible from here it names the Correlation ID.
    const it = page.getByTestId('cause-ca-not-visible').locator('details', { hasText: 'What IT must do' });
    expect(await it.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await it.locator('summary').click();
    expect(await it.textContent()).toContain(CORRELATION_CA);
    await screenshot(page, 'verdict-ca-it-actions');

    await page.getByRole('button', { name: 'Still blocked? Send this to IT' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Get help from IT');
    // The found error is prefilled there: never pasted twice.
    expect(await page.getByLabel('Error message (optional)').inputValue()).toContain('AADSTS53003');
    expect(await page.getByLabel('Error message (optional)').inputValue()).toContain(CORRELATION_CA);
    await screenshot(page, 'verdict-ca-to-it');
    await context.close();
  });

  it('(b) a sign-in loop: reset sign-in, Start Teams, the client signs in -> "Teams signed in"; the loop is then from before the repair', async () => {
    const tree = await buildTeamsTree(tempDir('e2e-verdict-loop'), 'win32', { files: 40, logs: 'loop', clients: ['new'] });
    const root = tree.roots.new![0]!;
    await datedYesterday(join(root, 'Logs/MSTeams_2026-11-23_06-40-00.00.log'));
    // Where Windows would run explorer.exe shell:AppsFolder\MSTeams…, a stand-in new Teams starts and
    // writes into this tree's log when the test tells it to (through its control folder).
    const control = join(tree.base, 'stand-in-control');
    const launcher = standInLauncher(tree.base, 'new', standInLog('new', root), control);
    const started: string[][] = [];
    const exec: Exec = async (file, args, options) => {
      if (file === 'C:\\Windows\\System32\\dsregcmd.exe') return { code: 0, signal: null, stdout: fixture('dsregcmd-joined.txt'), stderr: '', timedOut: false };
      if (file === 'C:\\Windows\\System32\\reg.exe') return { code: 0, signal: null, stdout: fixture('reg-currentversion.txt'), stderr: '', timedOut: false };
      if (file.endsWith('\\explorer.exe')) {
        started.push([...args]);
        const child = spawn(launcher, [], { stdio: 'ignore' });
        standIns.push(child);
        await once(child, 'spawn');
        return { code: 0, signal: null, stdout: '', stderr: '', timedOut: false };
      }
      // Everything else (ps for the running Teams, …) is the real program of this machine.
      return execFileSafe(file, args, options);
    };
    const harness = await startHarness({ stateDir: join(tree.base, 'state'), env: { ...tree.env, SIGNIN_DOCTOR_PLATFORM: 'win32' }, exec, config: LOCAL_ONLY });
    harnesses.push(harness);
    const { page, context } = await openPage(browser, harness.url);
    await page.setViewportSize({ width: 800, height: 600 });

    const headline = page.getByTestId('verdict-error');
    await expect.poll(() => headline.count(), VERDICT_TIMEOUT).toBe(1);
    expect(await headline.textContent()).toMatch(/^Teams could not sign you in (yesterday at|on \S+ \S+ at) \d\d:\d\d — (AADSTS700082|0xCAA2000B)/);
    expect(await page.getByTestId('verdict').textContent()).toContain(CORRELATION_LOOP);
    const reset = page.getByTestId('verdict-causes').locator('[data-fix-id="teams.signin-reset"]').first();
    expect(await reset.count()).toBe(1);
    await checkStep(page, 'verdict-loop-found');

    // One click opens the preview of exactly what will change.
    await reset.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('button', { name: 'Apply' }).count(), VERDICT_TIMEOUT).toBe(1);
    expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toMatch(/sign-in/i);
    await checkStep(page, 'verdict-loop-plan');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    const result = dialog.getByTestId('fix-result');
    await expect.poll(() => result.count(), VERDICT_TIMEOUT).toBe(1);
    expect(await result.textContent()).toMatch(/verified/i);
    await checkStep(page, 'verdict-loop-fixed');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Try signing in again: Start Teams runs the client's own launcher; the watch waits for its next sign-in.
    const tryIt = page.getByTestId('try-signin');
    await tryIt.getByRole('button', { name: 'Start Teams' }).click();
    const status = page.getByTestId('try-status');
    await expect.poll(() => status.textContent(), VERDICT_TIMEOUT).toContain('Waiting for Teams to sign in');
    expect(started).toEqual([['shell:AppsFolder\\MSTeams_8wekyb3d8bbwe!MSTeams']]);
    await checkStep(page, 'verdict-loop-waiting');
    // The stand-in writes a real-looking "signed in" line; the test goes on when it is on disk.
    await sendControl(control, 1, 'success');
    await expect.poll(() => status.textContent(), VERDICT_TIMEOUT).toContain('Teams signed in.');
    await checkStep(page, 'verdict-loop-signed-in');

    // The verdict again: yesterday's loop is from before the repair and no longer counts.
    await tryIt.getByRole('button', { name: 'Check this computer again' }).click();
    const note = page.getByTestId('verdict-before-repair');
    await expect.poll(() => note.count(), VERDICT_TIMEOUT).toBe(1);
    expect(await note.textContent()).toMatch(/^That was before your repair (at|yesterday at) \d\d:\d\d \(.*sign-in.*\), so it no longer counts as current/i);
    await page.getByTestId('ruled-out').locator('summary').click();
    expect(await page.getByTestId('ruled-out').textContent()).toMatch(/addressed by your repair (at|yesterday at) \d\d:\d\d/);
    await checkStep(page, 'verdict-loop-after-repair');
    await context.close();
  });

  it('(c) no error found: "What is happening?" with the four choices; "I see an error" opens a paste box', async () => {
    const tree = await buildTeamsTree(tempDir('e2e-verdict-clean'), 'linux', { files: 8, logs: 'clean' });
    const harness = await startHarness({ stateDir: join(tree.base, 'state'), env: { ...tree.env, SIGNIN_DOCTOR_PLATFORM: 'linux' }, config: LOCAL_ONLY });
    harnesses.push(harness);
    const { page, context } = await openPage(browser, harness.url);
    await page.setViewportSize({ width: 800, height: 600 });
    await page.getByRole('navigation').getByRole('button', { name: "Why can't I sign in?", exact: true }).click();

    const choices = page.getByTestId('verdict-choices');
    await expect.poll(() => choices.count(), VERDICT_TIMEOUT).toBe(1);
    expect(await choices.getByRole('heading', { level: 2 }).textContent()).toBe('What is happening?');
    expect(await choices.getByRole('button').allTextContents()).toEqual(['I see an error', 'Teams keeps asking me to sign in', 'My CAC card is not working', 'Just check this computer']);
    expect(await page.getByTestId('verdict-error').count()).toBe(0);
    await checkStep(page, 'verdict-no-error-choices');

    await page.getByRole('button', { name: 'I see an error' }).click();
    await page.getByRole('textbox', { name: 'The error you see' }).fill('AADSTS53003: Access has been blocked by Conditional Access policies.');
    await page.getByRole('button', { name: 'Find the cause' }).click();
    const headline = page.getByTestId('verdict-error');
    await expect.poll(() => headline.count(), VERDICT_TIMEOUT).toBe(1);
    expect(await headline.textContent()).toMatch(/^The error you pasted — AADSTS53003/);
    await checkStep(page, 'verdict-pasted');

    await page.getByRole('navigation').getByRole('button', { name: 'Explain my error', exact: true }).click();
    expect(await page.getByLabel('Error message').inputValue()).toBe('AADSTS53003: Access has been blocked by Conditional Access policies.');
    await context.close();
  });
});
