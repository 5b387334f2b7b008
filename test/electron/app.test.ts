// The built app (dist/) in the stock Electron binary, driven by Playwright's _electron: what only
// real Electron can show — the sandboxed, context-isolated window with nothing but
// window.signinDoctor, the app:// page under its CSP, IPC through the real ipcMain, foreign
// origins refused, the PC/SC worker thread, the app log. (The packaged app cannot be driven this
// way: its EnableNodeCliInspectArguments fuse is off, and _electron needs --inspect; it is tested
// as a child process in cli-mode.test.ts.)
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/app/csp';
import type { CallResult, SigninDoctorBridge } from '../../src/shared/contract';
import type { CacStatus } from '../../src/shared/contract/cac';
import { appEnv, MAIN_PAGE_URL, removeTempDirs, ROOT, STOCK_ELECTRON, tempDir } from './support';

/** What the preload may expose: exactly the members of SigninDoctorBridge (checked both ways below). */
const BRIDGE_KEYS = ['call', 'on'] as const satisfies readonly (keyof SigninDoctorBridge)[];
type Unlisted = Exclude<keyof SigninDoctorBridge, (typeof BRIDGE_KEYS)[number]>;
const everyMemberListed: [Unlisted] extends [never] ? true : never = true;

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Main-process globals the tests leave behind them (ElectronApplication.evaluate runs there). */
interface MainProbe {
  __sdNavigation?: Promise<{ url: string; prevented: boolean }>;
  __sdWorkers?: Array<{ file: string; online: boolean; error?: string; settled: Promise<void> }>;
}

describe.skipIf(!STOCK_ELECTRON)('the built app in Electron', () => {
  let app: ElectronApplication;
  let page: Page;
  let stateDir: string;
  let configHome: string;
  let launchedAt: number;

  beforeAll(async () => {
    expect(everyMemberListed).toBe(true);
    stateDir = tempDir('state');
    configHome = tempDir('config'); // Linux: userData and logs go here, not into the runner's ~/.config
    launchedAt = Date.now();
    // Not executablePath: Playwright then finds the binary through the electron package (as
    // run.mjs did) and adds its loader, which holds 'ready' until it is attached.
    app = await _electron.launch({
      args: [ROOT],
      cwd: ROOT,
      // Without this Playwright adds --no-sandbox on Linux: the point here is the real sandbox.
      chromiumSandbox: true,
      env: appEnv({ SIGNIN_DOCTOR_STATE_DIR: stateDir, XDG_CONFIG_HOME: configHome }),
    });
    page = await app.firstWindow();
    await page.waitForURL(MAIN_PAGE_URL);
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  });

  afterAll(async () => {
    if (page) {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-results', `electron-${process.platform}.png`) }).catch(() => undefined);
    }
    await app?.close();
    removeTempDirs();
  });

  it('opens one sandboxed, context-isolated window whose page sees window.signinDoctor and nothing of Node or Electron', async () => {
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.signinDoctor as Record<string, unknown> | undefined;
      return {
        nodeOrElectron: ['require', 'process', 'module', 'exports', 'Buffer', 'global', '__dirname', 'setImmediate', 'ipcRenderer', 'electron'].filter((name) => name in w),
        ours: Object.getOwnPropertyNames(window).filter((name) => /signin/i.test(name)),
        bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
        // contextBridge hands the page proxies of the preload's functions, not the functions:
        // only possible with contextIsolation (exposeInMainWorld throws without it).
        proxied: bridge ? Object.values(bridge).every((f) => typeof f === 'function' && /\[native code\]/.test(String(f))) : false,
        typeofRequire: typeof w.require,
        typeofProcess: typeof w.process,
      };
    });
    expect(seen).toEqual({ nodeOrElectron: [], ours: ['signinDoctor'], bridgeKeys: [...BRIDGE_KEYS].sort(), proxied: true, typeofRequire: 'undefined', typeofProcess: 'undefined' });

    const main = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      const pid = windows[0]!.webContents.getOSProcessId();
      const metric = electronApp.getAppMetrics().find((m) => m.pid === pid);
      return { windows: windows.length, url: windows[0]!.webContents.getURL(), pid, type: metric?.type, sandboxed: metric?.sandboxed };
    });
    expect(main).toMatchObject({ windows: 1, url: MAIN_PAGE_URL, type: 'Tab' });
    // The OS-level sandbox of the renderer process: Electron reports it on macOS and Windows; on
    // Linux the sandboxed renderer runs under a seccomp-bpf filter (Seccomp: 2).
    if (process.platform === 'linux') expect(readFileSync(`/proc/${main.pid}/status`, 'utf8')).toMatch(/^Seccomp:\s+2$/m);
    else expect(main.sandboxed).toBe(true);
  });

  it('serves the page from app:// under its CSP header and meta, and the page can run neither an inline script nor code from a string', async () => {
    const response = await page.reload();
    expect(response?.url()).toBe(MAIN_PAGE_URL);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("default-src 'none'");
    expect(meta).toContain("script-src 'self'");

    const inline = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; directive?: string }>((done) => {
          document.addEventListener('securitypolicyviolation', (e) => done({ ran: false, directive: e.effectiveDirective }), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.__sdInlineRan = true;';
          document.head.append(script);
          // An inline script that is allowed runs during append(): then there is no violation to wait for.
          if ((window as unknown as { __sdInlineRan?: boolean }).__sdInlineRan) done({ ran: true });
        }),
    );
    expect(inline.ran).toBe(false);
    expect(inline.directive).toMatch(/^script-src/);

    // Code from a string, as eval makes it. (Not eval() itself: code Playwright evaluates through
    // DevTools is exempt from the CSP, eval calls within it too; a string timer runs later, as the page.)
    const fromString = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; directive?: string; blocked?: string }>((done) => {
          document.addEventListener('securitypolicyviolation', (e) => done({ ran: false, directive: e.effectiveDirective, blocked: e.blockedURI }), { once: true });
          window.addEventListener('sd-string-ran', () => done({ ran: true }), { once: true });
          (setTimeout as (code: string, ms: number) => number)("window.dispatchEvent(new Event('sd-string-ran'))", 0);
        }),
    );
    expect(fromString).toEqual({ ran: false, directive: 'script-src', blocked: 'eval' });
  });

  it('answers window.signinDoctor calls through the real ipcMain, and validates their input there', async () => {
    const info = await page.evaluate(() => (window as unknown as { signinDoctor: SigninDoctorBridge }).signinDoctor.call('app.info', {}));
    expect(info).toMatchObject({ ok: true, value: { name: 'Sign-in Doctor', version: VERSION, platform: process.platform, stateDir: resolve(stateDir), interrupted: [] } });

    const bad = await page.evaluate(() => (window as unknown as { signinDoctor: { call(name: string, input: unknown): Promise<CallResult<unknown>> } }).signinDoctor.call('app.info', { extra: 1 }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('refuses a foreign origin: navigation is prevented, frames are refused by the CSP, webview does not exist, window.open is denied', async () => {
    // Our listener runs after the app's guard (installed when the window's contents were created).
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      (globalThis as MainProbe).__sdNavigation = new Promise((done) => contents.once('will-navigate', (event) => done({ url: event.url, prevented: event.defaultPrevented })));
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.invalid/';
    });
    expect(await app.evaluate(() => (globalThis as MainProbe).__sdNavigation)).toEqual({ url: 'https://example.invalid/', prevented: true });
    expect(await page.evaluate(() => window.location.href)).toBe(MAIN_PAGE_URL);

    const framed = await page.evaluate(
      () =>
        new Promise<{ directive: string; blocked: string }>((done) => {
          document.addEventListener('securitypolicyviolation', (e) => {
            if (e.blockedURI.startsWith('https://example.invalid')) done({ directive: e.effectiveDirective, blocked: e.blockedURI });
          });
          const frame = document.createElement('iframe');
          frame.src = 'https://example.invalid/';
          document.body.append(frame);
        }),
    );
    expect(framed.directive).toBe('frame-src');

    // webviewTag: false: Electron does not define its <webview> element (a plain HTMLElement), so
    // there is nothing to attach.
    expect(
      await page.evaluate(() => {
        const element = document.createElement('webview') as HTMLElement & { getWebContentsId?: unknown };
        return { defined: customElements.get('webview') !== undefined, plain: Object.getPrototypeOf(element) === HTMLElement.prototype || element instanceof HTMLUnknownElement, api: typeof element.getWebContentsId };
      }),
    ).toEqual({ defined: false, plain: true, api: 'undefined' });

    expect(await page.evaluate(() => window.open('https://example.invalid/', '_blank') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(app.windows()).toHaveLength(1);
  });

  it('runs the PC/SC binding in its worker thread (dist/main/pcsc-worker.js), which starts and answers', async () => {
    // Watch worker_threads.Worker from now on. The app creates the PC/SC worker on the first card
    // call only (nothing at start-up touches PC/SC), so the call below is the one that starts it.
    await app.evaluate(() => {
      const threads = process.getBuiltinModule('node:worker_threads');
      const Original = threads.Worker;
      const seen: NonNullable<MainProbe['__sdWorkers']> = [];
      (globalThis as MainProbe).__sdWorkers = seen;
      (threads as unknown as { Worker: unknown }).Worker = function Observed(file: string | URL, options?: ConstructorParameters<typeof Original>[1]) {
        const worker = new Original(file, options);
        const entry = { file: String(file), online: false, error: undefined as string | undefined, settled: Promise.resolve() };
        entry.settled = new Promise<void>((done) => {
          worker.once('online', () => {
            entry.online = true;
            done();
          });
          worker.once('error', (error) => {
            entry.error = error.message;
            done();
          });
          worker.once('exit', () => done());
        });
        seen.push(entry);
        return worker;
      };
    });
    const status = (await page.evaluate(() => (window as unknown as { signinDoctor: SigninDoctorBridge }).signinDoctor.call('cac.status', {}))) as CallResult<CacStatus>;
    await page.evaluate(() => (window as unknown as { signinDoctor: SigninDoctorBridge }).signinDoctor.call('cac.watch-stop', {}));
    expect(status.ok).toBe(true);
    if (!status.ok) return;
    expect(status.value.binding).toMatch(/in a worker thread/);
    // The service may well be absent on a runner (SCARD_E_NO_SERVICE); the binding may not.
    expect(status.value.failure?.code).not.toBe('binding-missing');
    expect(status.value.failure?.message ?? '').not.toMatch(/smart card worker/);

    const workers = await app.evaluate(async () => {
      const seen = (globalThis as MainProbe).__sdWorkers ?? [];
      await Promise.all(seen.map((w) => w.settled));
      return seen.map(({ file, online, error }) => ({ file, online, error }));
    });
    const pcsc = workers.filter((w) => /pcsc-worker\.js$/.test(w.file));
    expect(pcsc, `workers started: ${JSON.stringify(workers)}`).toHaveLength(1);
    expect(pcsc[0]).toEqual({ file: join(ROOT, 'dist', 'main', 'pcsc-worker.js'), online: true, error: undefined });
  });

  it('writes its log (main.log, owner-only) in the logs folder Electron gives it', async () => {
    const logsDir = await app.evaluate(({ app: electronApp }) => electronApp.getPath('logs'));
    if (process.platform === 'linux') expect(resolve(logsDir).startsWith(resolve(configHome))).toBe(true);
    const file = join(logsDir, 'main.log');
    const started = `Sign-in Doctor ${VERSION} starting on ${process.platform} ${process.arch}`;
    await expect.poll(() => (existsSync(file) ? readFileSync(file, 'utf8') : '')).toContain(started);
    const stat = statSync(file);
    // Written by this run (a slack of 2 s for coarse file-system clocks, not a wait).
    expect(stat.mtimeMs).toBeGreaterThanOrEqual(launchedAt - 2_000);
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600);
  });
});
