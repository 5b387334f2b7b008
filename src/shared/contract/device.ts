// Calls of the device domain: what a Conditional Access policy sees of this device, and the
// offline token inspector. The token is input only: it is never journaled, logged or reported.
import { z } from 'zod';
import { FindingSchema } from '../model';
import { call, defineFindings, findingBuilder, type CallTable, type EventTable } from './define';

export const JoinStateSchema = z.enum([
  'entra-joined', // Windows: AzureAdJoined YES, not domain-joined
  'hybrid-joined', // Windows: AzureAdJoined YES and DomainJoined YES
  'registered', // Windows: WorkplaceJoined YES (Entra registered, personal or BYOD)
  'domain-joined-only', // Windows: on-premises domain only; Entra does not know the device
  'platform-sso-registered', // macOS: Platform SSO device registration done
  'managed', // Linux: Intune / Microsoft Identity Broker installed
  'not-registered',
  'unknown', // the state could not be read
]);
export type JoinState = z.infer<typeof JoinStateSchema>;

export const DeviceSummarySchema = z.object({
  platform: z.enum(['win32', 'darwin', 'linux']),
  /** The device platform as Conditional Access names it (Windows, macOS, Linux). */
  policyPlatform: z.string(),
  osName: z.string(),
  osVersion: z.string(),
  /** Build/patch level (Windows UBR, macOS build, Linux kernel). */
  patchLevel: z.string().optional(),
  joinState: JoinStateSchema,
  joinStateLabel: z.string(),
  tenantName: z.string().optional(),
  tenantId: z.string().optional(),
  deviceId: z.string().optional(),
  prt: z.object({ present: z.boolean(), updatedAt: z.string().optional(), expiresAt: z.string().optional() }).optional(),
  lastError: z
    .object({ code: z.string().optional(), description: z.string().optional(), correlationId: z.string().optional(), time: z.string().optional() })
    .optional(),
});
export type DeviceSummary = z.infer<typeof DeviceSummarySchema>;

// ---- Findings: evidence schema per id ----

const RegistrationSchema = z.enum(['registered', 'not-registered', 'unknown']);
const opt = z.string().optional();
const yesNo = z.boolean().optional();

export const deviceFindings = defineFindings('device', {
  /** Windows: dsregcmd's join flags, or why dsregcmd could not be read. */
  'device.join-state': z.union([
    z.strictObject({ joinState: JoinStateSchema, azureAdJoined: yesNo, domainJoined: yesNo, workplaceJoined: yesNo, enterpriseJoined: yesNo, deviceId: opt, deviceName: opt }),
    z.strictObject({ spawnError: opt, exitCode: z.number().nullable(), timedOut: z.boolean() }),
  ]),
  'device.auth-status': z.strictObject({ deviceAuthStatus: opt, deviceId: opt }),
  'device.prt-missing': z.strictObject({ azureAdPrt: z.literal(false), azureAdPrtUpdateTime: opt }),
  'device.prt-expired': z.strictObject({ azureAdPrt: yesNo, azureAdPrtExpiryTime: z.string(), azureAdPrtUpdateTime: opt, now: z.string() }),
  'device.prt': z.strictObject({ azureAdPrt: z.literal(true), azureAdPrtExpiryTime: opt, azureAdPrtUpdateTime: opt }),
  'device.tenant': z.strictObject({ tenantName: opt, tenantId: opt }),
  'device.last-error': z.strictObject({ source: z.enum(['prt', 'registration']), code: opt, description: opt, correlationId: opt, requestId: opt, time: opt }),
  'device.platform-sso': z.strictObject({ deviceRegistration: RegistrationSchema, userRegistration: RegistrationSchema, loginType: opt, extensionIdentifier: opt, spawnError: opt }),
  'device.company-portal': z.strictObject({ path: z.string(), present: z.boolean() }),
  'device.sso-extension': z.strictObject({ extensionIdentifier: opt, readable: z.boolean().optional() }),
  'device.linux-management': z.strictObject({ found: z.array(z.string()), looked: z.array(z.string()).optional() }),
  'device.os': z.strictObject({ policyPlatform: z.string(), osName: z.string(), osVersion: z.string(), patchLevel: opt, source: z.string() }),
});
export const deviceFinding = findingBuilder(deviceFindings);

export const DeviceStatusSchema = z.object({ summary: DeviceSummarySchema, findings: z.array(FindingSchema) });
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

/** A real access token is a few KB; more than this is not a token. */
export const MAX_TOKEN_INPUT = 64 * 1024;

export const TokenTimeSchema = z.object({
  claim: z.enum(['exp', 'nbf', 'iat']),
  epochSeconds: z.number(),
  iso: z.string(),
  /** "expires in 42 min", "expired 3 h ago", "issued 5 min ago", against the corrected clock. */
  relative: z.string(),
});

export const TokenFlagSchema = z.object({
  id: z.enum(['expired', 'not-yet-valid', 'wrong-audience', 'missing-scopes', 'no-expiry', 'unsigned']),
  severity: z.enum(['info', 'warn', 'fail']),
  message: z.string(),
});
export type TokenFlag = z.infer<typeof TokenFlagSchema>;

export const TokenInspectionSchema = z.object({
  header: z.record(z.string(), z.unknown()),
  payload: z.record(z.string(), z.unknown()),
  times: z.array(TokenTimeSchema),
  claims: z.object({
    aud: z.array(z.string()),
    audienceName: z.string().optional(),
    iss: z.string().optional(),
    tid: z.string().optional(),
    appid: z.string().optional(),
    azp: z.string().optional(),
    scopes: z.array(z.string()),
    roles: z.array(z.string()),
    upn: z.string().optional(),
    amr: z.array(z.string()),
    deviceid: z.string().optional(),
  }),
  flags: z.array(TokenFlagSchema),
  /** The clock the times were compared with (local clock + offset). */
  clock: z.object({ now: z.string(), offsetMs: z.number(), corrected: z.boolean() }),
  signatureVerified: z.literal(false),
  signatureNote: z.string(),
});
export type TokenInspection = z.infer<typeof TokenInspectionSchema>;

export const InspectTokenInputSchema = z
  .object({
    token: z.string().max(MAX_TOKEN_INPUT, `The text is larger than ${MAX_TOKEN_INPUT / 1024} KB: a token is a few KB. Paste only the token.`),
    needScopes: z.array(z.string().min(1).max(200)).max(50).default([]),
    /** The API the token is meant for; when absent, any audience other than Graph or Teams is flagged as info. */
    expectAudience: z.enum(['graph', 'teams']).optional(),
    /** Offset of the local clock from true time in ms (from the clock check: true = local + offset). */
    offsetMs: z.number().finite().min(-10 * 365 * 86_400_000).max(10 * 365 * 86_400_000).optional(),
  })
  .strict();

export const deviceCalls = {
  'device.status': call(
    z.object({}).strict(),
    DeviceStatusSchema,
    'What a Conditional Access policy sees of this device: join/registration state, PRT, OS version and platform.',
  ),
  'device.inspect-token': call(
    InspectTokenInputSchema,
    TokenInspectionSchema,
    'Decode a pasted JWT offline (signature NOT verified) and flag expiry, audience and missing scopes. Never stored.',
  ),
} satisfies CallTable;
export const deviceEvents = {} satisfies EventTable;
