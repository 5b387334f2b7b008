// The endpoints each Microsoft cloud signs in through, as data (Microsoft 365 endpoint lists).
// Wildcard entries of the lists are probed through one concrete host that serves them.
import type { Cloud } from '../../shared/contract/network';

export type EndpointRole = 'sign-in' | 'device' | 'assets' | 'teams' | 'graph' | 'cac';

export interface Endpoint {
  /** Shown in tables; the host unless a config names it. */
  name: string;
  host: string;
  port: number;
  role: EndpointRole;
  /** TLS inspection here breaks device authentication or certificate (CAC) sign-in. */
  critical: boolean;
  /** Path of the unauthenticated OpenID configuration document, probed over HTTP. */
  openIdPath?: string;
}

export interface CloudDefinition {
  id: Cloud;
  label: string;
  endpoints: Endpoint[];
  /** Hosts for the proxy bypass list (wildcards allowed). */
  bypassHosts: string[];
  /** Teams media relay probed over UDP 3478-3481, where Microsoft documents one. */
  mediaRelay?: string;
}

const OPENID = '/common/v2.0/.well-known/openid-configuration';
const ep = (host: string, role: EndpointRole, critical: boolean, openIdPath?: string): Endpoint => ({
  name: host,
  host,
  port: 443,
  role,
  critical,
  ...(openIdPath ? { openIdPath } : {}),
});

export const CLOUD_DEFINITIONS: Record<Cloud, CloudDefinition> = {
  worldwide: {
    id: 'worldwide',
    label: 'Worldwide / GCC',
    endpoints: [
      ep('login.microsoftonline.com', 'sign-in', true, OPENID),
      ep('login.microsoft.com', 'sign-in', true),
      ep('device.login.microsoftonline.com', 'device', true),
      ep('enterpriseregistration.windows.net', 'device', true),
      // Certificate (CAC/PIV) sign-in: the client certificate cannot pass a TLS-inspecting proxy. Not
      // critical here: most worldwide tenants do not use certificate sign-in.
      ep('certauth.login.microsoftonline.com', 'cac', false),
      ep('aadcdn.msauth.net', 'assets', false),
      ep('aadcdn.msftauth.net', 'assets', false),
      ep('teams.microsoft.com', 'teams', false),
      ep('statics.teams.cdn.office.net', 'teams', false),
      ep('graph.microsoft.com', 'graph', false),
    ],
    bypassHosts: [
      'login.microsoftonline.com',
      'login.microsoft.com',
      'device.login.microsoftonline.com',
      'enterpriseregistration.windows.net',
      'certauth.login.microsoftonline.com',
      '*.certauth.login.microsoftonline.com',
      '*.msauth.net',
      '*.msftauth.net',
    ],
    mediaRelay: 'worldaz.tr.teams.microsoft.com',
  },
  gcch: {
    id: 'gcch',
    label: 'GCC High',
    endpoints: [
      ep('login.microsoftonline.us', 'sign-in', true, OPENID),
      ep('certauth.login.microsoftonline.us', 'cac', false),
      ep('gov.teams.microsoft.us', 'teams', false),
      ep('graph.microsoft.us', 'graph', false),
    ],
    bypassHosts: ['login.microsoftonline.us', 'certauth.login.microsoftonline.us', '*.certauth.login.microsoftonline.us'],
  },
  dod: {
    id: 'dod',
    label: 'DoD',
    endpoints: [
      ep('login.microsoftonline.us', 'sign-in', true, OPENID),
      ep('certauth.login.microsoftonline.us', 'cac', true),
      ep('dod.teams.microsoft.us', 'teams', false),
      ep('dod-graph.microsoft.us', 'graph', false),
    ],
    bypassHosts: ['login.microsoftonline.us', 'certauth.login.microsoftonline.us', '*.certauth.login.microsoftonline.us'],
  },
};

export const MEDIA_PORTS = [3478, 3479, 3480, 3481] as const;
