// The Windows and macOS proxy sources on recorded outputs (written from the documented formats):
// `reg query ...\Internet Settings`, `netsh winhttp show proxy` (English and German), `scutil --proxy`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNetshWinHttp } from '../../../../src/main/network/netsh-winhttp-parse';
import { macosRule, winHttpRule, winInetRule } from '../../../../src/main/network/proxy-sources';
import { connectionFlags, parseRegQuery, regDword, regString } from '../../../../src/main/network/reg-query-parse';
import { parseScutil, scutilList, scutilString } from '../../../../src/main/network/scutil-proxy-parse';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/network', name), 'utf8');

describe('reg query Internet Settings', () => {
  it('reads the values of the first key only, with spaces in names and data', () => {
    const dump = parseRegQuery(fixture('reg-query-internet-settings-manual.txt'))!;
    expect(dump.key).toBe('HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings');
    expect(regDword(dump, 'ProxyEnable')).toBe(1);
    expect(regDword(dump, 'SecureProtocols')).toBe(0xa80);
    expect(regString(dump, 'ProxyServer')).toBe('proxy.contoso.com:8080');
    expect(regString(dump, 'ProxyOverride')).toBe('*.contoso.com;<local>');
    expect(regString(dump, 'User Agent')).toBe('Mozilla/4.0 (compatible; MSIE 8.0; Win32)');
    expect(regString(dump, 'AutoConfigURL')).toBeUndefined();
    expect(regString(dump, 'ProxyEnable')).toBeUndefined(); // a DWORD is not a string
  });

  it('reads the flags byte of DefaultConnectionSettings (0x03: direct + manual proxy, no WPAD)', () => {
    expect(connectionFlags(parseRegQuery(fixture('reg-query-default-connection-settings.txt')))).toBe(0x03);
  });

  it('garbage is "not understood", never a crash', () => {
    expect(parseRegQuery('ERROR: The system was unable to find the specified registry key or value.')).toBeUndefined();
    expect(parseRegQuery('')).toBeUndefined();
    expect(connectionFlags(parseRegQuery('HKEY_CURRENT_USER\\X\r\n    DefaultConnectionSettings    REG_BINARY    46\r\n'))).toBeUndefined();
  });

  it('becomes a manual WinINET rule with its bypass list', () => {
    const dump = parseRegQuery(fixture('reg-query-internet-settings-manual.txt'))!;
    const rule = winInetRule({ proxyEnable: regDword(dump, 'ProxyEnable')!, proxyServer: regString(dump, 'ProxyServer')!, proxyOverride: regString(dump, 'ProxyOverride')!, flags: 0x03 });
    expect(rule.source).toMatchObject({ source: 'wininet', mode: 'manual', httpsProxy: 'proxy.contoso.com:8080', autoDetect: false });
    expect(rule.source.bypass).toEqual(['*.contoso.com', '<local>']);
    expect(rule.https).toMatchObject({ host: 'proxy.contoso.com', port: 8080 });
    // A PAC URL wins over the manual proxy, as in WinINET.
    expect(winInetRule({ proxyEnable: 1, proxyServer: 'p:1', autoConfigUrl: 'http://wpad/x.pac' }).source.mode).toBe('pac');
    expect(winInetRule({ proxyEnable: 0, proxyServer: 'p:1' }).source.mode).toBe('direct');
  });
});

describe('netsh winhttp show proxy', () => {
  it('direct access', () => {
    expect(parseNetshWinHttp(fixture('netsh-winhttp-direct.txt'))).toEqual({ direct: true });
    expect(winHttpRule(fixture('netsh-winhttp-direct.txt')).source.mode).toBe('direct');
  });

  it('a proxy with a bypass list', () => {
    expect(parseNetshWinHttp(fixture('netsh-winhttp-proxy.txt'))).toEqual({ direct: false, proxyServer: 'proxy.contoso.com:8080', bypass: '*.contoso.com;<local>' });
    const rule = winHttpRule(fixture('netsh-winhttp-proxy.txt'));
    expect(rule.source).toMatchObject({ source: 'winhttp', mode: 'manual', httpsProxy: 'proxy.contoso.com:8080', bypass: ['*.contoso.com', '<local>'] });
  });

  it('localized labels and per-scheme servers (German), "(keine)" is no bypass list', () => {
    const parsed = parseNetshWinHttp(fixture('netsh-winhttp-proxy-de.txt'))!;
    expect(parsed.proxyServer).toBe('http=proxy.contoso.de:3128;https=proxy.contoso.de:3129');
    const rule = winHttpRule(fixture('netsh-winhttp-proxy-de.txt'));
    expect(rule.source.httpsProxy).toBe('proxy.contoso.de:3129');
    expect(rule.source.httpProxy).toBe('proxy.contoso.de:3128');
  });

  it('unknown output is reported as not understood', () => {
    expect(parseNetshWinHttp('The following command was not found: winhttp show proxy.')).toBeUndefined();
    expect(winHttpRule('').source).toMatchObject({ mode: 'unavailable' });
  });
});

describe('scutil --proxy', () => {
  it('reads the nested dictionary and arrays', () => {
    const d = parseScutil(fixture('scutil-proxy-pac.txt'))!;
    expect(scutilString(d, 'HTTPSProxy')).toBe('proxy.contoso.com');
    expect(scutilList(d, 'ExceptionsList')).toEqual(['*.local', '169.254/16', 'login.microsoftonline.com']);
    expect(typeof d.__SCOPED__).toBe('object');
  });

  it('becomes a PAC rule (the PAC wins) that keeps the manual proxy and exceptions as evidence', () => {
    const rule = macosRule(fixture('scutil-proxy-pac.txt'));
    expect(rule.source).toMatchObject({ source: 'macos', mode: 'pac', pacUrl: 'http://wpad.contoso.com/proxy.pac', httpsProxy: 'proxy.contoso.com:8080' });
    expect(rule.source.bypass).toContain('login.microsoftonline.com');
  });

  it('an unterminated dump is rejected', () => {
    expect(parseScutil('<dictionary> {\n  HTTPEnable : 1\n')).toBeUndefined();
    expect(macosRule('garbage').source.mode).toBe('unavailable');
  });
});
