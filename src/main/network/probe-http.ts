// The OpenID configuration probe over the already-open TLS socket: status, valid JSON with the
// fields a sign-in needs, and the server's Date header.
import { request } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { HttpStage } from '../../shared/contract/network';
import { classify, elapsed, withProbeDeadline } from './probe-failure';

const MAX_BODY = 1024 * 1024;

export async function probeHttp(socket: TLSSocket, host: string, port: number, path: string, timeoutMs: number): Promise<HttpStage> {
  const start = performance.now();
  const url = `https://${host}${port === 443 ? '' : `:${port}`}${path}`;
  let req: ReturnType<typeof request> | undefined;
  try {
    const { status, body, date } = await withProbeDeadline(
      new Promise<{ status: number; body: string; date?: string }>((resolve, reject) => {
        req = request(
          {
            host,
            port,
            path,
            method: 'GET',
            // No `agent` at all: with `agent: false` Node makes a fresh Agent that ignores
            // createConnection and opens a new plain-text connection instead of using our socket.
            createConnection: () => socket,
            headers: { host: port === 443 ? host : `${host}:${port}`, accept: 'application/json', 'user-agent': 'signin-doctor', connection: 'close' },
          },
          (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (c: Buffer) => {
              size += c.length;
              if (size > MAX_BODY) res.destroy(new Error('the answer is larger than 1 MB'));
              else chunks.push(c);
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ...(typeof res.headers.date === 'string' ? { date: res.headers.date } : {}) }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end();
      }),
      timeoutMs,
      'HTTP request',
      () => req?.destroy(),
    );
    const ms = elapsed(start);
    const base = { url, status, ms, ...(date ? { date } : {}) };
    if (status !== 200) return { ...base, ok: false, failure: 'http-status', message: `HTTP ${status} instead of 200` };
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { ...base, ok: false, jsonValid: false, failure: 'http-invalid-json', message: 'the answer is not JSON (a proxy or captive portal page?)' };
    }
    const doc = json as Record<string, unknown>;
    if (typeof doc !== 'object' || doc === null || typeof doc.issuer !== 'string' || typeof doc.authorization_endpoint !== 'string') {
      return { ...base, ok: false, jsonValid: false, failure: 'http-invalid-json', message: 'the JSON is not an OpenID configuration (no issuer / authorization_endpoint)' };
    }
    return { ...base, ok: true, jsonValid: true };
  } catch (error) {
    const failure = classify(error);
    return { url, ok: false, ms: elapsed(start), failure: failure.kind, message: `HTTP: ${failure.message}` };
  } finally {
    socket.destroy();
  }
}
