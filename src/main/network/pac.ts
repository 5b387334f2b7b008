// PAC files: fetched from file:// or http(s):// with a size cap and a timeout, and evaluated in a
// QuickJS WebAssembly sandbox (pac-resolver over quickjs-wasi) with a memory limit and an
// instruction-time limit. A PAC is someone else's JavaScript: it never runs in our own engine.
import { readFile, stat } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { fileURLToPath } from 'node:url';
import { createPacResolver } from 'pac-resolver';
import { QuickJS } from 'quickjs-wasi';
import { withDeadline } from '../engine/deadline';

export const MAX_PAC_BYTES = 1024 * 1024;
export const PAC_FETCH_TIMEOUT_MS = 5000;
export const PAC_EVAL_TIMEOUT_MS = 2000;
const PAC_MEMORY_BYTES = 32 * 1024 * 1024;

export class PacError extends Error {
  override name = 'PacError';
}

function fetchHttp(url: URL, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? httpsGet : httpGet;
    const req = get(url, { timeout: timeoutMs, headers: { 'user-agent': 'signin-doctor' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new PacError(`the PAC server answered HTTP ${res.statusCode ?? '?'}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PAC_BYTES) {
          req.destroy(new PacError(`the PAC file is larger than ${MAX_PAC_BYTES / 1024} KB`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new PacError(`the PAC file did not arrive within ${timeoutMs} ms`)), timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new PacError(`the PAC server did not answer within ${timeoutMs} ms`)));
    req.on('error', (e) => reject(e instanceof PacError ? e : new PacError(`the PAC file could not be fetched: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
  });
}

/** Reads a PAC file from file://, http:// or https://. */
export async function fetchPac(location: string, timeoutMs = PAC_FETCH_TIMEOUT_MS): Promise<string> {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new PacError(`not a PAC URL: ${location.slice(0, 200)}`);
  }
  if (url.protocol === 'file:') {
    const path = fileURLToPath(url);
    const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
      throw new PacError(`the PAC file cannot be read: ${e.code ?? e.message}`);
    });
    if (!info.isFile()) throw new PacError('the PAC location is not a file');
    if (info.size > MAX_PAC_BYTES) throw new PacError(`the PAC file is larger than ${MAX_PAC_BYTES / 1024} KB`);
    return readFile(path, 'utf8');
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return fetchHttp(url, timeoutMs);
  throw new PacError(`unsupported PAC URL scheme ${url.protocol}`);
}

export interface PacEvaluator {
  /** FindProxyForURL(url, host) -> "PROXY host:port; DIRECT" etc. */
  find(url: string): Promise<string>;
  dispose(): void;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  return withDeadline(work, ms, () => {
    throw new PacError(`${what} took longer than ${ms} ms`);
  });
}

/** Compiles a PAC script in a fresh sandbox. Throws PacError for scripts that do not compile. */
export async function createPacEvaluator(script: string, timeoutMs = PAC_EVAL_TIMEOUT_MS): Promise<PacEvaluator> {
  if (script.length > MAX_PAC_BYTES) throw new PacError(`the PAC file is larger than ${MAX_PAC_BYTES / 1024} KB`);
  let deadline = Date.now() + timeoutMs;
  let ticks = 0;
  const qjs = await QuickJS.create({
    memoryLimit: PAC_MEMORY_BYTES,
    // Called about once per bytecode instruction: look at the clock only now and then.
    interruptHandler: () => (++ticks & 0x3ff) === 0 && Date.now() > deadline,
  });
  let find: ReturnType<typeof createPacResolver>;
  try {
    find = createPacResolver(qjs, script);
  } catch (error) {
    qjs.dispose();
    throw new PacError(`the PAC file does not compile: ${error instanceof Error ? error.message : String(error)}`);
  }
  let disposed = false;
  return {
    async find(url) {
      deadline = Date.now() + timeoutMs;
      try {
        const result = await withTimeout(find(url), timeoutMs, 'FindProxyForURL');
        if (typeof result !== 'string') throw new PacError('FindProxyForURL did not return a string');
        return result.trim();
      } catch (error) {
        if (error instanceof PacError) throw error;
        const text = error instanceof Error ? error.message : String(error);
        throw new PacError(/interrupted/i.test(text) ? `FindProxyForURL ran longer than ${timeoutMs} ms and was stopped` : `FindProxyForURL failed: ${text.slice(0, 300)}`);
      }
    },
    dispose() {
      if (!disposed) qjs.dispose();
      disposed = true;
    },
  };
}

/** "PROXY a:1; SOCKS b:2; DIRECT" -> the first entry we can use (PROXY/HTTPS or DIRECT). */
export function firstPacEntry(result: string): { kind: 'direct' } | { kind: 'proxy'; hostPort: string } | { kind: 'unsupported'; text: string } {
  for (const part of result.split(';').map((s) => s.trim()).filter(Boolean)) {
    const [kind, hostPort] = part.split(/\s+/, 2);
    if (/^direct$/i.test(kind ?? '')) return { kind: 'direct' };
    if (/^(proxy|https|http)$/i.test(kind ?? '') && hostPort) return { kind: 'proxy', hostPort };
  }
  return result.trim() ? { kind: 'unsupported', text: result.trim() } : { kind: 'direct' };
}
