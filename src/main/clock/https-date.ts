// Fallback when no NTP server answers (UDP 123 is often blocked): the HTTP `Date` header of the
// sign-in endpoint. It has 1 s resolution, so the server's time is taken as Date + 0.5 s at the
// midpoint of our round trip: about ±0.5 s + RTT/2, plenty for minute-scale skew.
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';

export interface HttpsDateResult {
  ok: boolean;
  url: string;
  offsetMs?: number;
  delayMs?: number;
  serverDate?: string;
  detail?: string;
}

export function httpsDateOffset(url: string, options: { timeoutMs: number; now?: () => number; signal?: AbortSignal }): Promise<HttpsDateResult> {
  const now = options.now ?? Date.now;
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ ok: false, url, detail: 'not a valid URL' });
      return;
    }
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!client) {
      resolve({ ok: false, url, detail: 'only http(s) URLs' });
      return;
    }
    const t1 = now();
    const p1 = performance.now();
    let done = false;
    const finish = (r: HttpsDateResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    const req = client.request(target, { method: 'HEAD', agent: false, ...(options.signal ? { signal: options.signal } : {}) }, (res) => {
      const rtt = performance.now() - p1;
      res.resume();
      const header = res.headers.date;
      const serverMs = header ? Date.parse(header) : NaN;
      if (!header || !Number.isFinite(serverMs)) {
        finish({ ok: false, url, detail: header ? `unreadable Date header ${JSON.stringify(header.slice(0, 60))}` : `no Date header (HTTP ${res.statusCode ?? '?'})` });
        return;
      }
      const localMid = t1 + rtt / 2;
      finish({ ok: true, url, offsetMs: Math.round(serverMs + 500 - localMid), delayMs: Math.round(rtt), serverDate: new Date(serverMs).toISOString() });
    });
    const timer = setTimeout(() => finish({ ok: false, url, detail: `no answer within ${options.timeoutMs} ms` }), options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, url, detail: `${error.code ?? 'error'}: ${error.message}` }));
    req.end();
  });
}
