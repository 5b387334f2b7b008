// The real electron-log Node logger writing real files in a temp "OS log folder": secrets never
// reach the file (or the console), useful text does, and the file rotates.
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppLogger, LOG_FILE_NAME, redactLogValue } from '../../../../src/main/app/logging';
import { findLeaks, plantedCases } from '../../../support/planted-secrets';

const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJ1cG4iOiJib2JAY29udG9zby5jb20ifQ.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
const REFRESH = '0.AXoAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefghijklmnop';
const PLANTED = [JWT, 'mF_9.B5f-4.1JqM', REFRESH, 'hunter2-Correct-Horse', 's3cr3t-client-value', '4321', 'SuperSecretCookieValue'];

const dirs: string[] = [];
const tempLogs = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-logs-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  dirs.length = 0;
});

function logEverySecret(log: ReturnType<typeof createAppLogger>) {
  log.info(`sign-in failed: AADSTS53003 correlation 7c3e5f1a-0b1d-4e2f-9a8b-1c2d3e4f5a6b token ${JWT}`);
  log.warn('request headers', { Authorization: 'Bearer mF_9.B5f-4.1JqM', accept: 'application/json' });
  log.warn('curl -H "Authorization: Bearer mF_9.B5f-4.1JqM" https://graph.microsoft.com/v1.0/me');
  log.info(`POST /token grant_type=refresh_token&refresh_token=${REFRESH}&client_id=abc`);
  log.info('form', 'username=bob&password=hunter2-Correct-Horse');
  log.error(new Error(`token endpoint said: access_token=${JWT}`));
  log.info({ config: { clientSecret: 's3cr3t-client-value', pin: 4321, nested: { cookie: 'SuperSecretCookieValue' } } });
  const cyclic: Record<string, unknown> = { name: 'loop', password: 'hunter2-Correct-Horse' };
  cyclic.self = cyclic;
  log.info('cyclic', cyclic);
}

describe('createAppLogger', () => {
  it('writes main.log in the given folder without any planted secret', () => {
    const dir = tempLogs();
    const log = createAppLogger({ logsDir: dir });
    log.transports.console.level = false; // keep the test output quiet; the next test covers the console
    logEverySecret(log);
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    for (const secret of PLANTED) expect(text, secret).not.toContain(secret);
    // What IT needs is still there.
    expect(text).toContain('AADSTS53003');
    expect(text).toContain('7c3e5f1a-0b1d-4e2f-9a8b-1c2d3e4f5a6b');
    expect(text).toContain('Bearer [removed: token]');
    expect(text).toContain('https://graph.microsoft.com/v1.0/me');
    expect(text).toContain('application/json');
    expect(text).toContain('[removed: secret]');
    expect(text).toContain('[circular]');
    expect(text).toMatch(/\[error\].*token endpoint said/);
    expect(text.trim().split('\n').length).toBeGreaterThanOrEqual(8);
  });

  it('the console sees the same redacted message', () => {
    const log = createAppLogger({ logsDir: tempLogs() });
    const seen: string[] = [];
    log.transports.console.writeFn = ({ message }) => {
      seen.push(JSON.stringify(message.data));
    };
    log.warn('header', `Authorization: Bearer ${JWT}`, { access_token: JWT });
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toContain(JWT.slice(0, 30));
    expect(seen[0]).toContain('[removed');
  });

  it('keeps debug noise out of the file by default', () => {
    const dir = tempLogs();
    const log = createAppLogger({ logsDir: dir });
    log.debug('chatty detail');
    log.info('kept');
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).not.toContain('chatty detail');
    expect(text).toContain('kept');
  });

  it('rotates: main.log stays near the limit and at most three archives are kept', () => {
    const dir = tempLogs();
    const log = createAppLogger({ logsDir: dir, maxBytes: 2_000 });
    for (let i = 0; i < 400; i++) log.info(`line ${i} ${'x'.repeat(40)} refresh_token=${REFRESH}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    expect(statSync(join(dir, 'main.log')).size).toBeLessThan(2_000 + 200);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 399');
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8')).not.toContain(REFRESH);
  });

  it('generated secrets of every family in every encoding never reach the file (strings, objects, errors)', () => {
    const dir = tempLogs();
    const log = createAppLogger({ logsDir: dir, maxBytes: 64 * 1024 * 1024 });
    log.transports.console.level = false;
    const cases = plantedCases(4711);
    for (const c of cases) {
      log.warn(`teams: sign-in failed AADSTS53003 ${c.text}`);
      log.info('request', { url: c.text, attempt: 2 });
      log.error(new Error(`token endpoint said: ${c.text}`));
    }
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text.split('\n').length).toBeGreaterThan(cases.length * 3);
    expect(findLeaks(text, cases.flatMap((c) => c.secrets), LOG_FILE_NAME)).toEqual([]);
  });

  it('creates the file readable by the user only (POSIX)', () => {
    if (process.platform === 'win32') return;
    const dir = tempLogs();
    createAppLogger({ logsDir: dir }).info('x');
    expect(statSync(join(dir, LOG_FILE_NAME)).mode & 0o077).toBe(0);
  });
});

describe('redactLogValue', () => {
  it('drops values under secret keys whatever their type, and keeps the rest', () => {
    expect(redactLogValue({ password: 'p', pin: 1234, apiKey: 'k', refreshToken: { v: 1 }, ok: true, count: 3 })).toEqual({
      password: '[removed: secret]',
      pin: '[removed: secret]',
      apiKey: '[removed: secret]',
      refreshToken: '[removed: secret]',
      ok: true,
      count: 3,
    });
  });

  it('redacts errors (message, stack, cause) without touching the original', () => {
    const original = new Error(`failed with Bearer ${JWT}`, { cause: new Error(`password=hunter2-Correct-Horse`) });
    const copy = redactLogValue(original) as Error;
    expect(copy).toBeInstanceOf(Error);
    expect(copy.message).toBe('failed with Bearer [removed: token]');
    expect(copy.stack).not.toContain(JWT);
    expect((copy.cause as Error).message).not.toContain('hunter2');
    expect(original.message).toContain(JWT);
  });

  it('handles maps, sets, buffers, deep and cyclic values without throwing', () => {
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 50; i++) cur = (cur.next = {}) as Record<string, unknown>;
    const out = redactLogValue({ m: new Map([['token', 'abc-secret']]), s: new Set([`Bearer ${JWT}`]), b: Buffer.from('secret bytes'), deep });
    const text = JSON.stringify(out);
    expect(text).not.toContain('abc-secret');
    expect(text).not.toContain(JWT);
    expect(text).not.toContain('secret bytes');
    expect(text).toContain('[12 bytes]');
    expect(text).toContain('[too deep]');
  });
});
