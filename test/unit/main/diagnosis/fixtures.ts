// Findings for the causes engine's tests, made by the domains' own code where it is pure (dsregcmd
// parser + device findings on recorded outputs, the clock's skew finding, the network's
// reachability and VPN findings, the Teams log scanner on log text) and by the typed builders
// elsewhere, so the evidence really fits the schemas (each is checked with evidenceMismatch).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacFinding } from '../../../../src/shared/contract/cac';
import { deviceFinding } from '../../../../src/shared/contract/device';
import { evidenceMismatch } from '../../../../src/shared/contract/findings';
import { networkFinding, type EndpointResult } from '../../../../src/shared/contract/network';
import type { Finding } from '../../../../src/shared/model';
import { skewFinding } from '../../../../src/main/clock/clock-findings';
import { windowsFindings } from '../../../../src/main/device/device-checks';
import { parseDsregcmd } from '../../../../src/main/device/dsregcmd-parse';
import { reachabilityFindings, vpnFindings } from '../../../../src/main/network/network-findings';
import { logFindings } from '../../../../src/main/teams/teams-checks';
import { scanLogText } from '../../../../src/main/teams/log-scan';

export const NOW = new Date('2026-11-24T09:00:00Z');
const FIXTURES = join(__dirname, '../../../fixtures');

function checked(findings: Finding[]): Finding[] {
  for (const f of findings) {
    const why = evidenceMismatch(f);
    if (why) throw new Error(`test finding does not fit its schema: ${why}`);
  }
  return findings;
}

// ---- device ----
export type Dsreg = 'unregistered' | 'joined' | 'hybrid' | 'failed-auth' | 'registered';
export const dsreg = (name: Dsreg, now = NOW) => checked(windowsFindings(parseDsregcmd(readFileSync(join(FIXTURES, 'device', `dsregcmd-${name}.txt`), 'utf8')), now).findings);
export const dsregUnreadable = () => checked([deviceFinding('device.join-state', 'warn', 'Device registration could not be read', 'dsregcmd was not found', { spawnError: 'ENOENT', exitCode: null, timedOut: false })]);
export const os = (policyPlatform = 'Windows', osName = 'Windows 11 Pro', osVersion = '10.0.22631') =>
  checked([deviceFinding('device.os', 'info', `${osName} ${osVersion}`, '', { policyPlatform, osName, osVersion, source: 'test' })]);
export const macUnregistered = () =>
  checked([
    deviceFinding('device.platform-sso', 'info', 'Platform SSO: not registered', '', { deviceRegistration: 'not-registered', userRegistration: 'unknown' }),
    deviceFinding('device.company-portal', 'warn', 'Company Portal is not installed', '', { path: '/Applications/Company Portal.app', present: false }),
  ]);
export const macRegistered = () =>
  checked([
    deviceFinding('device.platform-sso', 'ok', 'Platform SSO: device registered, user registered', '', { deviceRegistration: 'registered', userRegistration: 'registered' }),
    deviceFinding('device.company-portal', 'ok', 'Company Portal is installed', '', { path: '/Applications/Company Portal.app', present: true }),
  ]);
export const linuxUnmanaged = () => checked([deviceFinding('device.linux-management', 'info', 'not managed', '', { found: [], looked: ['/opt/microsoft/intune'] })]);

// ---- clock ----
export const clock = (offsetMs: number | undefined, autoTime: 'on' | 'off' = 'on') =>
  checked([
    skewFinding(
      {
        method: 'sntp',
        ...(offsetMs !== undefined ? { offsetMs } : {}),
        servers: [{ server: '127.0.0.1:123', host: '127.0.0.1', port: 123, status: offsetMs === undefined ? 'timeout' : 'ok', ...(offsetMs !== undefined ? { offsetMs } : {}), samples: 4 }],
        agreeing: offsetMs === undefined ? [] : ['127.0.0.1:123'],
        disagreeing: [],
        measuredAt: NOW.toISOString(),
        durationMs: 12,
      },
      { autoTime, source: 'test' },
    ),
  ]);

// ---- network ----
export function endpoint(name: string, role: string, over: Partial<EndpointResult> = {}): EndpointResult {
  return {
    name,
    host: name,
    port: 443,
    role,
    critical: role !== 'assets',
    route: { decision: 'DIRECT', source: 'env' },
    dns: { ok: true, ms: 2, addresses: ['20.190.160.1'] },
    tcp: { ok: true, ms: 12, address: '20.190.160.1' },
    tls: { ok: true, chain: [], publicTrust: true, intercepted: false, protocol: 'TLSv1.3' },
    ok: true,
    ms: 30,
    ...over,
  };
}
const SIGN_IN = ['login.microsoftonline.com', 'login.microsoft.com'];
const DEVICE = ['device.login.microsoftonline.com', 'enterpriseregistration.windows.net'];
export const intercepted = (name: string, role: string) =>
  endpoint(name, role, { tls: { ok: false, failure: 'tls-intercepted', chain: [], publicTrust: false, intercepted: true, localRoot: 'Corp Inspection Root' }, ok: false, failure: 'tls-intercepted' });
export const dnsFailed = (name: string, role: string) => endpoint(name, role, { dns: { ok: false, failure: 'dns-not-found', addresses: [] }, tcp: { ok: false, skipped: 'no address' }, tls: { ok: false, chain: [], skipped: 'no address' }, ok: false, failure: 'dns-not-found' });
export const refused = (name: string, role: string) => endpoint(name, role, { tcp: { ok: false, failure: 'refused' }, tls: { ok: false, chain: [], skipped: 'no connection' }, ok: false, failure: 'refused' });
export const proxy407 = (name: string, role: string) =>
  endpoint(name, role, { route: { decision: 'PROXY proxy.corp:8080', proxy: 'proxy.corp:8080', source: 'wininet' }, connect: { ok: false, status: 407, failure: 'proxy-auth-required' }, tls: { ok: false, chain: [], skipped: 'no tunnel' }, ok: false, failure: 'proxy-auth-required' });
export const tlsFailed = (name: string, role: string) => endpoint(name, role, { tls: { ok: false, failure: 'tls-failed', chain: [], error: 'handshake failure' }, ok: false, failure: 'tls-failed' });

export function reach(replace: Record<string, EndpointResult> = {}): Finding[] {
  const list = [...SIGN_IN.map((h) => endpoint(h, 'sign-in')), ...DEVICE.map((h) => endpoint(h, 'device')), endpoint('aadcdn.msauth.net', 'assets')].map((e) => replace[e.name] ?? e);
  return checked(reachabilityFindings({ cloud: 'worldwide', cloudLabel: 'Worldwide / GCC', endpoints: list, durationMs: 100, probeMsSum: 300, udp: [] }));
}
/** A cloud whose certificate sign-in host is probed (US Government). */
export function reachGov(certauth: EndpointResult = endpoint('certauth.login.microsoftonline.us', 'cac')): Finding[] {
  const list = [endpoint('login.microsoftonline.us', 'sign-in'), certauth];
  return checked(reachabilityFindings({ cloud: 'dod', cloudLabel: 'DoD', endpoints: list, durationMs: 100, probeMsSum: 300, udp: [] }));
}
export const vpnUp = () => checked(vpnFindings({ detected: true, interfaces: [{ name: 'tun0', label: 'OpenVPN', reason: 'tunnel interface', addresses: ['10.8.0.2'] }] }));
export const vpnNone = () => checked(vpnFindings({ detected: false, interfaces: [] }));
const proxySource = { source: 'wininet' as const, label: 'Windows user proxy (WinINET)', mode: 'manual' as const, httpsProxy: 'proxy.corp:8080', bypass: [] };
export const proxyWin = (winhttp: string) =>
  checked([
    networkFinding('network.proxy', 'info', 'Sign-in traffic goes through a proxy', '', { primary: 'wininet', sources: [proxySource], decisions: SIGN_IN.map((host) => ({ url: `https://${host}/`, host, ours: 'PROXY proxy.corp:8080', source: 'wininet', winhttp })) }, ['network.proxy-bypass-add', 'network.proxy-disable']),
    ...(winhttp !== 'PROXY proxy.corp:8080' ? [networkFinding('network.proxy-mismatch', 'warn', 'Browser proxy (WinINET) and system proxy (WinHTTP) disagree', '', { differing: SIGN_IN.map((host) => ({ host, wininet: 'PROXY proxy.corp:8080', winhttp })) })] : []),
  ]);

// ---- smart card ----
const CERT = { slot: '9a' as const, subject: 'CN=DOE.JOHN.Q.1234567890', notBefore: '2023-01-01T00:00:00Z', notAfter: '2026-01-01T00:00:00Z', sha1: 'ab'.repeat(20) };
export const cacService = () => cacFinding('cac.service', 'ok', 'Smart card service is running', '', { binding: 'smartcard' });
export const cardRemoved = () => checked([cacService(), cacFinding('cac.readers', 'ok', '1 reader(s) attached', '', { readers: [{ name: 'Reader 0', cardPresent: true }] }), cacFinding('cac.card', 'fail', 'Card could not be read: Card removed', '', { code: 'card-removed', advice: ['Insert it again'] })]);
export const noCard = () => checked([cacService(), cacFinding('cac.readers', 'ok', '1 reader(s) attached', '', { readers: [{ name: 'Reader 0', cardPresent: false }] }), cacFinding('cac.card', 'info', 'No card in the reader', '', {})]);
export const noReader = () => checked([cacService(), cacFinding('cac.readers', 'info', 'No smart card reader attached', '', {})]);
export const cardOk = () =>
  checked([
    cacService(),
    cacFinding('cac.readers', 'ok', '1 reader(s) attached', '', { readers: [{ name: 'Reader 0', cardPresent: true }] }),
    cacFinding('cac.card', 'ok', 'Card read (PIV): 3 certificate(s)', '', { atr: '3B', slots: [{ slot: '9a', status: 'present', subject: CERT.subject, notAfter: '2028-01-01T00:00:00Z', sha1: CERT.sha1 }] }),
  ]);
export const cardExpired = () => checked([...cardOk().map((f) => f), cacFinding('cac.cert-expired-9a', 'fail', 'PIV Authentication certificate expired', '', CERT)]);
export const chainNotDod = () => checked([...cardOk(), cacFinding('cac.chain-not-dod-9a', 'warn', 'Chain does not end at a DoD root', '', { ...CERT, notAfter: '2028-01-01T00:00:00Z', path: ['CN=DOE', 'CN=DOD ID CA-70'], guidance: 'Import the DoD roots' }, ['cac.import-dod-roots'])]);
export const serviceDown = () => checked([cacFinding('cac.service', 'warn', 'Smart card service: no service', '', { binding: 'smartcard', code: '8010001D', advice: ['Start pcscd'] }, ['cac.restart-service'])]);
export const bindingMissing = () => checked([cacFinding('cac.binding-missing', 'warn', 'Smart card checks unavailable', '', { reason: 'not-installed', binding: 'smartcard', advice: ['Install it'] })]);

// ---- Teams logs ----
export const LOG_FILE = '/home/u/.config/teams/Logs/MSTeams_2026-11-24_06-00-00.00.log';
export const newTeamsLine = (time: string, body: string) => `${time} 0x00002a10 <ERR> AuthenticationService: ${body}`;
export function teamsLogs(lines: string[]): Finding[] {
  return checked(logFindings(scanLogText(lines.join('\n'), 'new', LOG_FILE), 1));
}
export const logsClean = () => checked(logFindings([], 3));
