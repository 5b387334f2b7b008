// Open to verdict: the time from loading the app's page in Chromium to the verdict on screen (the
// error found in the Teams logs and its causes), with every domain checking real loopback peers: a
// scripted NTP server that answers, an HTTPS sign-in endpoint with a test CA's certificate, a
// teams-for-linux profile whose log holds a fresh 53003, and pcscd when it is installed (else the
// CAC checks say the service is missing). The service runs in the test harness (the Electron main
// process's service, over HTTP instead of IPC). Also: the slowest check's timeout, the goal's bound.
// Prints figures; never passes or fails on speed.
import { mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTs } from './_load-ts.mjs';

const RUNS = 5;
const CID = '3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function profile(base) {
  const home = join(base, 'home');
  const logs = join(home, '.config', 'teams-for-linux', 'logs');
  await mkdir(logs, { recursive: true });
  const at = new Date(Date.now() - 600_000).toISOString().replace('T', ' ').slice(0, 23);
  const lines = Array.from({ length: 5_000 }, (_, i) => `[${at}] [info]  window: page loaded ${i}`);
  lines.push(`[${at}] [error] login: AADSTS53003: Access has been blocked by Conditional Access policies. Correlation ID: ${CID}`);
  await writeFile(join(logs, 'main.log'), `${lines.join('\n')}\n`);
  return { SIGNIN_DOCTOR_PLATFORM: 'linux', HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
}

export async function run() {
  const { startHarness } = await loadTs('test/support/harness/server.ts', 'bench-harness');
  const { startScriptedNtp } = await loadTs('test/support/ntp-server.ts', 'bench-ntp');
  const { startHttpsEndpoint, OPENID_PATH } = await loadTs('test/support/https-endpoint.ts', 'bench-https');
  const { createTestCa } = await loadTs('test/support/test-ca.ts', 'bench-ca');
  const { launchBrowser } = await loadTs('test/support/browser.ts', 'bench-browser');
  const base = mkdtempSync(join(tmpdir(), 'signin-doctor-bench-verdict-'));
  const ca = await createTestCa('Bench Public Root CA');
  const leaf = await ca.issueServer({ commonName: 'localhost', dnsNames: ['localhost'], ips: ['127.0.0.1'] });
  const login = await startHttpsEndpoint({ leaf });
  const ntp = await startScriptedNtp({ kind: 'offset', offsetMs: 150 });
  const timeouts = { clockMs: 2_000, netMs: 2_000 };
  const config = {
    clock: { servers: [ntp.server], dateUrl: `https://127.0.0.1:${login.port}/`, timeoutMs: timeouts.clockMs },
    network: {
      publicRoots: ca.pem,
      udp: false,
      timeouts: { dnsMs: timeouts.netMs, tcpMs: timeouts.netMs, connectMs: timeouts.netMs, tlsMs: timeouts.netMs, httpMs: timeouts.netMs },
      endpoints: [{ name: 'login', host: '127.0.0.1', port: login.port, role: 'sign-in', critical: true, openIdPath: OPENID_PATH }],
    },
  };
  const env = { ...process.env, ...(await profile(base)) };
  const browser = await launchBrowser();
  try {
    const times = [];
    let summary = '';
    for (let i = 0; i < RUNS; i++) {
      // A fresh service each run: the app is opened, not revisited (no warm domain modules).
      const harness = await startHarness({ stateDir: join(base, `state-${i}`), env, config });
      const context = await browser.newContext();
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(harness.url);
      await page.getByTestId('verdict').waitFor({ timeout: 120_000 });
      times.push(performance.now() - t0);
      const causes = await page.getByTestId('verdict-causes').getByRole('article').count();
      summary = `${(await page.getByTestId('verdict-error').textContent())?.slice(0, 70)}…; ${causes} causes`;
      await context.close();
      await harness.close();
    }
    console.log(`open the app -> verdict on screen, every domain, loopback peers (median of ${RUNS}, Chromium + harness service):`);
    console.log(`  ${median(times).toFixed(0).padStart(6)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  ${summary}`);
    console.log(`  slowest check timeout configured: ${Math.max(timeouts.clockMs, timeouts.netMs)} ms (goal: the verdict within it on a healthy machine)`);
  } finally {
    await browser.close();
    await Promise.all([login.close(), ntp.stop()]);
    await rm(base, { recursive: true, force: true });
  }
}
