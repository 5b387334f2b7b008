// Local HTTPS servers standing in for the Microsoft sign-in endpoints: a certificate from a test
// CA, the OpenID configuration JSON at the usual path, and Node's Date header (the server clock).
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TestLeaf } from './test-ca';

export const OPENID_PATH = '/common/v2.0/.well-known/openid-configuration';

export interface HttpsEndpoint {
  host: string;
  port: number;
  /** Requests served (a test can see the probe never sent one). */
  requests: string[];
  close(): Promise<void>;
}

export interface HttpsEndpointOptions {
  leaf: TestLeaf;
  /** Override the answer (status, body) — e.g. a captive-portal page instead of JSON. */
  respond?: (req: IncomingMessage, res: ServerResponse) => void;
}

export function openIdDocument(host: string): Record<string, unknown> {
  return {
    issuer: `https://${host}/{tenantid}/v2.0`,
    authorization_endpoint: `https://${host}/common/oauth2/v2.0/authorize`,
    token_endpoint: `https://${host}/common/oauth2/v2.0/token`,
    jwks_uri: `https://${host}/common/discovery/v2.0/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
  };
}

export async function startHttpsEndpoint(options: HttpsEndpointOptions): Promise<HttpsEndpoint> {
  const requests: string[] = [];
  const server: Server = createServer({ cert: options.leaf.chainPem, key: options.leaf.keyPem }, (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (options.respond) return options.respond(req, res);
    if (req.url === OPENID_PATH) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(openIdDocument(req.headers.host ?? 'localhost')));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: 'localhost',
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
