// app://signin-doctor/ serves the renderer folder and nothing else, with the CSP on every answer.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { protocol } from 'electron';
import { describe, expect, it } from 'vitest';
import { handleAppProtocol, isAppUrl, resolveAppFile } from '../../../../src/main/app/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../src/main/app/csp';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'sd-proto-')));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>ok</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'outside the renderer');

describe('resolveAppFile', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://signin-doctor/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://signin-doctor/assets/app.js?x=1#y')).toBe(join(root, 'assets', 'app.js'));
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://signin-doctor/../secret.txt',
      'app://signin-doctor/%2e%2e/secret.txt',
      'app://signin-doctor/%2E%2E%2Fsecret.txt',
      'app://signin-doctor/assets/%2e%2e/%2e%2e/secret.txt',
      'app://signin-doctor/..%2f..%2fsecret.txt',
      `app://signin-doctor/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://signin-doctor/index.html%00.js',
      'app://signin-doctor/%E0%A4%A',
      'app://signin-doctor/%',
    ]) {
      const file = resolveAppFile(root, url);
      expect(file === undefined || file.startsWith(root + '/'), `${url} -> ${file}`).toBe(true);
      expect(file).not.toBe(join(base, 'secret.txt'));
    }
    // The URL parser already folds %2e%2e into the root; an encoded slash survives it and is refused.
    expect(resolveAppFile(root, 'app://signin-doctor/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAppFile(root, 'app://signin-doctor/..%2f..%2fsecret.txt')).toBeUndefined();
    expect(resolveAppFile(root, 'app://signin-doctor/%E0%A4%A')).toBeUndefined();
  });

  it('refuses other hosts, schemes and credentials', () => {
    for (const url of ['app://evil/index.html', 'file:///etc/passwd', 'https://signin-doctor/index.html', 'not a url', '']) {
      expect(resolveAppFile(root, url), url).toBeUndefined();
    }
    expect(isAppUrl('app://user:pw@signin-doctor/index.html')).toBe(false);
    expect(isAppUrl('app://signin-doctor/index.html')).toBe(true);
  });
});

describe('the app:// handler', () => {
  handleAppProtocol(root);
  const handler = (protocol as unknown as { handlers: Map<string, (r: Request) => Promise<Response>> }).handlers.get('app')!;
  const get = (url: string) => handler({ url } as Request);

  it('serves a file with its type and the CSP', async () => {
    const res = await get('app://signin-doctor/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers 404 (with the CSP) for traversal, malformed escapes and missing files', async () => {
    for (const url of ['app://signin-doctor/%2e%2e/secret.txt', 'app://signin-doctor/%E0%A4%A', 'app://signin-doctor/nope.js', 'app://elsewhere/index.html']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).not.toContain('outside the renderer');
    }
  });
});
