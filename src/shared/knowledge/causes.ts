// The causes engine's rules, as data: error families (which codes) -> the conditions they are known
// to test (cause rules) -> the evidence tests that decide each condition on this computer. The
// tests are named here with their parameters; src/main/diagnosis/evidence-tests.ts reads the typed
// evidence for each kind. Facts: the team's reference/diagnosis.md. Text in our own words.
import type { ErrorCodeFamily } from '../contract/diagnosis';
import type { FixId } from '../contract/fixes';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** What an evidence test looks at (each kind has one reader in src/main/diagnosis/evidence-tests.ts). */
export type EvidenceTest =
  /** dsregcmd join flags / Platform SSO + Company Portal / Intune for Linux. */
  | { kind: 'device-registered' }
  /** DomainJoined and AzureAdJoined both YES. */
  | { kind: 'hybrid-joined' }
  /** DeviceAuthStatus, and on a joined device the PRT (present, not expired). */
  | { kind: 'device-auth' }
  /** Whether the device can report compliance at all (Intune / Company Portal / joined with a PRT); compliance itself is only known to the server. */
  | { kind: 'compliance-reporting' }
  /** TLS inspection of endpoints of these roles (device: device.login / enterpriseregistration; cac: certauth; sign-in: login.*). */
  | { kind: 'tls-inspection'; roles: readonly ('device' | 'cac' | 'sign-in')[] }
  /** Clock offset: a fault over `strongOverMs` (when given), a doubt over `possibleOverMs`, ruled out below. */
  | { kind: 'clock-skew'; strongOverMs?: number; possibleOverMs: number }
  /** A VPN adapter up (or none, where `downMatters`): never a fault (policies want it on or off), a measured fact to weigh. */
  | { kind: 'vpn'; downMatters: boolean }
  /** The device platform; `decisive` when the error itself says the platform was refused. */
  | { kind: 'platform'; decisive: boolean }
  /** The client app the error names; `decisive` when the error itself says the app was refused. */
  | { kind: 'client-app'; decisive: boolean }
  /** Reader attached and a card in it. */
  | { kind: 'card-present' }
  /** The smart card service answers. */
  | { kind: 'card-service' }
  /** The card's certificates are inside their validity. */
  | { kind: 'card-certificate' }
  /** The card's chain ends at a trusted DoD root. */
  | { kind: 'card-chain' }
  /** The error's family repeats in the Teams logs within `windowMs` (a loop). */
  | { kind: 'signin-loop'; windowMs: number; minCount: number }
  /** WinINET and WinHTTP proxies agree (Windows). */
  | { kind: 'proxy-mismatch' }
  /** The proxy answers 407. */
  | { kind: 'proxy-auth' }
  /** The sign-in endpoints resolve. */
  | { kind: 'dns' }
  /** TCP (or the proxy's CONNECT) to the sign-in endpoints. */
  | { kind: 'reachable' }
  /** The TLS handshake to the sign-in endpoints. */
  | { kind: 'tls-handshake' };

export type EvidenceKind = EvidenceTest['kind'];

export type Who = 'user' | 'it' | 'both';

export type CauseRuleId =
  | 'device-registration'
  | 'device-compliance'
  | 'hybrid-join'
  | 'device-auth'
  | 'device-tls-inspection'
  | 'vpn-location'
  | 'platform'
  | 'client-app'
  | 'clock-skew'
  | 'card-or-reader'
  | 'card-service'
  | 'card-certificate'
  | 'card-chain'
  | 'certauth-tls-inspection'
  | 'signin-loop'
  | 'proxy-mismatch'
  | 'proxy-auth'
  | 'dns'
  | 'unreachable'
  | 'tls-inspection'
  | 'tls-failed';

/** A condition this computer can be checked for. */
export interface CauseRule {
  title: string;
  /** The evidence tests that decide it by default (a family may give its own parameters). */
  tests: readonly EvidenceTest[];
  who: Who;
  userActions: readonly string[];
  /** Safe repairs of ours, in the order to try them; offered when the cause is strong or possible. */
  fixes: readonly FixId[];
  /** Repairs offered only when a finding behind a measured fault offers them too (a proxy fix only where a user proxy is set). */
  findingFixes?: readonly FixId[];
  itActions: readonly string[];
  /** Offered with no error, when its evidence is a measured fault. */
  standalone: boolean;
}

/** What cannot be checked from here: the server-side remainder of a family (or its plain meaning). */
export interface Remainder {
  id: string;
  title: string;
  who: Who;
  userActions: readonly string[];
  itActions: readonly string[];
  /** Ranked above the possible local causes when no local cause is strong (Conditional Access: "not visible from here"). */
  leadsWhenNothingStrong: boolean;
}

/** One cause of a family: a rule, optionally with the family's own test parameters or limited to some codes. */
export interface FamilyCause {
  rule: CauseRuleId;
  tests?: readonly EvidenceTest[];
  /** Only for these canonical codes (a clock can break a TLS handshake, not a DNS lookup). */
  onlyCodes?: readonly string[];
}

export interface ErrorFamily {
  title: string;
  /** What the error means, one sentence (the verdict line). */
  meaning: string;
  conditionalAccess: boolean;
  /** Exact canonical codes, per code family. */
  codes: Partial<Record<ErrorCodeFamily, readonly string[]>>;
  /** Canonical code prefixes (WAM 0xCAA8…, WinHTTP 0x80072…, every PC/SC code). */
  prefixes?: Partial<Record<ErrorCodeFamily, readonly string[]>>;
  causes: readonly FamilyCause[];
  /** Per code: the plain meaning overrides the remainder's title (account family: which account problem). */
  remainder: Remainder;
  /** Repairs that must never be offered for this family, whatever a rule says. */
  neverFixes: readonly FixId[];
}

export type ErrorFamilyId =
  | 'ca-block'
  | 'ca-compliance'
  | 'ca-domain-join'
  | 'ca-platform'
  | 'ca-client-app'
  | 'device-auth'
  | 'certificate'
  | 'stale-token'
  | 'kerberos'
  | 'clock-assertion'
  | 'network'
  | 'account'
  | 'mfa'
  | 'service';

/** A cache clear or sign-in reset never cures a server decision about the account, MFA or a policy. */
export const LOCAL_RESETS: readonly FixId[] = ['teams.cache-clear', 'teams.signin-reset'];

const ENROL_ACTIONS = [
  'Register or enrol this device as your organization asks: on Windows, Settings > Accounts > Access work or school > Connect; on a Mac, Company Portal; on Linux, Intune for Linux with Microsoft Edge',
  'Or sign in from a device your organization already manages',
];

export const CAUSE_RULES: Record<CauseRuleId, CauseRule> = {
  'device-registration': {
    title: 'This device is not registered with your organization',
    tests: [{ kind: 'device-registered' }],
    who: 'both',
    userActions: ENROL_ACTIONS,
    fixes: [],
    itActions: ['Look the device up in Entra ID (Devices) by name or Device ID; register, join or re-enable it, or tell the user how to enrol'],
    standalone: true,
  },
  'device-compliance': {
    title: 'The device may not meet the compliance policy',
    tests: [{ kind: 'compliance-reporting' }],
    who: 'both',
    userActions: ['Open Company Portal > Devices, pick this device and choose Check status (or Check access); fix what it lists, then sync and sign in again'],
    fixes: [],
    itActions: ['Read the device\'s compliance result in Intune (which setting fails) and whether it has reported recently'],
    standalone: false,
  },
  'hybrid-join': {
    title: 'The policy wants a hybrid-joined device and this one is not (yet)',
    tests: [{ kind: 'hybrid-joined' }],
    who: 'it',
    userActions: ['Sign in from a device joined to your organization\'s domain', 'If this computer is joined, keep it on the corporate network (or VPN) for a while and restart: hybrid join finishes on its own after the device syncs'],
    fixes: [],
    itActions: ['Check the device in Entra ID: hybrid join needs the computer object synced (Entra Connect / cloud sync) and registered; finish or repair the hybrid join'],
    standalone: false,
  },
  'device-auth': {
    title: 'The device cannot prove itself to Entra ID (device authentication or PRT)',
    tests: [{ kind: 'device-auth' }],
    who: 'both',
    userActions: ['Restart the computer, then lock and unlock it (or sign out and in) while online: that renews the Primary Refresh Token', 'If Windows says the device was disabled or deleted, only IT can help'],
    fixes: [],
    itActions: ['Check the device object in Entra ID: re-enable it, or have the device re-registered if it was deleted', 'Read the last PRT error (dsregcmd /status, Diagnostic Data) and its Correlation ID in the sign-in logs'],
    standalone: true,
  },
  'device-tls-inspection': {
    title: 'A TLS-inspecting proxy sits on the device-authentication hosts',
    tests: [{ kind: 'tls-inspection', roles: ['device'] }],
    who: 'it',
    userActions: ['If you can, try once from another network (a phone hotspot) to confirm; otherwise send this to IT'],
    fixes: [],
    findingFixes: ['network.proxy-bypass-add'],
    itActions: ['Exempt device.login.microsoftonline.com and enterpriseregistration.windows.net from TLS inspection: inspection strips the device certificate, so the device looks unregistered'],
    standalone: true,
  },
  'vpn-location': {
    title: 'The network you sign in from (location, VPN)',
    tests: [{ kind: 'vpn', downMatters: true }],
    who: 'user',
    userActions: ['Connect or disconnect the VPN as your organization requires, or sign in from the office network, then try again'],
    fixes: [],
    itActions: ['Compare the sign-in\'s IP address (sign-in log) with the named locations the policy allows'],
    standalone: false,
  },
  platform: {
    title: 'This device platform is not allowed by the policy',
    tests: [{ kind: 'platform', decisive: false }],
    who: 'user',
    userActions: ['Sign in from a platform your organization supports (for example your managed Windows PC or Mac)'],
    fixes: [],
    itActions: ['Check the device platform condition of the policy against the platform in the sign-in log'],
    standalone: false,
  },
  'client-app': {
    title: 'The app you signed in with is not one the policy allows',
    tests: [{ kind: 'client-app', decisive: false }],
    who: 'user',
    userActions: ['Sign in with the approved app (the Teams or Office desktop app, or the one your organization names) instead of a browser or another client'],
    fixes: [],
    itActions: ['Check the client app and approved-app conditions of the policy against the app in the sign-in log'],
    standalone: false,
  },
  'clock-skew': {
    title: 'This computer\'s clock is off',
    tests: [{ kind: 'clock-skew', strongOverMs: 5 * MIN, possibleOverMs: MIN }],
    who: 'user',
    userActions: ['Turn on automatic time and resynchronise the clock (Settings > Time & language, or System Settings > Date & Time)'],
    fixes: [],
    findingFixes: ['clock.auto-time-on', 'clock.resync'],
    itActions: ['Check the time source of the domain and of this computer (w32tm /query /status)'],
    standalone: true,
  },
  'card-or-reader': {
    title: 'No smart card (CAC) was available to sign in with',
    tests: [{ kind: 'card-present' }],
    who: 'user',
    userActions: ['Plug the reader in directly (not through a hub), insert the CAC chip first and leave it in', 'When asked for a certificate, choose the PIV Authentication one, not the e-mail certificate'],
    fixes: [],
    itActions: ['If the card is in and still not seen, check the reader driver and middleware'],
    standalone: false,
  },
  'card-service': {
    title: 'The smart card service is not answering',
    tests: [{ kind: 'card-service' }],
    who: 'user',
    userActions: ['Restart the smart card service (or the computer) and insert the card again'],
    fixes: [],
    findingFixes: ['cac.restart-service'],
    itActions: ['Check that the smart card service is allowed to start (pcscd / SCardSvr)'],
    standalone: true,
  },
  'card-certificate': {
    title: 'The certificate on the card is expired or not yet valid',
    tests: [{ kind: 'card-certificate' }],
    who: 'both',
    userActions: ['Have the card renewed or replaced at your ID card office', 'Check that this computer\'s date is right: a wrong date makes a valid certificate look expired'],
    fixes: [],
    itActions: ['Issue a new certificate or card'],
    standalone: true,
  },
  'card-chain': {
    title: 'The card\'s certificate does not chain to a trusted DoD root here',
    tests: [{ kind: 'card-chain' }],
    who: 'both',
    userActions: ['Install the DoD root certificates from your organization\'s bundle'],
    fixes: [],
    findingFixes: ['cac.import-dod-roots'],
    itActions: ['Check the certificate authorities and CRL locations uploaded for certificate-based authentication in Entra ID'],
    standalone: true,
  },
  'certauth-tls-inspection': {
    title: 'A TLS-inspecting proxy sits on the certificate sign-in host',
    tests: [{ kind: 'tls-inspection', roles: ['cac'] }],
    who: 'it',
    userActions: ['If you can, try once from another network to confirm; otherwise send this to IT'],
    fixes: [],
    findingFixes: ['network.proxy-bypass-add'],
    itActions: ['Exempt the certificate sign-in hosts (certauth.login.microsoftonline.com, or certauth.login.microsoftonline.us for US Government clouds) from TLS inspection: the proxy cannot pass the card\'s certificate on'],
    standalone: true,
  },
  'signin-loop': {
    title: 'Teams keeps failing with a stale sign-in (a loop)',
    tests: [{ kind: 'signin-loop', windowMs: 12 * HOUR, minCount: 3 }],
    who: 'user',
    userActions: ['Sign in again when Teams asks', 'If it keeps asking: reset the Teams sign-in first, then clear the Teams cache'],
    fixes: ['teams.signin-reset', 'teams.cache-clear'],
    itActions: ['Nothing, unless the sessions were revoked on purpose (then tell the user to sign in again)'],
    standalone: true,
  },
  'proxy-mismatch': {
    title: 'The sign-in broker takes another proxy road than the browser',
    tests: [{ kind: 'proxy-mismatch' }],
    who: 'it',
    userActions: ['Tell IT that the browser and the system (WinHTTP) proxy disagree; the broker that signs Teams in uses WinHTTP'],
    fixes: [],
    itActions: ['Align the WinHTTP proxy with the user\'s proxy (for example netsh winhttp import proxy source=ie as administrator, or by policy), or bypass the sign-in hosts'],
    standalone: true,
  },
  'proxy-auth': {
    title: 'The proxy asks for authentication the sign-in broker cannot give',
    tests: [{ kind: 'proxy-auth' }],
    who: 'it',
    userActions: ['Send this to IT: the proxy answers 407 on the sign-in endpoints'],
    fixes: [],
    itActions: ['Exempt the Microsoft sign-in endpoints from proxy authentication'],
    standalone: true,
  },
  dns: {
    title: 'The sign-in endpoints do not resolve (DNS)',
    tests: [{ kind: 'dns' }],
    who: 'user',
    userActions: ['Flush the DNS cache and try again; connect or disconnect the VPN as your organization requires'],
    fixes: [],
    findingFixes: ['network.dns-flush'],
    itActions: ['Check the DNS servers and filters this network uses for login.microsoftonline.com'],
    standalone: true,
  },
  unreachable: {
    title: 'The sign-in endpoints cannot be reached',
    tests: [{ kind: 'reachable' }],
    who: 'both',
    userActions: ['Check the network connection; connect or disconnect the VPN as your organization requires'],
    fixes: [],
    findingFixes: ['network.proxy-disable'],
    itActions: ['Allow the Microsoft sign-in endpoints through the firewall and proxy (or bypass the proxy for them)'],
    standalone: true,
  },
  'tls-inspection': {
    title: 'TLS to the sign-in endpoints is intercepted',
    tests: [{ kind: 'tls-inspection', roles: ['sign-in'] }],
    who: 'it',
    userActions: ['Send this to IT: a security product replaces Microsoft\'s certificate on the sign-in endpoints'],
    fixes: [],
    findingFixes: ['network.proxy-bypass-add'],
    itActions: ['Exempt the Microsoft sign-in endpoints from TLS inspection'],
    standalone: true,
  },
  'tls-failed': {
    title: 'The secure connection to the sign-in endpoints fails',
    tests: [{ kind: 'tls-handshake' }],
    who: 'both',
    userActions: ['Check the clock, then try from another network if you can'],
    fixes: [],
    itActions: ['Check what answers TLS for the sign-in endpoints on this network (a proxy or security product)'],
    standalone: true,
  },
};

const SEND_IT = 'Send IT the error code, the Correlation ID and the time (signin-doctor report --message writes the message)';
const NOT_A_LOCAL_FIX = 'A cache clear, a sign-in reset or a reinstall does not change this: the decision was made on the server';

/** The exact lookup IT makes for a Conditional Access block; {id} and {time} are filled in by the engine. */
export const CA_LOOKUP = {
  withId: 'In the Entra admin center, open Sign-in logs, find the entry with Correlation ID {id}{time}, and open its Conditional Access tab: it names the policy and the condition that failed',
  withoutId: 'In the Entra admin center, open Sign-in logs, filter by the user{time}, and open the failed entry\'s Conditional Access tab: it names the policy and the condition that failed',
  whatIf: 'Replay the sign-in with the Conditional Access What If tool (user, app, device platform, location) to confirm which policy blocks it',
  retention: 'Sign-in logs are kept 7 days (Entra ID Free) or 30 days (P1/P2): look it up soon',
} as const;

const CA_REMAINDER: Remainder = {
  id: 'ca-not-visible',
  title: 'The condition that failed is not visible from this computer',
  who: 'it',
  userActions: [SEND_IT, NOT_A_LOCAL_FIX],
  itActions: [], // filled by the engine from CA_LOOKUP (with the Correlation ID and time)
  leadsWhenNothingStrong: true,
};

const DEVICE_FIRST: readonly FamilyCause[] = [
  { rule: 'device-registration' },
  { rule: 'device-auth' },
  { rule: 'device-tls-inspection' },
  // A clock far off breaks device authentication (PRT renewal), not the policy itself: a doubt, never proof.
  { rule: 'clock-skew', tests: [{ kind: 'clock-skew', possibleOverMs: 5 * MIN }] },
];

export const ERROR_FAMILIES: Record<ErrorFamilyId, ErrorFamily> = {
  'ca-block': {
    title: 'Blocked by Conditional Access',
    meaning: 'a Conditional Access policy of your organization refused the sign-in on Microsoft\'s servers; the password was accepted',
    conditionalAccess: true,
    codes: { aadsts: ['53003', '50131', '530032'] },
    causes: [...DEVICE_FIRST.slice(0, 1), { rule: 'device-compliance' }, ...DEVICE_FIRST.slice(1), { rule: 'vpn-location' }, { rule: 'platform' }, { rule: 'client-app' }],
    remainder: CA_REMAINDER,
    neverFixes: LOCAL_RESETS,
  },
  'ca-compliance': {
    title: 'Device not compliant',
    meaning: 'the policy requires a compliant (Intune-managed) device and this one is not marked compliant',
    conditionalAccess: true,
    codes: { aadsts: ['53000'] },
    causes: [{ rule: 'device-registration' }, { rule: 'device-compliance' }, ...DEVICE_FIRST.slice(1)],
    remainder: CA_REMAINDER,
    neverFixes: LOCAL_RESETS,
  },
  'ca-domain-join': {
    title: 'Hybrid-joined device required',
    meaning: 'the policy requires a device joined to your organization\'s domain and to Entra ID (hybrid join)',
    conditionalAccess: true,
    codes: { aadsts: ['53001'] },
    causes: [{ rule: 'hybrid-join' }, ...DEVICE_FIRST.slice(1)],
    remainder: CA_REMAINDER,
    neverFixes: LOCAL_RESETS,
  },
  'ca-platform': {
    title: 'Device platform not allowed',
    meaning: 'the policy does not allow sign-in from this device platform',
    conditionalAccess: true,
    codes: { aadsts: ['50005'] },
    causes: [{ rule: 'platform', tests: [{ kind: 'platform', decisive: true }] }],
    remainder: CA_REMAINDER,
    neverFixes: LOCAL_RESETS,
  },
  'ca-client-app': {
    title: 'App not approved',
    meaning: 'the policy allows only approved or protected apps, and the one used is not',
    conditionalAccess: true,
    codes: { aadsts: ['53002', '53009'] },
    causes: [{ rule: 'client-app', tests: [{ kind: 'client-app', decisive: true }] }],
    remainder: CA_REMAINDER,
    neverFixes: LOCAL_RESETS,
  },
  'device-auth': {
    title: 'Device authentication failed',
    meaning: 'the device could not prove itself to Entra ID (device certificate, Primary Refresh Token, or the device object)',
    conditionalAccess: false,
    codes: { aadsts: ['50097', '50155', '50187', '50129', '135011'], wam: ['CAA5004B'] },
    causes: [
      { rule: 'device-auth' },
      { rule: 'device-registration' },
      { rule: 'device-tls-inspection' },
      { rule: 'clock-skew', tests: [{ kind: 'clock-skew', strongOverMs: 5 * MIN, possibleOverMs: MIN }] },
    ],
    remainder: {
      id: 'device-object-server-side',
      title: 'The device object may be disabled or deleted in Entra ID',
      who: 'it',
      userActions: [SEND_IT],
      itActions: ['Find the device in Entra ID (Devices) by its Device ID; re-enable it, or re-register the device if it was deleted'],
      leadsWhenNothingStrong: false,
    },
    neverFixes: [],
  },
  certificate: {
    title: 'Certificate (CAC/PIV) sign-in failed',
    meaning: 'the certificate sign-in did not get a usable, valid certificate from this computer, or Entra ID could not validate it',
    conditionalAccess: false,
    codes: { aadsts: ['50192', '50017'] },
    prefixes: { pcsc: ['8010'] },
    causes: [{ rule: 'card-or-reader' }, { rule: 'card-service' }, { rule: 'card-certificate' }, { rule: 'card-chain' }, { rule: 'certauth-tls-inspection' }],
    remainder: {
      id: 'cert-auth-server-config',
      title: 'Entra ID\'s certificate-based authentication settings (CAs, CRLs)',
      who: 'it',
      userActions: [SEND_IT],
      itActions: ['Check the certificate authorities uploaded for certificate-based authentication and that their CRL locations are reachable and current'],
      leadsWhenNothingStrong: false,
    },
    neverFixes: [],
  },
  'stale-token': {
    title: 'Stale, expired or revoked sign-in',
    meaning: 'a saved sign-in (refresh token or session) expired or was revoked, so you must sign in again',
    conditionalAccess: false,
    codes: { aadsts: ['50173', '700082', '70008', '70043', '50132', '50133', '50089'], wam: ['CAA20003', 'CAA2000C', 'CAA2000B'] },
    causes: [{ rule: 'signin-loop' }, { rule: 'clock-skew', tests: [{ kind: 'clock-skew', strongOverMs: HOUR, possibleOverMs: 5 * MIN }] }],
    remainder: {
      id: 'sign-in-again',
      title: 'The saved sign-in has expired: sign in again',
      who: 'user',
      userActions: ['Sign in again when asked; one expired sign-in is normal after a long break or a password change'],
      itActions: ['Nothing, unless the sessions were revoked on purpose'],
      leadsWhenNothingStrong: true,
    },
    neverFixes: [],
  },
  kerberos: {
    title: 'Kerberos / Seamless SSO failed',
    meaning: 'the Kerberos ticket for seamless sign-in was refused or could not be obtained',
    conditionalAccess: false,
    codes: { aadsts: ['81004', '81009', '81010'] },
    causes: [{ rule: 'clock-skew', tests: [{ kind: 'clock-skew', strongOverMs: 5 * MIN, possibleOverMs: MIN }] }, { rule: 'device-auth' }],
    remainder: {
      id: 'kerberos-server-side',
      title: 'Seamless SSO or the domain\'s Kerberos setup',
      who: 'it',
      userActions: ['Sign in with your password when asked; seamless sign-in is a convenience'],
      itActions: ['Check the Seamless SSO computer account (AZUREADSSOACC) and its Kerberos key, and the domain\'s time source'],
      leadsWhenNothingStrong: false,
    },
    neverFixes: [],
  },
  'clock-assertion': {
    title: 'Token outside its valid time',
    meaning: 'a signed sign-in message was dated outside its valid time range, which points at a clock',
    conditionalAccess: false,
    codes: { aadsts: ['700024', '500133'] },
    causes: [{ rule: 'clock-skew', tests: [{ kind: 'clock-skew', strongOverMs: 5 * MIN, possibleOverMs: MIN }] }],
    remainder: {
      id: 'issuer-clock',
      title: 'The clock of the machine or service that made the token',
      who: 'it',
      userActions: [SEND_IT],
      itActions: ['Check the clock of the federation server or app that issued the assertion'],
      leadsWhenNothingStrong: false,
    },
    neverFixes: [],
  },
  network: {
    title: 'Network, proxy or TLS failure',
    meaning: 'the sign-in broker could not talk to the sign-in service (name, connection, proxy or secure channel)',
    conditionalAccess: false,
    codes: { wam: ['CAA7000A', 'CAA60007'] },
    prefixes: { wam: ['CAA8'], winhttp: ['80072'] },
    causes: [
      { rule: 'proxy-mismatch' },
      { rule: 'proxy-auth' },
      { rule: 'dns' },
      { rule: 'unreachable' },
      { rule: 'tls-inspection' },
      { rule: 'tls-failed' },
      { rule: 'vpn-location', tests: [{ kind: 'vpn', downMatters: false }] },
      // Certificates look not yet valid only when the clock is far off; only secure-channel codes.
      { rule: 'clock-skew', tests: [{ kind: 'clock-skew', strongOverMs: HOUR, possibleOverMs: 5 * MIN }], onlyCodes: ['CAA82F8F', 'CAA82F05', '80072F8F', '80072F05'] },
    ],
    remainder: {
      id: 'network-path',
      title: 'Something on the network path that the checks did not catch',
      who: 'both',
      userActions: ['Try once from another network (a phone hotspot) if you can: if it works there, the network is the cause'],
      itActions: ['Check the proxy, firewall and TLS inspection rules for the Microsoft sign-in endpoints on this network'],
      leadsWhenNothingStrong: false,
    },
    neverFixes: [],
  },
  account: {
    title: 'Account or password',
    meaning: 'the account or its password was refused (wrong, expired, locked or disabled)',
    conditionalAccess: false,
    codes: { aadsts: ['50126', '50053', '50055', '50144', '50057', '50034'] },
    causes: [],
    remainder: {
      id: 'account',
      title: 'The account or its password',
      who: 'both',
      userActions: ['Retype the password and check that you use the right account', 'Reset or change the password through your organization\'s self-service page', 'If the account is locked, wait for the lockout to end'],
      itActions: ['Unlock, enable or reset the account as the sign-in log says'],
      leadsWhenNothingStrong: false,
    },
    neverFixes: LOCAL_RESETS,
  },
  mfa: {
    title: 'Multi-factor authentication',
    meaning: 'a second sign-in step (MFA) is required or was not completed',
    conditionalAccess: false,
    codes: { aadsts: ['50074', '50076', '50079', '500121'] },
    causes: [],
    remainder: {
      id: 'mfa',
      title: 'Complete or register the second sign-in step (MFA)',
      who: 'user',
      userActions: ['Complete the MFA prompt, or register a method if asked (aka.ms/mysecurityinfo)', 'An authenticator code depends on the phone\'s clock, not this computer\'s: set the phone to automatic time'],
      itActions: ['Check the user\'s registered MFA methods, or issue a Temporary Access Pass'],
      leadsWhenNothingStrong: false,
    },
    neverFixes: LOCAL_RESETS,
  },
  service: {
    title: 'Service-side problem',
    meaning: 'the sign-in service itself had a problem; nothing on this computer caused it',
    conditionalAccess: false,
    codes: { aadsts: ['90033', '90036', '90006', '50000', '90055'] },
    causes: [],
    remainder: {
      id: 'service-side',
      title: 'A problem of the Microsoft sign-in service',
      who: 'both',
      userActions: ['Wait a few minutes and try again'],
      itActions: ['Check the Microsoft 365 service health', 'If it lasts, open a support case with the Correlation ID and time'],
      leadsWhenNothingStrong: false,
    },
    neverFixes: [],
  },
};

/** Per code of the account family: which account problem, in a few words. */
export const ACCOUNT_PROBLEMS: Record<string, string> = {
  '50126': 'The user name or password is wrong',
  '50053': 'The account is locked (too many attempts)',
  '50055': 'The password has expired',
  '50144': 'The Active Directory password has expired',
  '50057': 'The account is disabled',
  '50034': 'The account does not exist in this organization',
};

/** When no error is known: the order in which measured faults are listed (rules that stand on their own). */
export const STANDALONE_ORDER: readonly CauseRuleId[] = (Object.keys(CAUSE_RULES) as CauseRuleId[]).filter((id) => CAUSE_RULES[id].standalone);

/** Whether an error family (DiagnosisError.family) is a Conditional Access block: no local repair helps it. */
export function isConditionalAccessFamily(family: string | undefined): boolean {
  return family !== undefined && Object.hasOwn(ERROR_FAMILIES, family) && ERROR_FAMILIES[family as ErrorFamilyId].conditionalAccess === true;
}

/** The family a canonical code belongs to, or undefined (unknown: we never guess). */
export function familyOfCode(family: ErrorCodeFamily, code: string): ErrorFamilyId | undefined {
  const upper = code.toUpperCase();
  for (const [id, f] of Object.entries(ERROR_FAMILIES) as [ErrorFamilyId, ErrorFamily][]) {
    if (f.codes[family]?.includes(upper)) return id;
  }
  for (const [id, f] of Object.entries(ERROR_FAMILIES) as [ErrorFamilyId, ErrorFamily][]) {
    if (f.prefixes?.[family]?.some((p) => upper.startsWith(p))) return id;
  }
  return undefined;
}

/** WinHTTP's network errors as they show in pasted text (0x80072EE2 is error 12002). */
export const WINHTTP_NAMES: Record<string, string> = {
  '80072EE2': 'ERROR_WINHTTP_TIMEOUT',
  '80072EE7': 'ERROR_WINHTTP_NAME_NOT_RESOLVED',
  '80072EFD': 'ERROR_WINHTTP_CANNOT_CONNECT',
  '80072EFE': 'ERROR_WINHTTP_CONNECTION_ERROR',
  '80072F05': 'ERROR_WINHTTP_SECURE_CERT_DATE_INVALID',
  '80072F8F': 'ERROR_WINHTTP_SECURE_FAILURE',
};
