// Calls of the network domain: one full measurement (proxy sources and decisions, VPN, and per
// endpoint DNS / TCP / proxy CONNECT / TLS chain / HTTP) for the chosen Microsoft cloud.
import { z } from 'zod';
import { FindingSchema } from '../model';
import { call, defineFindings, defineFixOptions, findingBuilder, type CallTable, type EventTable } from './define';

export const CLOUDS = ['worldwide', 'gcch', 'dod'] as const;
export const CloudSchema = z.enum(CLOUDS);
export type Cloud = z.infer<typeof CloudSchema>;

/** Why a stage failed, in words a technician can act on. */
export const FailureKindSchema = z.enum([
  'dns-not-found', // the name does not exist (or no DNS server answered with it)
  'dns-no-answer', // no DNS server reachable / temporary failure
  'no-route', // network or host unreachable
  'refused', // something answered with a reset: nothing listens, or a firewall rejects
  'timed-out',
  'reset', // the connection was cut mid-way
  'proxy-auth-required', // the proxy answered 407
  'proxy-refused', // the proxy answered CONNECT with another error status
  'tls-intercepted', // the chain validates only against a locally added root
  'tls-untrusted', // the chain validates against no root we know
  'tls-name-mismatch',
  'tls-failed',
  'http-status', // HTTP answered, but not 200
  'http-invalid-json',
  'failed',
]);
export type FailureKind = z.infer<typeof FailureKindSchema>;

export const StageSchema = z.object({
  ok: z.boolean(),
  ms: z.number().optional(),
  skipped: z.string().optional(),
  failure: FailureKindSchema.optional(),
  message: z.string().optional(),
});
export type Stage = z.infer<typeof StageSchema>;

export const CertSummarySchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  fingerprint256: z.string(),
  selfSigned: z.boolean(),
});
export type CertSummary = z.infer<typeof CertSummarySchema>;

export const TlsStageSchema = StageSchema.extend({
  protocol: z.string().optional(),
  /** Leaf first: what the peer presented, then the trust anchor when the chain reached a root we hold. */
  chain: z.array(CertSummarySchema).default([]),
  /** Validated against the public roots (the ones shipped with Node/Chromium, or the test set). */
  publicTrust: z.boolean().optional(),
  /** Validates only against a root added on this machine (or by config): TLS inspection. */
  intercepted: z.boolean().optional(),
  /** The root the chain ends at when it is a local one. */
  localRoot: z.string().optional(),
  hostnameOk: z.boolean().optional(),
  error: z.string().optional(),
});
export type TlsStage = z.infer<typeof TlsStageSchema>;

export const HttpStageSchema = StageSchema.extend({
  url: z.string().optional(),
  status: z.number().optional(),
  jsonValid: z.boolean().optional(),
  /** The server's Date header (its clock; the clock domain may use it). */
  date: z.string().optional(),
});
export type HttpStage = z.infer<typeof HttpStageSchema>;

export const EndpointResultSchema = z.object({
  name: z.string(),
  host: z.string(),
  port: z.number(),
  role: z.string(),
  /** Intercepting this one breaks device authentication or certificate (CAC) sign-in. */
  critical: z.boolean(),
  /** The proxy used ("DIRECT" or "PROXY host:port") and which source decided it. */
  route: z.object({ decision: z.string(), proxy: z.string().optional(), source: z.string() }),
  dns: StageSchema.extend({ addresses: z.array(z.string()).default([]) }),
  tcp: StageSchema.extend({ address: z.string().optional() }),
  connect: StageSchema.extend({ status: z.number().optional() }).optional(),
  tls: TlsStageSchema,
  http: HttpStageSchema.optional(),
  ok: z.boolean(),
  /** First failure, for the summary. */
  failure: FailureKindSchema.optional(),
  ms: z.number(),
});
export type EndpointResult = z.infer<typeof EndpointResultSchema>;

export const ProxySourceSchema = z.object({
  source: z.enum(['config', 'env', 'wininet', 'winhttp', 'macos', 'gnome']),
  label: z.string(),
  /** direct, a fixed proxy, a PAC file, or automatic discovery (WPAD). */
  mode: z.enum(['direct', 'manual', 'pac', 'auto-detect', 'unavailable']),
  httpProxy: z.string().optional(),
  httpsProxy: z.string().optional(),
  bypass: z.array(z.string()).default([]),
  pacUrl: z.string().optional(),
  autoDetect: z.boolean().optional(),
  /** Why it could not be read (tool missing, not this OS). */
  note: z.string().optional(),
});
export type ProxySource = z.infer<typeof ProxySourceSchema>;

export const ProxyDecisionSchema = z.object({
  url: z.string(),
  host: z.string(),
  /** Our decision from the primary source: "DIRECT" or "PROXY host:port[; ...]". */
  ours: z.string(),
  source: z.string(),
  /** WinHTTP's decision (Windows), for the mismatch check. */
  winhttp: z.string().optional(),
  /** Chromium's own answer (app only, session.resolveProxy). */
  chromium: z.string().optional(),
  error: z.string().optional(),
});
export type ProxyDecision = z.infer<typeof ProxyDecisionSchema>;

export const NetworkInterfaceSchema = z.object({
  name: z.string(),
  label: z.string(),
  reason: z.string(),
  addresses: z.array(z.string()),
});

export const UdpResultSchema = z.object({ host: z.string(), port: z.number(), ok: z.boolean(), ms: z.number().optional(), message: z.string() });

// ---- Findings: evidence schema per id ----

/** Endpoints that failed the same way: one finding per kind of failure. */
const EndpointProblemSchema = z.strictObject({
  hosts: z.array(z.string()),
  failures: z.array(z.strictObject({ host: z.string(), failure: FailureKindSchema.optional(), route: z.string() })),
});

export const networkFindings = defineFindings('network', {
  'network.proxy': z.strictObject({ primary: ProxySourceSchema.shape.source, sources: z.array(ProxySourceSchema), decisions: z.array(ProxyDecisionSchema) }),
  'network.proxy-config-error': z.strictObject({ errors: z.array(z.strictObject({ host: z.string(), error: z.string().optional() })) }),
  'network.proxy-mismatch': z.strictObject({ differing: z.array(z.strictObject({ host: z.string(), wininet: z.string(), winhttp: z.string().optional() })) }),
  /** The active VPN interfaces (none: empty), or why the adapters could not be read. */
  'network.vpn': z.strictObject({ interfaces: z.array(NetworkInterfaceSchema).optional(), error: z.string().optional() }),
  'network.reachability': z.strictObject({ cloud: CloudSchema, endpoints: z.array(EndpointResultSchema), durationMs: z.number(), probeMsSum: z.number() }),
  'network.dns-failed': EndpointProblemSchema,
  'network.proxy-auth-required': EndpointProblemSchema,
  'network.proxy-refused': EndpointProblemSchema,
  'network.unreachable': EndpointProblemSchema,
  'network.tls-intercepted': EndpointProblemSchema,
  'network.tls-failed': EndpointProblemSchema,
  'network.http-failed': EndpointProblemSchema,
  'network.udp-media': z.strictObject({ udp: z.array(UdpResultSchema) }),
});
export const networkFinding = findingBuilder(networkFindings);
export type NetworkProblemFindingId = 'network.dns-failed' | 'network.proxy-auth-required' | 'network.proxy-refused' | 'network.unreachable' | 'network.tls-intercepted' | 'network.tls-failed' | 'network.http-failed';

// ---- Fix options: schema per fix id ----

export const networkFixOptions = defineFixOptions('network', {
  'network.proxy-disable': z.object({}).strict(),
  'network.proxy-bypass-add': z.object({ cloud: CloudSchema.default('worldwide') }).strict(),
  'network.dns-flush': z.object({}).strict(),
});

export const NetworkReportSchema = z.object({
  cloud: CloudSchema,
  cloudLabel: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  /** Sum of the individual probe times: wall time well below it shows the probes ran concurrently. */
  probeMsSum: z.number(),
  proxy: z.object({
    sources: z.array(ProxySourceSchema),
    primary: z.string(),
    decisions: z.array(ProxyDecisionSchema),
    mismatch: z.boolean(),
  }),
  vpn: z.object({ detected: z.boolean(), interfaces: z.array(NetworkInterfaceSchema), error: z.string().optional() }),
  endpoints: z.array(EndpointResultSchema),
  udp: z.array(UdpResultSchema),
  findings: z.array(FindingSchema),
});
export type NetworkReport = z.infer<typeof NetworkReportSchema>;

export const networkCalls = {
  'network.probe': call(
    z.object({ cloud: CloudSchema.optional() }).strict(),
    NetworkReportSchema,
    'Measure the network for a Microsoft cloud: proxy sources and decisions (with Chromium\'s in the app), VPN, and per endpoint DNS, TCP, proxy CONNECT, the presented TLS chain and the OpenID probe.',
  ),
} satisfies CallTable;
export const networkEvents = {} satisfies EventTable;
