// rankCauses, table-driven: each scenario is an error (pasted text through the explainer, or the
// Teams log path) and findings made by the domains' code; it asserts the exact order of the cause
// ids with their strengths, the fixes offered and the fixes never offered. Then the rules the
// engine must never break, checked over every scenario.
import { describe, expect, it } from 'vitest';
import { DiagnosisResultSchema, type DiagnosisResult } from '../../../../src/shared/contract/diagnosis';
import type { FixId } from '../../../../src/shared/contract/fixes';
import { CAUSE_RULES, ERROR_FAMILIES, LOCAL_RESETS } from '../../../../src/shared/knowledge/causes';
import type { Finding } from '../../../../src/shared/model';
import { errorFromLogs } from '../../../../src/main/diagnosis/error-from-logs';
import { errorFromText } from '../../../../src/main/diagnosis/error-from-text';
import { rankCauses } from '../../../../src/main/diagnosis/rank-causes';
import * as F from './fixtures';

const CID = '3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b';
const pasted = (code: string, extra = '') => `AADSTS${code}: the sign-in failed.\nCorrelation ID: ${CID}\nTimestamp: 2026-11-24T06:41:12Z\n${extra}`;
const wam = (code: string) => `We couldn't sign you in. Error code: ${code}\nCorrelation ID: ${CID}`;
const MIN = 60_000;
const fineWin = () => [...F.dsreg('joined'), ...F.os(), ...F.clock(200), ...F.vpnNone(), ...F.reach()];
const CA_LINE = (t: string) => F.newTeamsLine(t, `acquireToken failed: {"error":"interaction_required","error_description":"AADSTS53003: Access has been blocked by Conditional Access policies. Correlation ID: ${CID}","error_codes":[53003]}`);
const LOOP_LINE = (t: string, code = 'AADSTS700082') => F.newTeamsLine(t, `AcquireTokenSilently failed with ${code}, status: InteractionRequired. Correlation ID: 7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f`);
const loopLogs = (code?: string) => F.teamsLogs([LOOP_LINE('2026-11-24T06:40:01.000000Z', code), LOOP_LINE('2026-11-24T06:40:31.000000Z', code), LOOP_LINE('2026-11-24T06:41:01.000000Z', code)]);

interface Scenario {
  name: string;
  /** Pasted text, 'logs' (the newest recent failure in the Teams log findings) or none. */
  error?: string | 'logs';
  findings: Finding[];
  /** Every cause, in order, as id:strength. */
  expect: string[];
  fixes?: Record<string, FixId[]>;
  never?: FixId[];
  /** [cause id, text one of its `because` facts contains]. */
  because?: Array<[string, string]>;
  /** [cause id, text one of its IT actions contains]. */
  it?: Array<[string, string]>;
  title?: [string, string];
}

const S: Scenario[] = [
  // ---- Conditional Access: device registration / compliance ----
  {
    name: '53003 + dsregcmd all NO: device registration strong first, no cache clear',
    error: pasted('53003'),
    findings: [...F.dsreg('unregistered'), ...F.os(), ...F.clock(200), ...F.vpnNone(), ...F.reach()],
    expect: ['device-registration:strong', 'vpn-location:possible', 'ca-not-visible:possible', 'clock-skew:ruled-out', 'device-tls-inspection:ruled-out'],
    never: [...LOCAL_RESETS],
    because: [['device-registration', 'AzureAdJoined NO'], ['clock-skew', '0.2 s']],
    it: [['ca-not-visible', CID]],
  },
  {
    name: '53003 with everything local fine: "not visible from this computer" leads with the Correlation ID; clock and network ruled out with values',
    error: pasted('53003'),
    findings: fineWin(),
    expect: ['ca-not-visible:possible', 'vpn-location:possible', 'device-compliance:possible', 'clock-skew:ruled-out', 'device-registration:ruled-out', 'device-auth:ruled-out', 'device-tls-inspection:ruled-out'],
    never: [...LOCAL_RESETS],
    because: [['clock-skew', 'Clock 0.2 s slow'], ['device-tls-inspection', 'publicly trusted'], ['device-registration', 'AzureAdJoined YES']],
    it: [['ca-not-visible', `Correlation ID ${CID} (at 2026-11-24T06:41:12.000Z UTC)`], ['ca-not-visible', 'Conditional Access tab'], ['ca-not-visible', 'What If']],
  },
  {
    name: '53003 + DeviceAuthStatus FAILED and no PRT: device authentication strong',
    error: pasted('53003'),
    findings: [...F.dsreg('failed-auth'), ...F.os(), ...F.clock(200), ...F.vpnNone(), ...F.reach()],
    expect: ['device-auth:strong', 'vpn-location:possible', 'device-compliance:possible', 'ca-not-visible:possible', 'clock-skew:ruled-out', 'device-registration:ruled-out', 'device-tls-inspection:ruled-out'],
    because: [['device-auth', 'DeviceAuthStatus: FAILED'], ['device-auth', 'AzureAdPrt: NO']],
    never: [...LOCAL_RESETS],
  },
  {
    name: '53003 + TLS inspection of the device hosts: inspection strong',
    error: pasted('53003'),
    findings: [...F.dsreg('joined'), ...F.os(), ...F.clock(200), ...F.vpnNone(), ...F.reach({ 'device.login.microsoftonline.com': F.intercepted('device.login.microsoftonline.com', 'device'), 'enterpriseregistration.windows.net': F.intercepted('enterpriseregistration.windows.net', 'device') })],
    expect: ['device-tls-inspection:strong', 'vpn-location:possible', 'device-compliance:possible', 'ca-not-visible:possible', 'clock-skew:ruled-out', 'device-registration:ruled-out', 'device-auth:ruled-out'],
    because: [['device-tls-inspection', 'device.login.microsoftonline.com is intercepted']],
    fixes: { 'device-tls-inspection': [] },
  },
  {
    name: '53003 + a VPN up: location possible with the adapter named, nothing strong',
    error: pasted('53003'),
    findings: [...F.dsreg('joined'), ...F.os(), ...F.clock(200), ...F.vpnUp(), ...F.reach()],
    expect: ['ca-not-visible:possible', 'vpn-location:possible', 'device-compliance:possible', 'clock-skew:ruled-out', 'device-registration:ruled-out', 'device-auth:ruled-out', 'device-tls-inspection:ruled-out'],
    because: [['vpn-location', 'OpenVPN']],
  },
  {
    name: '53003 on unmanaged Linux: registration and compliance strong, platform possible',
    error: pasted('53003'),
    findings: [...F.linuxUnmanaged(), ...F.os('Linux', 'Ubuntu', '24.04'), ...F.clock(200), ...F.vpnNone(), ...F.reach()],
    expect: ['device-registration:strong', 'device-compliance:strong', 'vpn-location:possible', 'platform:possible', 'ca-not-visible:possible', 'clock-skew:ruled-out', 'device-tls-inspection:ruled-out'],
    never: [...LOCAL_RESETS],
  },
  {
    name: '53003 on a Mac without Platform SSO or Company Portal',
    error: pasted('53003'),
    findings: [...F.macUnregistered(), ...F.os('macOS', 'macOS', '14.5'), ...F.clock(200), ...F.vpnNone(), ...F.reach()],
    expect: ['device-registration:strong', 'device-compliance:strong', 'vpn-location:possible', 'ca-not-visible:possible', 'clock-skew:ruled-out', 'device-tls-inspection:ruled-out'],
    because: [['device-compliance', 'Company Portal is not installed']],
  },
  {
    name: '53003 on a registered Mac: registration ruled out with Platform SSO',
    error: pasted('53003'),
    findings: [...F.macRegistered(), ...F.os('macOS', 'macOS', '14.5'), ...F.clock(200), ...F.vpnNone(), ...F.reach()],
    expect: ['ca-not-visible:possible', 'vpn-location:possible', 'device-compliance:possible', 'clock-skew:ruled-out', 'device-registration:ruled-out', 'device-auth:ruled-out', 'device-tls-inspection:ruled-out'],
  },
  {
    name: '53003 when dsregcmd could not be read: device causes only possible ("could not read" is no evidence)',
    error: pasted('53003'),
    findings: [...F.dsregUnreadable(), ...F.clock(200), ...F.vpnNone(), ...F.reach()],
    expect: ['ca-not-visible:possible', 'vpn-location:possible', 'device-registration:possible', 'device-compliance:possible', 'device-auth:possible', 'clock-skew:ruled-out', 'device-tls-inspection:ruled-out'],
    because: [['device-registration', 'could not be read (ENOENT)']],
  },
  {
    name: '53003 with "Device identifier: Not available" on the error page and no device check: possible, not strong (the error\'s words are not a measurement)',
    error: `Error code: 53003\nCorrelation ID: ${CID}\nDevice identifier: Not available\n`,
    findings: [...F.clock(200), ...F.vpnNone(), ...F.reach()],
    expect: ['ca-not-visible:possible', 'vpn-location:possible', 'device-registration:possible', 'device-compliance:possible', 'device-auth:possible', 'clock-skew:ruled-out', 'device-tls-inspection:ruled-out'],
    because: [['device-registration', 'Device identifier: Not available']],
  },
  {
    name: '53003 + clock 7 min off: the clock is a doubt for a policy block, never strong',
    error: pasted('53003'),
    findings: [...F.dsreg('joined'), ...F.os(), ...F.clock(7 * MIN), ...F.vpnNone(), ...F.reach()],
    expect: ['ca-not-visible:possible', 'clock-skew:possible', 'vpn-location:possible', 'device-compliance:possible', 'device-registration:ruled-out', 'device-auth:ruled-out', 'device-tls-inspection:ruled-out'],
    fixes: { 'clock-skew': ['clock.resync'] },
  },
  {
    name: '53003 from the Teams logs: the error is the log failure (file, time, Correlation ID)',
    error: 'logs',
    findings: [...F.teamsLogs([CA_LINE('2026-11-24T06:41:12.345000Z')]), ...fineWin()],
    expect: ['ca-not-visible:possible', 'vpn-location:possible', 'device-compliance:possible', 'clock-skew:ruled-out', 'device-registration:ruled-out', 'device-auth:ruled-out', 'device-tls-inspection:ruled-out'],
    never: [...LOCAL_RESETS],
    because: [['ca-not-visible', F.LOG_FILE]],
    it: [['ca-not-visible', CID]],
  },
  {
    name: '50131 is a Conditional Access block too',
    error: pasted('50131'),
    findings: [...F.dsreg('unregistered'), ...F.os(), ...F.clock(200), ...F.vpnNone(), ...F.reach()],
    expect: ['device-registration:strong', 'vpn-location:possible', 'ca-not-visible:possible', 'clock-skew:ruled-out', 'device-tls-inspection:ruled-out'],
    never: [...LOCAL_RESETS],
  },
  {
    name: '53000 on a joined Windows PC: compliance possible, the server-side lookup leads',
    error: pasted('53000'),
    findings: fineWin(),
    expect: ['ca-not-visible:possible', 'device-compliance:possible', 'clock-skew:ruled-out', 'device-registration:ruled-out', 'device-auth:ruled-out', 'device-tls-inspection:ruled-out'],
    never: [...LOCAL_RESETS],
  },
  {
    name: '53000 on a Mac without Company Portal: compliance strong',
    error: pasted('53000'),
    findings: [...F.macUnregistered(), ...F.os('macOS', 'macOS', '14.5'), ...F.clock(200), ...F.reach()],
    expect: ['device-registration:strong', 'device-compliance:strong', 'ca-not-visible:possible', 'clock-skew:ruled-out', 'device-tls-inspection:ruled-out'],
  },
  {
    name: '53001 on an Entra-joined PC that is not domain joined: hybrid join strong',
    error: pasted('53001'),
    findings: fineWin(),
    expect: ['hybrid-join:strong', 'ca-not-visible:possible', 'clock-skew:ruled-out', 'device-auth:ruled-out', 'device-tls-inspection:ruled-out'],
    because: [['hybrid-join', 'DomainJoined NO']],
  },
  {
    name: '53001 on a hybrid-joined PC: hybrid join ruled out',
    error: pasted('53001'),
    findings: [...F.dsreg('hybrid'), ...F.os(), ...F.clock(200), ...F.reach()],
    expect: ['ca-not-visible:possible', 'clock-skew:ruled-out', 'device-auth:ruled-out', 'hybrid-join:ruled-out', 'device-tls-inspection:ruled-out'],
  },
  {
    name: '50005 from Linux: the measured platform is strong',
    error: pasted('50005'),
    findings: [...F.os('Linux', 'Fedora', '40'), ...F.clock(200)],
    expect: ['platform:strong', 'ca-not-visible:possible'],
    because: [['platform', 'Linux']],
  },
  {
    name: '53002 naming the app: client app possible (from the error, so never strong)',
    error: pasted('53002', 'App name: Google Chrome'),
    findings: fineWin(),
    expect: ['ca-not-visible:possible', 'client-app:possible'],
    because: [['client-app', 'Google Chrome']],
  },
  // ---- device authentication and PRT ----
  {
    name: '50097 + DeviceAuthStatus FAILED: device authentication strong',
    error: pasted('50097'),
    findings: [...F.dsreg('failed-auth'), ...F.os(), ...F.clock(200), ...F.reach()],
    expect: ['device-auth:strong', 'device-object-server-side:possible', 'clock-skew:ruled-out', 'device-registration:ruled-out', 'device-tls-inspection:ruled-out'],
  },
  {
    name: '50097 + clock 7 min off on a joined PC: the clock is strong',
    error: pasted('50097'),
    findings: [...F.dsreg('joined'), ...F.os(), ...F.clock(7 * MIN), ...F.reach()],
    expect: ['clock-skew:strong', 'device-object-server-side:possible', 'device-auth:ruled-out', 'device-registration:ruled-out', 'device-tls-inspection:ruled-out'],
    fixes: { 'clock-skew': ['clock.resync'] },
  },
  {
    name: '135011 + TLS inspection of the device hosts',
    error: pasted('135011'),
    findings: [...F.dsreg('joined'), ...F.clock(200), ...F.reach({ 'enterpriseregistration.windows.net': F.intercepted('enterpriseregistration.windows.net', 'device') })],
    expect: ['device-tls-inspection:strong', 'device-object-server-side:possible', 'clock-skew:ruled-out', 'device-auth:ruled-out', 'device-registration:ruled-out'],
  },
  {
    name: 'WAM 0xCAA5004B (no device info) on an unregistered PC: registration strong',
    error: wam('0xCAA5004B'),
    findings: [...F.dsreg('unregistered'), ...F.clock(200), ...F.reach()],
    expect: ['device-registration:strong', 'device-object-server-side:possible', 'clock-skew:ruled-out', 'device-tls-inspection:ruled-out'],
  },
  // ---- certificate / CAC ----
  {
    name: '50017 + card removed: CAC strong',
    error: pasted('50017'),
    findings: [...F.cardRemoved(), ...F.clock(200)],
    expect: ['card-or-reader:strong', 'card-certificate:possible', 'card-chain:possible', 'certauth-tls-inspection:possible', 'cert-auth-server-config:possible', 'card-service:ruled-out'],
    because: [['card-or-reader', 'removed']],
    never: [...LOCAL_RESETS],
  },
  {
    name: '50192 + no card in the reader',
    error: pasted('50192'),
    findings: F.noCard(),
    expect: ['card-or-reader:strong', 'card-certificate:possible', 'card-chain:possible', 'certauth-tls-inspection:possible', 'cert-auth-server-config:possible', 'card-service:ruled-out'],
    because: [['card-or-reader', 'No card is in the reader']],
  },
  {
    name: '50192 + no reader attached',
    error: pasted('50192'),
    findings: F.noReader(),
    expect: ['card-or-reader:strong', 'card-certificate:possible', 'card-chain:possible', 'certauth-tls-inspection:possible', 'cert-auth-server-config:possible', 'card-service:ruled-out'],
    because: [['card-or-reader', 'No smart card reader']],
  },
  {
    name: '50192 + card fine + TLS inspection of the cert-auth host: inspection strong',
    error: pasted('50192'),
    findings: [...F.cardOk(), ...F.reachGov(F.intercepted('certauth.login.microsoftonline.us', 'cac'))],
    expect: ['certauth-tls-inspection:strong', 'cert-auth-server-config:possible', 'card-or-reader:ruled-out', 'card-service:ruled-out', 'card-certificate:ruled-out', 'card-chain:ruled-out'],
    because: [['certauth-tls-inspection', 'certauth.login.microsoftonline.us']],
  },
  {
    name: '50017 + expired PIV certificate',
    error: pasted('50017'),
    findings: F.cardExpired(),
    expect: ['card-certificate:strong', 'certauth-tls-inspection:possible', 'cert-auth-server-config:possible', 'card-or-reader:ruled-out', 'card-service:ruled-out', 'card-chain:ruled-out'],
  },
  {
    name: '50017 + chain not to a DoD root: the roots import is offered',
    error: pasted('50017'),
    findings: F.chainNotDod(),
    expect: ['card-chain:strong', 'certauth-tls-inspection:possible', 'cert-auth-server-config:possible', 'card-or-reader:ruled-out', 'card-service:ruled-out', 'card-certificate:ruled-out'],
    fixes: { 'card-chain': ['cac.import-dod-roots'] },
  },
  {
    name: '50192 + smart card service down: restart offered',
    error: pasted('50192'),
    findings: F.serviceDown(),
    expect: ['card-service:strong', 'card-or-reader:possible', 'card-certificate:possible', 'card-chain:possible', 'certauth-tls-inspection:possible', 'cert-auth-server-config:possible'],
    fixes: { 'card-service': ['cac.restart-service'] },
  },
  {
    name: '50192 without the PC/SC binding: nothing strong',
    error: pasted('50192'),
    findings: F.bindingMissing(),
    expect: ['card-or-reader:possible', 'card-service:possible', 'card-certificate:possible', 'card-chain:possible', 'certauth-tls-inspection:possible', 'cert-auth-server-config:possible'],
  },
  {
    name: 'a PC/SC code (0x80100069 card removed) pasted + card removed',
    error: 'Smart card error 0x80100069 while signing in',
    findings: F.cardRemoved(),
    expect: ['card-or-reader:strong', 'card-certificate:possible', 'card-chain:possible', 'certauth-tls-inspection:possible', 'cert-auth-server-config:possible', 'card-service:ruled-out'],
  },
  // ---- stale tokens and loops ----
  {
    name: '700082 repeating in the Teams logs: the loop is strong, sign-in reset then cache clear',
    error: 'logs',
    findings: [...loopLogs(), ...F.clock(200)],
    expect: ['signin-loop:strong', 'sign-in-again:possible', 'clock-skew:ruled-out'],
    fixes: { 'signin-loop': ['teams.signin-reset', 'teams.cache-clear'] },
    because: [['signin-loop', '3 stale sign-in failures']],
  },
  {
    name: '700082 once, logs clean: sign in again leads; the loop ruled out, no repair offered',
    error: pasted('700082'),
    findings: [...F.logsClean(), ...F.clock(200)],
    expect: ['sign-in-again:possible', 'signin-loop:ruled-out', 'clock-skew:ruled-out'],
    never: [...LOCAL_RESETS],
  },
  {
    name: '700082 with the logs and clock not checked: both possible, the loop repairs offered in order',
    error: pasted('700082'),
    findings: [],
    expect: ['sign-in-again:possible', 'signin-loop:possible', 'clock-skew:possible'],
    fixes: { 'signin-loop': ['teams.signin-reset', 'teams.cache-clear'], 'clock-skew': [] },
  },
  {
    name: 'WAM 0xCAA2000B repeating in the logs: loop strong',
    error: 'logs',
    findings: [...loopLogs('0xCAA2000B'), ...F.clock(200)],
    expect: ['signin-loop:strong', 'sign-in-again:possible', 'clock-skew:ruled-out'],
  },
  {
    name: '50173 + clock 2 h off: the clock is strong, the loop possible',
    error: pasted('50173'),
    findings: F.clock(2 * 60 * MIN, 'off'),
    expect: ['clock-skew:strong', 'signin-loop:possible', 'sign-in-again:possible'],
    fixes: { 'clock-skew': ['clock.auto-time-on', 'clock.resync'] },
  },
  // ---- Kerberos and the clock ----
  {
    name: '81010 + clock 7 min off: clock strong',
    error: pasted('81010'),
    findings: [...F.dsreg('hybrid'), ...F.clock(7 * MIN)],
    expect: ['clock-skew:strong', 'kerberos-server-side:possible', 'device-auth:ruled-out'],
    because: [['clock-skew', '7 minutes slow']],
  },
  {
    name: '81010 + clock 0.2 s off: clock ruled out with the value',
    error: pasted('81010'),
    findings: [...F.dsreg('hybrid'), ...F.clock(-200)],
    expect: ['kerberos-server-side:possible', 'clock-skew:ruled-out', 'device-auth:ruled-out'],
    because: [['clock-skew', '0.2 s fast']],
  },
  {
    name: '700024 + clock 10 min fast: clock strong',
    error: pasted('700024'),
    findings: F.clock(-10 * MIN),
    expect: ['clock-skew:strong', 'issuer-clock:possible'],
  },
  {
    name: '700024 with the clock unmeasurable: possible only',
    error: pasted('700024'),
    findings: F.clock(undefined),
    expect: ['clock-skew:possible', 'issuer-clock:possible'],
    because: [['clock-skew', 'could not be measured']],
  },
  // ---- network / proxy / TLS ----
  {
    name: '0xCAA82EE2 + WinINET/WinHTTP mismatch: proxy cause strong',
    error: wam('0xCAA82EE2'),
    findings: [...F.proxyWin('DIRECT'), ...F.vpnNone(), ...F.reach(), ...F.clock(200)],
    expect: ['proxy-mismatch:strong', 'network-path:possible', 'dns:ruled-out', 'unreachable:ruled-out', 'tls-failed:ruled-out', 'proxy-auth:ruled-out', 'tls-inspection:ruled-out'],
    because: [['proxy-mismatch', 'WinHTTP) DIRECT']],
  },
  {
    name: '0xCAA82EE7 + DNS failure: DNS strong with the flush',
    error: wam('0xCAA82EE7'),
    findings: [...F.vpnNone(), ...F.reach({ 'login.microsoftonline.com': F.dnsFailed('login.microsoftonline.com', 'sign-in'), 'login.microsoft.com': F.dnsFailed('login.microsoft.com', 'sign-in') })],
    expect: ['dns:strong', 'unreachable:possible', 'tls-failed:possible', 'proxy-mismatch:possible', 'proxy-auth:possible', 'tls-inspection:possible', 'network-path:possible'],
    fixes: { dns: ['network.dns-flush'] },
  },
  {
    name: 'WinHTTP 0x80072EFD + connection refused: unreachable strong, the agreeing proxies ruled out',
    error: 'Teams: WinHttpSendRequest failed 0x80072EFD',
    findings: [...F.proxyWin('PROXY proxy.corp:8080'), ...F.vpnNone(), ...F.reach({ 'login.microsoftonline.com': F.refused('login.microsoftonline.com', 'sign-in'), 'login.microsoft.com': F.refused('login.microsoft.com', 'sign-in') })],
    expect: ['unreachable:strong', 'tls-failed:possible', 'proxy-auth:possible', 'tls-inspection:possible', 'network-path:possible', 'dns:ruled-out', 'proxy-mismatch:ruled-out'],
  },
  {
    name: '0xCAA82F8F (secure channel) + clock 2 h off: clock strong',
    error: wam('0xCAA82F8F'),
    findings: [...F.vpnNone(), ...F.reach(), ...F.clock(2 * 60 * MIN)],
    expect: ['clock-skew:strong', 'proxy-mismatch:possible', 'network-path:possible', 'dns:ruled-out', 'unreachable:ruled-out', 'tls-failed:ruled-out', 'proxy-auth:ruled-out', 'tls-inspection:ruled-out'],
  },
  {
    name: '0xCAA82EE2 (timeout) + clock 2 h off: the clock is not a cause of a timeout',
    error: wam('0xCAA82EE2'),
    findings: [...F.proxyWin('PROXY proxy.corp:8080'), ...F.vpnNone(), ...F.reach(), ...F.clock(2 * 60 * MIN)],
    expect: ['network-path:possible', 'dns:ruled-out', 'unreachable:ruled-out', 'tls-failed:ruled-out', 'proxy-mismatch:ruled-out', 'proxy-auth:ruled-out', 'tls-inspection:ruled-out'],
  },
  {
    name: '0xCAA82EFD + proxy 407: proxy authentication strong',
    error: wam('0xCAA82EFD'),
    findings: [...F.vpnNone(), ...F.reach({ 'login.microsoftonline.com': F.proxy407('login.microsoftonline.com', 'sign-in'), 'login.microsoft.com': F.proxy407('login.microsoft.com', 'sign-in') })],
    expect: ['proxy-auth:strong', 'tls-failed:possible', 'proxy-mismatch:possible', 'tls-inspection:possible', 'network-path:possible', 'dns:ruled-out', 'unreachable:ruled-out'],
  },
  {
    name: '0xCAA82F8F + TLS inspection of the sign-in hosts',
    error: wam('0xCAA82F8F'),
    findings: [...F.vpnUp(), ...F.reach({ 'login.microsoftonline.com': F.intercepted('login.microsoftonline.com', 'sign-in') }), ...F.clock(200)],
    expect: ['tls-inspection:strong', 'vpn-location:possible', 'proxy-mismatch:possible', 'network-path:possible', 'dns:ruled-out', 'clock-skew:ruled-out', 'unreachable:ruled-out', 'tls-failed:ruled-out', 'proxy-auth:ruled-out'],
  },
  // ---- account, MFA, service ----
  {
    name: '50126: the account, no local fix (even with local faults)',
    error: pasted('50126'),
    findings: [...F.clock(7 * MIN), ...loopLogs(), ...F.proxyWin('DIRECT')],
    expect: ['account:possible'],
    never: [...LOCAL_RESETS, 'clock.resync'],
    title: ['account', 'The user name or password is wrong'],
  },
  {
    name: '50053: the account is locked',
    error: pasted('50053'),
    findings: fineWin(),
    expect: ['account:possible'],
    title: ['account', 'locked'],
  },
  {
    name: '50076 + clock 7 min off: MFA; the clock of this computer is not a cause',
    error: pasted('50076'),
    findings: [...F.clock(7 * MIN), ...loopLogs()],
    expect: ['mfa:possible'],
    never: [...LOCAL_RESETS, 'clock.resync'],
  },
  {
    name: '500121: MFA not completed',
    error: pasted('500121'),
    findings: fineWin(),
    expect: ['mfa:possible'],
  },
  {
    name: '90033: service side, IT quotes the Correlation ID',
    error: pasted('90033'),
    findings: fineWin(),
    expect: ['service-side:possible'],
    it: [['service-side', CID]],
  },
  // ---- codes the catalog explains that no family of causes covers ----
  {
    name: "700054 (the app's registration): the catalog's meaning and the developer, no local cause, no repair",
    error: pasted('700054'),
    findings: [...F.clock(2 * 60 * MIN), ...F.dsreg('unregistered')],
    expect: ['code-explained:possible'],
    never: [...LOCAL_RESETS, 'clock.resync'],
    it: [['code-explained', CID], ['code-explained', "app's developer"]],
    title: ['code-explained', "AADSTS700054 (id_token response type not enabled): the app's developer must fix it"],
  },
  {
    name: '700016 (app not in the tenant): IT, with the catalog entry',
    error: pasted('700016'),
    findings: fineWin(),
    expect: ['code-explained:possible'],
    never: [...LOCAL_RESETS],
    it: [['code-explained', 'application ID'], ['code-explained', CID]],
    title: ['code-explained', 'your IT admin must fix it'],
  },
  {
    name: '120000 (password change): the catalog entry, no local repair',
    error: pasted('120000'),
    findings: fineWin(),
    expect: ['code-explained:possible'],
    never: [...LOCAL_RESETS],
    it: [['code-explained', CID]],
  },
  // ---- unknown, none, several ----
  {
    name: 'an unknown code: no guessed cause, even with a clock 2 h off',
    error: pasted('99999'),
    findings: [...F.clock(2 * 60 * MIN), ...F.dsreg('unregistered')],
    expect: ['unknown-code:possible'],
    never: [...LOCAL_RESETS, 'clock.resync'],
    it: [['unknown-code', CID]],
  },
  {
    name: 'no error + clock 2 h off: the clock, by measured faults alone',
    findings: [...fineWin().filter((f) => f.id !== 'clock.skew'), ...F.clock(2 * 60 * MIN)],
    expect: ['clock-skew:strong'],
  },
  {
    name: 'no error and everything fine: no cause',
    findings: fineWin(),
    expect: [],
  },
  {
    name: 'no error + unregistered + proxy mismatch: both measured faults, the user-actionable first',
    findings: [...F.dsreg('unregistered'), ...F.proxyWin('DIRECT'), ...F.clock(200), ...F.reach()],
    expect: ['device-registration:strong', 'proxy-mismatch:strong'],
  },
  {
    name: 'no error + a loop in the logs: the loop with its repairs',
    findings: [...loopLogs(), ...F.clock(200)],
    expect: ['signin-loop:strong'],
    fixes: { 'signin-loop': ['teams.signin-reset', 'teams.cache-clear'] },
  },
  {
    name: 'pasted text without a code + clock 2 h off: measured faults alone',
    error: 'Teams would not open this morning, please help',
    findings: F.clock(2 * 60 * MIN),
    expect: ['clock-skew:strong'],
  },
  {
    name: '53003 pasted while the logs loop on 700082: the block rules, no reset or cache clear',
    error: pasted('53003'),
    findings: [...loopLogs(), ...fineWin()],
    expect: ['ca-not-visible:possible', 'vpn-location:possible', 'device-compliance:possible', 'clock-skew:ruled-out', 'device-registration:ruled-out', 'device-auth:ruled-out', 'device-tls-inspection:ruled-out'],
    never: [...LOCAL_RESETS],
  },
  {
    name: 'several codes (50076 then 53003): the Conditional Access code leads',
    error: `AADSTS50076: MFA needed.\nAADSTS53003: blocked.\nCorrelation ID: ${CID}`,
    findings: [...F.dsreg('unregistered'), ...F.os(), ...F.clock(200), ...F.vpnNone(), ...F.reach()],
    expect: ['device-registration:strong', 'vpn-location:possible', 'ca-not-visible:possible', 'clock-skew:ruled-out', 'device-tls-inspection:ruled-out'],
  },
];

function run(s: Scenario): DiagnosisResult {
  const error = s.error === 'logs' ? errorFromLogs(s.findings, F.NOW) : s.error !== undefined ? errorFromText(s.error) : undefined;
  if (s.error === 'logs') expect(error, 'the logs hold a recent failure').toBeDefined();
  return rankCauses({ ...(error ? { error } : {}), findings: s.findings, now: F.NOW });
}

const STRENGTH_RANK = { strong: 0, possible: 1, 'ruled-out': 2 } as const;

describe('rankCauses: scenarios', () => {
  it('covers at least 40 scenarios', () => expect(S.length).toBeGreaterThanOrEqual(40));

  for (const s of S) {
    it(s.name, () => {
      const r = run(s);
      expect(DiagnosisResultSchema.parse(r)).toEqual(r);
      expect(r.causes.map((c) => `${c.id}:${c.strength}`)).toEqual(s.expect);
      for (const [id, fixes] of Object.entries(s.fixes ?? {})) expect(r.causes.find((c) => c.id === id)?.fixes, `fixes of ${id}`).toEqual(fixes);
      for (const never of s.never ?? []) expect(r.causes.flatMap((c) => c.fixes), `never ${never}`).not.toContain(never);
      for (const [id, text] of s.because ?? []) expect(r.causes.find((c) => c.id === id)?.because.map((b) => b.fact).join('\n'), `because of ${id}`).toContain(text);
      for (const [id, text] of s.it ?? []) expect(r.causes.find((c) => c.id === id)?.itActions.join('\n'), `IT actions of ${id}`).toContain(text);
      if (s.title) expect(r.causes.find((c) => c.id === s.title![0])?.title).toContain(s.title[1]);
    });
  }
});

describe('rankCauses: the rules it never breaks (every scenario)', () => {
  const results = S.map((s) => ({ s, r: run(s) }));

  it('no cache clear or sign-in reset for a Conditional Access block, an account problem or MFA', () => {
    for (const { s, r } of results) {
      const family = r.error?.family ? ERROR_FAMILIES[r.error.family as keyof typeof ERROR_FAMILIES] : undefined;
      if (!family || !(family.conditionalAccess || r.error?.family === 'account' || r.error?.family === 'mfa')) continue;
      for (const c of r.causes) for (const f of LOCAL_RESETS) expect(c.fixes, `${s.name}: ${c.id}`).not.toContain(f);
    }
    expect(results.filter(({ r }) => r.error?.family && ERROR_FAMILIES[r.error.family as keyof typeof ERROR_FAMILIES].neverFixes.length).length).toBeGreaterThan(15);
  });

  it('strong only on a measured fact of a finding that is there (never the error\'s words, never "could not read")', () => {
    for (const { s, r } of results) {
      const ids = new Set(s.findings.map((f) => f.id));
      for (const c of r.causes.filter((x) => x.strength === 'strong')) {
        const measured = c.because.filter((b) => ids.has(b.findingId) && !/could not|did not run|not checked|not read/i.test(b.fact));
        expect(measured.length, `${s.name}: ${c.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('ruled out: listed last, with a measured value, never with a repair', () => {
    for (const { s, r } of results) {
      const ranks = r.causes.map((c) => (c.strength === 'ruled-out' ? 1 : 0));
      expect([...ranks].sort(), s.name).toEqual(ranks);
      for (const c of r.causes.filter((x) => x.strength === 'ruled-out')) {
        expect(c.fixes, `${s.name}: ${c.id}`).toEqual([]);
        expect(c.because.length, `${s.name}: ${c.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('strong before possible, except that "not visible from here" leads a Conditional Access block with nothing strong', () => {
    for (const { s, r } of results) {
      const open = r.causes.filter((c) => c.strength !== 'ruled-out');
      const ordered = open.filter((c) => c.id !== 'ca-not-visible').map((c) => STRENGTH_RANK[c.strength]);
      expect([...ordered].sort(), s.name).toEqual(ordered);
      if (r.error?.family?.startsWith('ca-')) {
        const strong = open.some((c) => c.strength === 'strong');
        expect(open[0]!.id === 'ca-not-visible', s.name).toBe(!strong);
      }
    }
  });

  it('no error: only measured faults', () => {
    for (const { s, r } of results.filter(({ r }) => !r.error || !r.error.codes.length)) {
      for (const c of r.causes) expect(c.strength, `${s.name}: ${c.id}`).toBe('strong');
    }
  });
});

describe('causes data', () => {
  it('a family that forbids the local resets has no rule that offers them', () => {
    for (const [id, family] of Object.entries(ERROR_FAMILIES)) {
      if (!family.neverFixes.length) continue;
      for (const fc of family.causes) {
        const rule = CAUSE_RULES[fc.rule];
        expect([...rule.fixes, ...(rule.findingFixes ?? [])].filter((f) => family.neverFixes.includes(f)), `${id}: ${fc.rule}`).toEqual([]);
      }
    }
  });

  it('no code belongs to two families', () => {
    const seen = new Map<string, string>();
    for (const [id, family] of Object.entries(ERROR_FAMILIES)) {
      for (const [kind, codes] of Object.entries(family.codes)) {
        for (const code of codes) {
          expect(seen.get(`${kind}:${code}`), `${kind}:${code}`).toBeUndefined();
          seen.set(`${kind}:${code}`, id);
        }
      }
    }
  });
});

describe('the error', () => {
  it('from pasted text keeps codes and labelled IDs only: secrets in the text never reach the result', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const text = `AADSTS53003: blocked.\nCorrelation ID: ${CID}\nApp name: ${jwt}\nrefresh_token=0.AAAA-secretRefreshValue-Zz9\nDevice identifier: Bearer ${jwt}\npassword: Hunter2Secret!`;
    const error = errorFromText(text);
    const out = JSON.stringify(rankCauses({ error, findings: fineWin(), now: F.NOW }));
    for (const secret of [jwt, jwt.slice(0, 20), 'secretRefreshValue', 'Hunter2Secret']) expect(out).not.toContain(secret);
    expect(out).toContain(CID);
  });

  it('from the Teams logs: the newest failure of the last 7 days, with file, line and time', () => {
    const findings = F.teamsLogs([CA_LINE('2026-11-20T06:00:00.000000Z'), LOOP_LINE('2026-11-23T10:00:00.000000Z'), CA_LINE('2026-11-24T06:41:12.345000Z')]);
    const error = errorFromLogs(findings, F.NOW)!;
    expect(error.source).toMatchObject({ kind: 'teams-log', file: F.LOG_FILE, time: '2026-11-24T06:41:12.345Z', line: 3 });
    expect(error.codes.map((c) => c.code)).toEqual(['53003']);
    expect(error.correlationId).toBe(CID);
  });

  it('from the Teams logs: nothing older than 7 days', () => {
    const findings = F.teamsLogs([CA_LINE('2026-11-10T06:00:00.000000Z')]);
    expect(errorFromLogs(findings, F.NOW)).toBeUndefined();
    expect(errorFromLogs(findings, new Date('2026-11-16T06:00:00Z'))).toBeDefined();
  });

  it('WinHTTP codes are read from pasted text', () => {
    expect(errorFromText('failed with 0x80072EE2 and 0x80072f8f').codes.map((c) => `${c.family}:${c.code}:${c.known}`)).toEqual(['winhttp:80072EE2:true', 'winhttp:80072F8F:true']);
  });

  it('the verdict is one line: the code and what it means', () => {
    const r = rankCauses({ error: errorFromText(pasted('53003')), findings: [], now: F.NOW });
    expect(r.error?.verdict).toMatch(/^AADSTS53003 \(BlockedByConditionalAccess\): a Conditional Access policy .*\.$/);
    expect(r.error?.verdict).not.toContain('\n');
  });
});
