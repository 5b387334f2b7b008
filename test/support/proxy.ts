// Proxies for the network tests, on loopback only:
// - a REAL tinyproxy (Debian package) with a private config in a temp dir, run in the foreground;
//   optionally with BasicAuth so CONNECT gets a 407;
// - a small TLS-intercepting proxy in Node: it answers CONNECT, presents a certificate for the
//   requested host signed by its own CA (the "inspecting" CA), and relays to the real server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect as netConnect, isIP, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket, connect as tlsConnect } from 'node:tls';
import { createSecureContext } from 'node:tls';
import type { TestCa, TestLeaf } from './test-ca';

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * tinyproxy says nothing on stdout when it listens: connect until it accepts. A tinyproxy that
 * exits or cannot start fails at once; the give-up is only a backstop longer than any hook
 * timeout, so the hook's timeout is the real deadline.
 */
async function waitForPort(port: number, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  let gone: Error | undefined;
  const onExit = (code: number | null, signal: string | null) => (gone = new Error(`tinyproxy exited (${code ?? signal}) before it listened on ${port}`));
  const onError = (error: Error) => (gone = new Error(`cannot start tinyproxy: ${error.message} (apt-get install tinyproxy)`));
  child.once('exit', onExit);
  child.once('error', onError);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (gone) throw gone;
      const ok = await new Promise<boolean>((resolve) => {
        const s = netConnect({ host: '127.0.0.1', port }, () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`tinyproxy did not listen on ${port} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.off('exit', onExit);
    child.off('error', onError);
  }
}

export interface Tinyproxy {
  port: number;
  /** http://[user:pass@]127.0.0.1:port */
  url: string;
  log(): string;
  close(): Promise<void>;
}

export async function startTinyproxy(options: { connectPorts: number[]; auth?: { user: string; pass: string } }): Promise<Tinyproxy> {
  const dir = mkdtempSync(join(tmpdir(), 'sd-tinyproxy-'));
  const port = await freePort();
  const conf = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 30',
    'Allow 127.0.0.1',
    'MaxClients 50',
    'ConnectPort 443',
    ...options.connectPorts.map((p) => `ConnectPort ${p}`),
    `PidFile "${join(dir, 'tinyproxy.pid')}"`,
    `LogFile "${join(dir, 'tinyproxy.log')}"`,
    'LogLevel Info',
    ...(options.auth ? [`BasicAuth ${options.auth.user} ${options.auth.pass}`] : []),
  ].join('\n');
  writeFileSync(join(dir, 'tinyproxy.conf'), `${conf}\n`);
  const child = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  await waitForPort(port, child);
  const cred = options.auth ? `${options.auth.user}:${options.auth.pass}@` : '';
  return {
    port,
    url: `http://${cred}127.0.0.1:${port}`,
    log: () => {
      try {
        return readFileSync(join(dir, 'tinyproxy.log'), 'utf8');
      } catch {
        return '';
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface InterceptingProxy {
  port: number;
  url: string;
  /** Hosts it presented a forged certificate for. */
  intercepted: string[];
  close(): Promise<void>;
}

/** Answers CONNECT host:port, terminates TLS with a leaf from `ca`, relays to the real host:port. */
export async function startInterceptingProxy(ca: TestCa): Promise<InterceptingProxy> {
  const leaves = new Map<string, Promise<TestLeaf>>();
  const intercepted: string[] = [];
  const sockets = new Set<Socket>();
  const leafFor = (host: string) => {
    let leaf = leaves.get(host);
    if (!leaf) {
      leaf = ca.issueServer({ commonName: host, dnsNames: [host] });
      leaves.set(host, leaf);
    }
    return leaf;
  };
  const server: Server = createHttpServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const m = /^([^:]+):(\d+)$/.exec(req.url ?? '');
    if (!m) {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const [, host, port] = m as unknown as [string, string, string];
    void leafFor(host).then((leaf) => {
      intercepted.push(host);
      client.write('HTTP/1.1 200 Connection established\r\n\r\n');
      if (head.length) client.unshift(head);
      const tls = new TLSSocket(client, { isServer: true, secureContext: createSecureContext({ cert: leaf.chainPem, key: leaf.keyPem }) });
      tls.on('error', () => tls.destroy());
      const upstream = tlsConnect({ host: '127.0.0.1', port: Number(port), ...(isIP(host) ? {} : { servername: host }), rejectUnauthorized: false });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => tls.destroy());
      tls.pipe(upstream).pipe(tls);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    intercepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A TCP listener that accepts and never speaks: the TLS stage times out against it. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createNetServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
