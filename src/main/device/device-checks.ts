// What a Conditional Access policy can see of this device, as findings. Windows asks
// `dsregcmd /status` (as the signed-in user: never elevated, it reports the user's PRT); macOS
// asks `app-sso platform -s` and looks for Company Portal; Linux looks for Intune / the Microsoft
// Identity Broker. Every command runs through ctx.exec, so tests fake exactly that boundary.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deviceFinding, type DeviceStatus, type DeviceSummary, type JoinState } from '../../shared/contract/device';
import type { Finding } from '../../shared/model';
import type { CheckDefinition, EngineContext } from '../engine/types';
import { macProgram, windowsProgram } from '../os/programs';
import { parseAppSsoPlatform } from './app-sso-parse';
import { parseDsregcmd, type DsregStatus } from './dsregcmd-parse';
import { readOsFacts, type OsFacts } from './os-facts';

export const JOIN_STATE_LABEL: Record<JoinState, string> = {
  'entra-joined': 'Microsoft Entra joined',
  'hybrid-joined': 'Microsoft Entra hybrid joined',
  registered: 'Microsoft Entra registered',
  'domain-joined-only': 'Domain joined only (unknown to Microsoft Entra ID)',
  'platform-sso-registered': 'Registered through Platform SSO',
  managed: 'Intune for Linux / Microsoft Identity Broker installed',
  'not-registered': 'Not registered with Microsoft Entra ID',
  unknown: 'Unknown',
};

export const COMPANY_PORTAL_APP = '/Applications/Company Portal.app';
export const MS_SSO_EXTENSION = 'com.microsoft.CompanyPortalMac.ssoextension';
export const LINUX_MANAGEMENT_PATHS = [
  '/opt/microsoft/intune',
  '/usr/bin/intune-portal',
  '/opt/microsoft/identity-broker',
  '/usr/bin/microsoft-identity-broker',
  '/usr/lib/systemd/user/microsoft-identity-broker.service',
  '/usr/lib/systemd/system/microsoft-identity-device-broker.service',
];

/** Test switch: config `{ "device": { "root": DIR } }` makes file probes look under DIR instead of /. */
function probeRoot(ctx: EngineContext): string {
  const section = ctx.config.device;
  const root = section && typeof section === 'object' ? (section as Record<string, unknown>).root : undefined;
  return typeof root === 'string' && root ? root : '/';
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A device finding: its evidence must fit the schema of its id (contract/device.ts). */
const finding = deviceFinding;

export function joinStateOf(d: DsregStatus): JoinState {
  if (d.empty) return 'unknown';
  if (d.deviceState.azureAdJoined) return d.deviceState.domainJoined ? 'hybrid-joined' : 'entra-joined';
  if (d.user.workplaceJoined) return 'registered';
  if (d.deviceState.domainJoined) return 'domain-joined-only';
  if (d.deviceState.azureAdJoined === false) return 'not-registered';
  return 'unknown';
}

/** Findings from a parsed `dsregcmd /status`; `now` decides whether the PRT has expired. */
export function windowsFindings(d: DsregStatus, now: Date): { findings: Finding[]; summary: Partial<DeviceSummary> } {
  const findings: Finding[] = [];
  const joinState = joinStateOf(d);
  const joined = joinState === 'entra-joined' || joinState === 'hybrid-joined';
  const evidence = {
    joinState,
    azureAdJoined: d.deviceState.azureAdJoined,
    domainJoined: d.deviceState.domainJoined,
    workplaceJoined: d.user.workplaceJoined,
    enterpriseJoined: d.deviceState.enterpriseJoined,
    deviceId: d.deviceDetails.deviceId,
    deviceName: d.deviceState.deviceName,
  };
  if (joinState === 'unknown') {
    findings.push(finding('device.join-state', 'warn', 'Device registration could not be read', 'dsregcmd /status gave no join state. Run it yourself in a Command Prompt (not as administrator) and send the output to IT.', evidence));
  } else if (joinState === 'not-registered' || joinState === 'domain-joined-only') {
    findings.push(
      finding(
        'device.join-state',
        'warn',
        `Device: ${JOIN_STATE_LABEL[joinState]}`,
        'Microsoft Entra ID does not know this device. A Conditional Access policy that requires a registered, joined or compliant device will block sign-in (error 53003 / 53000 / 53001). Only IT (or enrolment through Company Portal / Access work or school) can change this.',
        evidence,
      ),
    );
  } else {
    findings.push(
      finding(
        'device.join-state',
        'ok',
        `Device: ${JOIN_STATE_LABEL[joinState]}`,
        joinState === 'registered'
          ? 'The device is registered (personal or BYOD). A policy that requires an Entra joined or hybrid joined device will still block it.'
          : 'The device is known to Microsoft Entra ID.',
        evidence,
      ),
    );
  }
  if (d.deviceDetails.deviceAuthOk === false) {
    findings.push(
      finding(
        'device.auth-status',
        'fail',
        'The device cannot authenticate to Microsoft Entra ID',
        `DeviceAuthStatus: ${d.deviceDetails.deviceAuthStatus ?? 'FAILED'}. The device object is disabled or deleted in Entra ID, so device-based Conditional Access fails: the device looks unregistered. IT must re-enable it or the device must be re-joined.`,
        { deviceAuthStatus: d.deviceDetails.deviceAuthStatus, deviceId: d.deviceDetails.deviceId },
      ),
    );
  }
  if (joined) {
    const expiry = d.sso.azureAdPrtExpiryTime;
    if (d.sso.azureAdPrt === false) {
      findings.push(
        finding(
          'device.prt-missing',
          'fail',
          'No Primary Refresh Token (PRT) for this user',
          'The device is joined but Windows holds no Azure AD PRT for you, so apps cannot prove the device to Entra ID and device-based Conditional Access fails. Lock and unlock Windows (or sign out and in) while connected to the network; if it persists, IT should check the last error below.',
          { azureAdPrt: false, azureAdPrtUpdateTime: d.sso.azureAdPrtUpdateTime },
        ),
      );
    } else if (expiry && Date.parse(expiry) < now.getTime()) {
      findings.push(
        finding(
          'device.prt-expired',
          'fail',
          'The Primary Refresh Token (PRT) has expired',
          `It expired at ${expiry} (update time ${d.sso.azureAdPrtUpdateTime ?? 'unknown'}). Lock and unlock Windows while online to renew it; a wrong system clock can also make it look expired.`,
          { azureAdPrt: d.sso.azureAdPrt, azureAdPrtExpiryTime: expiry, azureAdPrtUpdateTime: d.sso.azureAdPrtUpdateTime, now: now.toISOString() },
        ),
      );
    } else if (d.sso.azureAdPrt) {
      findings.push(
        finding('device.prt', 'ok', 'Primary Refresh Token present', `Valid until ${expiry ?? 'unknown'}.`, {
          azureAdPrt: true,
          azureAdPrtExpiryTime: expiry,
          azureAdPrtUpdateTime: d.sso.azureAdPrtUpdateTime,
        }),
      );
    }
  }
  if (d.tenant.tenantName || d.tenant.tenantId) {
    findings.push(
      finding('device.tenant', 'info', `Tenant: ${d.tenant.tenantName ?? d.tenant.tenantId}`, 'The organization this device is registered with. It must be the organization of the account you sign in with.', {
        tenantName: d.tenant.tenantName,
        tenantId: d.tenant.tenantId,
      }),
    );
  }
  if (d.lastError) {
    const e = d.lastError;
    findings.push(
      finding(
        'device.last-error',
        'warn',
        `Last ${e.source === 'prt' ? 'PRT' : 'registration'} error: ${e.code ?? 'failed'}`,
        [e.description, e.correlationId ? `Correlation ID: ${e.correlationId}` : undefined, e.time ? `At: ${e.time}` : undefined, 'IT can look this Correlation ID up in the Entra sign-in logs.']
          .filter(Boolean)
          .join('\n'),
        { ...e },
      ),
    );
  }
  return {
    findings,
    summary: {
      joinState,
      tenantName: d.tenant.tenantName,
      tenantId: d.tenant.tenantId,
      deviceId: d.deviceDetails.deviceId,
      ...(d.sso.azureAdPrt !== undefined ? { prt: { present: d.sso.azureAdPrt, updatedAt: d.sso.azureAdPrtUpdateTime, expiresAt: d.sso.azureAdPrtExpiryTime } } : {}),
      ...(d.lastError ? { lastError: { code: d.lastError.code, description: d.lastError.description, correlationId: d.lastError.correlationId, time: d.lastError.time } } : {}),
    },
  };
}

async function windowsState(ctx: EngineContext): Promise<{ findings: Finding[]; summary: Partial<DeviceSummary> }> {
  const r = await ctx.exec(windowsProgram('dsregcmd'), ['/status'], { timeoutMs: 15_000, maxBytes: 1024 * 1024 });
  if (r.spawnError || r.timedOut || !r.stdout.trim()) {
    const why = r.spawnError === 'ENOENT' ? 'dsregcmd was not found' : r.timedOut ? 'dsregcmd did not answer within 15 s' : `dsregcmd failed (${r.spawnError ?? `exit ${r.code}`})`;
    return {
      findings: [finding('device.join-state', 'warn', 'Device registration could not be read', `${why}. Run "dsregcmd /status" in a Command Prompt (not as administrator) and send the output to IT.`, { spawnError: r.spawnError, exitCode: r.code, timedOut: r.timedOut })],
      summary: { joinState: 'unknown' },
    };
  }
  return windowsFindings(parseDsregcmd(r.stdout), ctx.now());
}

async function macState(ctx: EngineContext): Promise<{ findings: Finding[]; summary: Partial<DeviceSummary> }> {
  const root = probeRoot(ctx);
  const [psso, portal, list] = await Promise.all([
    ctx.exec(macProgram('app-sso'), ['platform', '-s'], { timeoutMs: 10_000, maxBytes: 1024 * 1024 }),
    exists(join(root, COMPANY_PORTAL_APP)),
    ctx.exec(macProgram('app-sso'), ['-l'], { timeoutMs: 10_000, maxBytes: 1024 * 1024 }),
  ]);
  const findings: Finding[] = [];
  const status = psso.code === 0 ? parseAppSsoPlatform(psso.stdout) : undefined;
  let joinState: JoinState;
  if (status?.deviceRegistration === 'registered') {
    joinState = 'platform-sso-registered';
    findings.push(
      finding('device.platform-sso', status.userRegistration === 'not-registered' ? 'warn' : 'ok', `Platform SSO: device registered${status.userRegistration === 'registered' ? ', user registered' : status.userRegistration === 'not-registered' ? ', user NOT registered' : ''}`,
        status.userRegistration === 'not-registered' ? 'Finish the "Registration required" notification to register your user with Platform SSO.' : 'Microsoft Entra ID knows this Mac through Platform SSO.',
        { deviceRegistration: status.deviceRegistration, userRegistration: status.userRegistration, loginType: status.loginType, extensionIdentifier: status.extensionIdentifier }),
    );
  } else {
    joinState = portal ? 'unknown' : 'not-registered';
    const why = psso.spawnError === 'ENOENT' ? 'app-sso is not available (macOS 13 or later has it)' : status?.notConfigured || !status ? 'Platform SSO is not configured on this Mac' : `Platform SSO device registration: ${status.deviceRegistration}`;
    findings.push(
      finding('device.platform-sso', 'info', 'Platform SSO: not registered', `${why}. Registration may still exist through Company Portal; IT can see it in Intune.`, {
        deviceRegistration: status?.deviceRegistration ?? 'unknown',
        userRegistration: status?.userRegistration ?? 'unknown',
        spawnError: psso.spawnError,
      }),
    );
  }
  findings.push(
    portal
      ? finding('device.company-portal', 'ok', 'Company Portal is installed', 'Intune uses it to register this Mac and report compliance.', { path: COMPANY_PORTAL_APP, present: true })
      : finding('device.company-portal', 'warn', 'Company Portal is not installed', 'Without Company Portal this Mac cannot be registered with Intune or report compliance; a policy that requires a compliant device will block sign-in. Install it from your organization\'s instructions.', { path: COMPANY_PORTAL_APP, present: false }),
  );
  const extension = status?.extensionIdentifier ?? (list.code === 0 && list.stdout.includes(MS_SSO_EXTENSION) ? MS_SSO_EXTENSION : undefined);
  findings.push(
    extension
      ? finding('device.sso-extension', 'ok', 'Enterprise SSO extension configured', `Extension: ${extension}.`, { extensionIdentifier: extension })
      : finding('device.sso-extension', 'info', 'Enterprise SSO extension not seen', list.code === 0 ? 'No Microsoft Enterprise SSO extension is listed by app-sso. IT deploys it with an MDM profile.' : 'The SSO extension list could not be read without administrator rights (IT can check the MDM profile).', { readable: list.code === 0 }),
  );
  return { findings, summary: { joinState } };
}

async function linuxState(ctx: EngineContext): Promise<{ findings: Finding[]; summary: Partial<DeviceSummary> }> {
  const root = probeRoot(ctx);
  const present = (await Promise.all(LINUX_MANAGEMENT_PATHS.map(async (p) => ((await exists(join(root, p))) ? p : undefined)))).filter((p): p is string => Boolean(p));
  if (present.length) {
    return {
      findings: [finding('device.linux-management', 'ok', 'Intune for Linux / Microsoft Identity Broker installed', 'The device can be registered with Microsoft Entra ID and report compliance through Intune.', { found: present })],
      summary: { joinState: 'managed' },
    };
  }
  return {
    findings: [
      finding('device.linux-management', 'info', 'This device is not managed (no Intune for Linux)', 'Neither Intune for Linux nor the Microsoft Identity Broker is installed. A policy that requires a registered or compliant device will block sign-in from this machine; use the browser on a managed device or ask IT.', { found: [], looked: LINUX_MANAGEMENT_PATHS }),
    ],
    summary: { joinState: 'not-registered' },
  };
}

function osFinding(os: OsFacts): Finding {
  return finding('device.os', 'info', `${os.osName} ${os.osVersion}`, `Device platform as Conditional Access sees it: ${os.policyPlatform}. OS version ${os.osVersion}${os.patchLevel ? `, ${os.patchLevel}` : ''}.`, {
    policyPlatform: os.policyPlatform,
    osName: os.osName,
    osVersion: os.osVersion,
    patchLevel: os.patchLevel,
    source: os.source,
  });
}

export async function readDeviceStatus(ctx: EngineContext): Promise<DeviceStatus> {
  const stateWork = ctx.platform === 'win32' ? windowsState(ctx) : ctx.platform === 'darwin' ? macState(ctx) : linuxState(ctx);
  const [state, os] = await Promise.all([stateWork, readOsFacts(ctx)]);
  const joinState = state.summary.joinState ?? 'unknown';
  const summary: DeviceSummary = {
    ...state.summary,
    platform: ctx.platform,
    policyPlatform: os.policyPlatform,
    osName: os.osName,
    osVersion: os.osVersion,
    ...(os.patchLevel ? { patchLevel: os.patchLevel } : {}),
    joinState,
    joinStateLabel: JOIN_STATE_LABEL[joinState],
  };
  for (const [k, v] of Object.entries(summary)) if (v === undefined) delete (summary as Record<string, unknown>)[k];
  return { summary, findings: [...state.findings, osFinding(os)] };
}

export const deviceStateCheck: CheckDefinition = {
  id: 'device.state',
  domain: 'device',
  title: 'Device registration and OS',
  timeoutMs: 20_000,
  run: async (ctx) => (await readDeviceStatus(ctx)).findings,
};
