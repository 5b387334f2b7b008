// The per-cloud endpoint data and cloud selection (config and the call's choice), and the bypass
// and proxy-address rules the effective-proxy decision is built on.
import { describe, expect, it } from 'vitest';
import { CLOUD_DEFINITIONS } from '../../../../src/main/network/endpoints';
import { networkSettings } from '../../../../src/main/network/network-config';
import { bypasses, displayProxy, parseProxyAddress, proxyForScheme } from '../../../../src/main/network/proxy-rules';

describe('clouds', () => {
  it('each cloud probes its own sign-in host with the OpenID document; device and CAC endpoints are critical', () => {
    expect(CLOUD_DEFINITIONS.worldwide.endpoints.find((e) => e.openIdPath)?.host).toBe('login.microsoftonline.com');
    expect(CLOUD_DEFINITIONS.gcch.endpoints.map((e) => e.host)).toEqual(['login.microsoftonline.us', 'certauth.login.microsoftonline.us', 'gov.teams.microsoft.us', 'graph.microsoft.us']);
    // Certificate sign-in is probed in every cloud (a TLS-inspecting proxy breaks it); critical where it is the norm (DoD).
    for (const c of ['worldwide', 'gcch', 'dod'] as const) expect(CLOUD_DEFINITIONS[c].endpoints.filter((e) => e.role === 'cac').map((e) => e.host)).toEqual([c === 'worldwide' ? 'certauth.login.microsoftonline.com' : 'certauth.login.microsoftonline.us']);
    expect(CLOUD_DEFINITIONS.worldwide.bypassHosts).toEqual(expect.arrayContaining(['certauth.login.microsoftonline.com', '*.certauth.login.microsoftonline.com']));
    expect(CLOUD_DEFINITIONS.dod.endpoints.map((e) => e.host)).toContain('dod-graph.microsoft.us');
    const critical = (c: keyof typeof CLOUD_DEFINITIONS) => CLOUD_DEFINITIONS[c].endpoints.filter((e) => e.critical).map((e) => e.host);
    expect(critical('worldwide')).toEqual(expect.arrayContaining(['device.login.microsoftonline.com', 'enterpriseregistration.windows.net']));
    expect(critical('dod')).toContain('certauth.login.microsoftonline.us');
  });

  it('the call chooses over the config, the config over the default; a bad cloud is bad input', () => {
    expect(networkSettings({ config: {} }).cloud.id).toBe('worldwide');
    expect(networkSettings({ config: { network: { cloud: 'dod' } } }).cloud.id).toBe('dod');
    expect(networkSettings({ config: { network: { cloud: 'dod' } } }, 'gcch').endpoints[0]!.host).toBe('login.microsoftonline.us');
    expect(() => networkSettings({ config: { network: { cloud: 'mars' } } })).toThrow(/config network\.cloud/);
    expect(() => networkSettings({ config: { network: { endpoints: [{ host: 'a b' }] } } })).toThrow(/endpoints\.0\.host/);
  });

  it('GCC High and DoD have no public media relay: no UDP probe unless configured', () => {
    expect(networkSettings({ config: {} }, 'gcch').udp).toBeUndefined();
    expect(networkSettings({ config: {} }).udp).toEqual({ host: 'worldaz.tr.teams.microsoft.com', ports: [3478, 3479, 3480, 3481] });
  });
});

describe('proxy rules', () => {
  it('bypass lists per style', () => {
    expect(bypasses('intranet', 443, ['<local>'], 'wininet')).toBe(true);
    expect(bypasses('login.microsoftonline.com', 443, ['<local>'], 'wininet')).toBe(false);
    expect(bypasses('aadcdn.msauth.net', 443, ['*.msauth.net'], 'wininet')).toBe(true);
    expect(bypasses('login.microsoftonline.com', 443, ['.microsoftonline.com'], 'env')).toBe(true);
    expect(bypasses('login.microsoftonline.com', 443, ['microsoftonline.com'], 'wininet')).toBe(false);
    expect(bypasses('10.1.2.3', 443, ['10.0.0.0/8'], 'env')).toBe(true);
    expect(bypasses('login.microsoftonline.com', 8443, ['login.microsoftonline.com:443'], 'env')).toBe(false);
  });

  it('per-scheme proxy lists and addresses; credentials are never displayed', () => {
    expect(proxyForScheme('http=a:1;https=b:2', 'https')).toBe('b:2');
    expect(proxyForScheme('a:3128', 'https')).toBe('a:3128');
    expect(parseProxyAddress('http://user:pw@proxy.contoso.com:3128')).toMatchObject({ host: 'proxy.contoso.com', port: 3128 });
    expect(parseProxyAddress('ftp://x:1')).toBeUndefined();
    expect(displayProxy('http://user:pw@proxy:3128')).toBe('http://***@proxy:3128');
  });
});
