// The `network` section of the config file: another endpoint list (tests point it at loopback
// HTTPS servers), the proxy to use, the trust roots and the per-stage timeouts.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CloudSchema, type Cloud } from '../../shared/contract/network';
import { badInput } from '../common/errors';
import type { EngineContext } from '../engine/types';
import { CLOUD_DEFINITIONS, MEDIA_PORTS, type CloudDefinition, type Endpoint } from './endpoints';

const HOST_RE = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\d{1,3}(\.\d{1,3}){3}$/;
const Host = z.string().regex(HOST_RE, 'a host name or IPv4 address');
const Port = z.number().int().min(1).max(65535);
const Ms = z.number().int().min(10).max(120_000);

const EndpointConfig = z
  .object({
    name: z.string().max(100).optional(),
    host: Host,
    port: Port.default(443),
    role: z.enum(['sign-in', 'device', 'assets', 'teams', 'graph', 'cac']).default('sign-in'),
    critical: z.boolean().default(false),
    openIdPath: z.string().regex(/^\/[\x21-\x7e]*$/).max(500).optional(),
  })
  .strict();

const NetworkConfigSchema = z
  .object({
    cloud: CloudSchema.optional(),
    endpoints: z.array(EndpointConfig).min(1).max(50).optional(),
    /** "DIRECT", "http://[user:pass@]host:port" or a PAC URL (file:, http:, https:) prefixed "pac+". */
    proxy: z.string().max(2000).optional(),
    /** PEM text or a file path: the roots that count as public (tests pass their test CA). */
    publicRoots: z.string().max(2_000_000).optional(),
    publicRootsFile: z.string().max(4096).optional(),
    /** Extra roots that count as locally added (tests pass the inspecting proxy's CA). */
    localRoots: z.string().max(2_000_000).optional(),
    localRootsFile: z.string().max(4096).optional(),
    timeouts: z.object({ dnsMs: Ms, tcpMs: Ms, connectMs: Ms, tlsMs: Ms, httpMs: Ms, udpMs: Ms }).partial().strict().optional(),
    udp: z.union([z.literal(false), z.object({ host: Host, ports: z.array(Port).min(1).max(8) }).strict()]).optional(),
  })
  .strict();
export type NetworkConfig = z.infer<typeof NetworkConfigSchema>;

export interface Timeouts {
  dnsMs: number;
  tcpMs: number;
  connectMs: number;
  tlsMs: number;
  httpMs: number;
  udpMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { dnsMs: 3000, tcpMs: 4000, connectMs: 5000, tlsMs: 5000, httpMs: 6000, udpMs: 1500 };

export interface NetworkSettings {
  cloud: CloudDefinition;
  endpoints: Endpoint[];
  proxyOverride?: string;
  publicRoots?: string[];
  localRoots: string[];
  timeouts: Timeouts;
  udp?: { host: string; ports: number[] };
}

function pemList(text: string | undefined, file: string | undefined, what: string): string[] | undefined {
  let pem = text;
  if (file) {
    try {
      pem = readFileSync(file, 'utf8');
    } catch (error) {
      throw badInput(`network.${what}File: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (pem === undefined) return undefined;
  const certs = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (!certs.length) throw badInput(`network.${what}: no PEM certificate found`);
  return certs;
}

export function readNetworkConfig(ctx: Pick<EngineContext, 'config'>): NetworkConfig {
  const raw = ctx.config.network ?? {};
  const parsed = NetworkConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(`config network${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Everything a probe run needs, from the config and the chosen cloud (the call's choice wins). */
export function networkSettings(ctx: Pick<EngineContext, 'config'>, cloud?: Cloud): NetworkSettings {
  const config = readNetworkConfig(ctx);
  const definition = CLOUD_DEFINITIONS[cloud ?? config.cloud ?? 'worldwide'];
  const endpoints = config.endpoints?.map((e) => ({ ...e, name: e.name ?? `${e.host}:${e.port}` })) ?? definition.endpoints;
  const publicRoots = pemList(config.publicRoots, config.publicRootsFile, 'publicRoots');
  const udp =
    config.udp === false ? undefined : (config.udp ?? (definition.mediaRelay && !config.endpoints ? { host: definition.mediaRelay, ports: [...MEDIA_PORTS] } : undefined));
  return {
    cloud: definition,
    endpoints,
    ...(config.proxy ? { proxyOverride: config.proxy } : {}),
    ...(publicRoots ? { publicRoots } : {}),
    localRoots: pemList(config.localRoots, config.localRootsFile, 'localRoots') ?? [],
    timeouts: { ...DEFAULT_TIMEOUTS, ...config.timeouts },
    ...(udp ? { udp } : {}),
  };
}
