// The test harness: serves the built renderer and the real handler table over HTTP + SSE on
// 127.0.0.1 with a random token (a cookie set when the tokenised URL is opened). It never ships.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { build } from 'esbuild';
import { SECURITY_HEADERS } from '../../../src/main/app/csp';
import { createEngineContext, type ContextOptions } from '../../../src/main/engine-context';
import { createService, type HostPorts, type HostService, type ServiceOptions } from '../../../src/main/service';

/** The checkout's root, found upward from here (this file also runs bundled from node_modules/.cache). */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    try {
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'signin-doctor') return dir;
    } catch {
      // keep climbing
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the signin-doctor checkout');
    dir = parent;
  }
}
const ROOT = findRoot(__dirname);
const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png' };
const MAX_BODY = 8 * 1024 * 1024;

export interface Harness {
  url: string;
  token: string;
  service: HostService;
  /** URLs the UI asked to open externally (the harness opens nothing). */
  opened: string[];
  close(): Promise<void>;
}

export interface HarnessOptions extends ContextOptions {
  rendererDir?: string;
  host?: Partial<HostPorts>;
  /** Sees every runner event: a test can hold a repair at an exact step (see engine/runner.ts). */
  probe?: ServiceOptions['probe'];
}

async function bundleBridge(): Promise<string> {
  const result = await build({ entryPoints: [join(ROOT, 'test/support/harness/bridge.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

function tokenOk(req: IncomingMessage, token: string): boolean {
  const cookie = /(?:^|;\s*)sd_token=([a-f0-9]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
  const a = Buffer.from(cookie);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = options.rendererDir ?? process.env.SIGNIN_DOCTOR_RENDERER_DIR ?? join(ROOT, 'dist/renderer');
  const token = randomBytes(16).toString('hex');
  const opened: string[] = [];
  const host: HostPorts = {
    openExternal: async (url) => {
      opened.push(url);
      return true;
    },
    ...options.host,
  };
  const service = createService(createEngineContext(options), host, options.probe ? { probe: options.probe } : {});
  const bridgeJs = await bundleBridge();
  const sseClients = new Set<ServerResponse>();
  const unsubscribe = service.subscribe((name, payload) => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const send = (res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
    res.end(body);
  };

  const server: HttpServer = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/' || url.pathname === '/index.html') {
        const given = url.searchParams.get('token') ?? '';
        const authorised = given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
        if (!authorised && !tokenOk(req, token)) return send(res, 403, 'token required');
        const html = (await readFile(join(rendererDir, 'index.html'), 'utf8')).replace('<head>', '<head>\n    <script src="/__harness/bridge.js"></script>');
        return send(res, 200, html, MIME['.html'], { 'Set-Cookie': `sd_token=${token}; HttpOnly; SameSite=Strict; Path=/` });
      }
      if (url.pathname === '/__harness/bridge.js') return send(res, 200, bridgeJs, MIME['.js']);
      if (url.pathname.startsWith('/__harness/')) {
        if (!tokenOk(req, token)) return send(res, 403, 'forbidden');
        if (url.pathname === '/__harness/events') {
          res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
          res.write(': connected\n\n');
          sseClients.add(res);
          req.on('close', () => sseClients.delete(res));
          return;
        }
        const call = /^\/__harness\/call\/([a-z.-]+)$/.exec(url.pathname);
        if (call && req.method === 'POST') {
          let input: unknown;
          try {
            input = JSON.parse(await readBody(req));
          } catch (error) {
            return send(res, 200, JSON.stringify({ ok: false, error: { code: 'bad-input', message: (error as Error).message } }), 'application/json');
          }
          const result = await service.invoke(call[1]!, input);
          return send(res, 200, JSON.stringify(result), 'application/json');
        }
        return send(res, 404, 'not found');
      }
      const file = normalize(join(rendererDir, decodeURIComponent(url.pathname)));
      if (!file.startsWith(rendererDir + sep)) return send(res, 404, 'not found');
      try {
        return send(res, 200, await readFile(file), MIME[extname(file)] ?? 'application/octet-stream');
      } catch {
        return send(res, 404, 'not found');
      }
    })().catch((error: unknown) => send(res, 500, String(error)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    service,
    opened,
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
      await service.close();
    },
  };
}
