// The Network card in Chromium against the real service. The "Microsoft endpoints" are local
// HTTPS servers with certificates from a test public CA (config: endpoints, publicRoots); the
// Windows per-user proxy (recorded `reg query` output, the one fake boundary) points at a REAL
// TLS-inspecting proxy on loopback whose root counts as locally added, while WinHTTP is direct.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, tempDir } from '../support/browser';
import { startHarness, type Harness } from '../support/harness/server';
import { OPENID_PATH, startHttpsEndpoint, type HttpsEndpoint } from '../support/https-endpoint';
import { windowsProxyExec } from '../support/network-windows-exec';
import { startInterceptingProxy, type InterceptingProxy } from '../support/proxy';
import { createTestCa } from '../support/test-ca';

describe('network card (E2E in Chromium)', () => {
  let harness: Harness;
  let direct: Harness;
  let browser: Browser;
  let login: HttpsEndpoint;
  let device: HttpsEndpoint;
  let mitm: InterceptingProxy;

  beforeAll(async () => {
    const publicCa = await createTestCa('Test Public Root CA');
    const issuing = await publicCa.issueIntermediate('Test Public Issuing CA 01');
    const inspectCa = await createTestCa('Contoso Inspection Root');
    const leaf = await issuing.issueServer({ commonName: 'localhost', dnsNames: ['localhost'], ips: ['127.0.0.1'] });
    login = await startHttpsEndpoint({ leaf });
    device = await startHttpsEndpoint({ leaf });
    mitm = await startInterceptingProxy(inspectCa);
    const dir = tempDir('e2e-network');
    const network = (extra: Record<string, unknown>) => ({
      network: {
        publicRoots: publicCa.pem,
        localRoots: inspectCa.pem,
        udp: false,
        // Every probe here is expected to succeed: a busy machine is slow, not down.
        timeouts: { dnsMs: 30_000, tcpMs: 30_000, connectMs: 30_000, tlsMs: 30_000, httpMs: 30_000 },
        // IP literals: WinINET's "<local>" bypass entry would send the dot-less "localhost" direct.
        endpoints: [
          { name: 'login', host: '127.0.0.1', port: login.port, role: 'sign-in', critical: true, openIdPath: OPENID_PATH },
          { name: 'device', host: '127.0.0.1', port: device.port, role: 'device', critical: true },
        ],
        ...extra,
      },
    });
    const env = { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'win32', HOME: dir, APPDATA: join(dir, 'AppData', 'Roaming'), LOCALAPPDATA: join(dir, 'AppData', 'Local') };
    harness = await startHarness({ stateDir: join(dir, 'state'), env, exec: windowsProxyExec({ proxyServer: `127.0.0.1:${mitm.port}` }).exec, config: network({}) });
    direct = await startHarness({ stateDir: join(dir, 'state-direct'), env, exec: windowsProxyExec({ proxyServer: `127.0.0.1:${mitm.port}` }).exec, config: network({ proxy: 'DIRECT' }) });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await direct?.close();
    await Promise.all([login?.close(), device?.close(), mitm?.close()]);
  });

  async function runChecks(url: string) {
    const { page, context } = await openPage(browser, url);
    await page.getByRole('navigation').getByRole('button', { name: 'Run checks', exact: true }).click();
    await page.getByRole('main').getByRole('button', { name: 'Run checks', exact: true }).click();
    const card = page.getByTestId('network-card');
    await expect.poll(() => card.getByTestId('network-verdict').textContent({ timeout: 2_000 }).catch(() => ''), { timeout: 60_000 }).toMatch(/endpoints/);
    return { page, context, card };
  }

  it('direct: every endpoint row shows DNS, TCP, TLS (public issuer) and HTTP with times; Test again re-probes', async () => {
    const { page, context, card } = await runChecks(direct.url);
    expect(await card.getByTestId('network-verdict').textContent()).toMatch(/All 2 endpoints .* answered/);
    await page.getByTestId('domain-details-network').locator('summary').click(); // no problem: the Network disclosure starts closed
    const row = card.getByRole('table', { name: 'Endpoints tested' }).locator('tr[data-endpoint="login"]');
    const text = (await row.textContent()) ?? '';
    expect(text).toMatch(/direct/);
    expect(text).toMatch(/✓ 127\.0\.0\.1 \d+ ms/);
    expect(text).toMatch(/issued by Test Public Issuing CA 01 \d+ ms/);
    expect(text).toMatch(/HTTP 200, JSON ok \d+ ms/);
    expect(await card.getByTestId('network-inspection').count()).toBe(0);
    expect(await card.getByTestId('network-vpn').textContent()).toMatch(/location Conditional Access sees/);
    const before = login.requests.length;
    await card.getByRole('button', { name: 'Test again' }).click();
    await expect.poll(() => login.requests.length, { timeout: 60_000 }).toBeGreaterThan(before);
    await expect.poll(() => card.getByRole('button', { name: 'Test again' }).isEnabled(), { timeout: 60_000 }).toBe(true);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'network-card-direct');
    await context.close();
  }, 120_000);

  it('through the inspecting proxy: names the inspector, flags the WinINET/WinHTTP mismatch, and the bypass plan warns to coordinate with IT', async () => {
    const { page, context, card } = await runChecks(harness.url);
    const banner = card.getByTestId('network-inspection');
    expect(await banner.textContent()).toMatch(/Your traffic is being inspected by Contoso Inspection Root\..*presented for login, device was not issued by a public authority/);
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(mitm.intercepted.length).toBeGreaterThan(0);
    const row = (await card.locator('tr[data-endpoint="device"]').textContent()) ?? '';
    expect(row).toContain(`proxy 127.0.0.1:${mitm.port}`);
    expect(row).toMatch(/intercepted: issued by Contoso Inspection Root/);
    expect(await card.getByTestId('network-mismatch').textContent()).toMatch(/WinINET.*WinHTTP/);
    expect(await card.getByTestId('network-proxy-sources').textContent()).toContain(`127.0.0.1:${mitm.port}`);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'network-card-intercepted');

    await card.getByRole('button', { name: 'Let the sign-in hosts bypass the proxy' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent({ timeout: 2_000 }).catch(() => ''), { timeout: 60_000 }).toMatch(/coordinate with IT/);
    const plan = (await dialog.textContent()) ?? '';
    expect(plan).toContain('ProxyOverride');
    expect(plan).toMatch(/previous list back exactly: \*\.contoso\.com;<local>/);
    await screenshot(page, 'network-fix-dialog');
    await context.close();
  }, 120_000);
});
