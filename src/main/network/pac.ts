// PAC files: fetched from file:// or http(s):// with a size cap and a timeout, and evaluated in a
// worker thread (pac-worker.ts) that runs them in QuickJS (WebAssembly, with a hard memory
// maximum and our own built-in functions, pac-worker-functions.ts). A PAC is someone else's
// JavaScript, often served over plain HTTP: it never runs in our own engine, and whatever it does
// it cannot stop our event loop: loading and every FindProxyForURL call have a deadline, and a
// worker that misses one is terminated (that also stops a loop in native code, which no
// interrupt handler sees). A broken PAC becomes a PacError with its reason.
import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { withDeadline } from '../engine/deadline';
import type { PacWorkerData, PacWorkerMessage, PacWorkerRequest } from './pac-worker-protocol';
import { PacError, openPacSandbox, quickJsModule, type PacSandbox } from './pac-worker-sandbox';

export { PacError, type PacFailure } from './pac-worker-sandbox';

export const MAX_PAC_BYTES = 1024 * 1024;
export const PAC_FETCH_TIMEOUT_MS = 5000;
/** Each FindProxyForURL call. */
export const PAC_EVAL_TIMEOUT_MS = 2000;
/** Loading the PAC (parsing, rewriting, its top-level code). */
export const PAC_COMPILE_TIMEOUT_MS = 4000;
/** All FindProxyForURL calls of one PAC together (a run asks for every endpoint). */
export const PAC_TOTAL_TIMEOUT_MS = 4000;
/** V8's heap of the worker (pac-resolver rewrites the PAC's syntax tree there). */
export const PAC_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };
/** The worker's own start (loading its code), before any PAC text is touched. */
const WORKER_START_MS = 10_000;
/** For the worker to report its own interruption before we terminate it. */
const WORKER_GRACE_MS = 500;
/** How long a terminated worker may take to end before we stop waiting for it. */
const WORKER_EXIT_MS = 2000;

const tooBig = () => new PacError('too-big', `the PAC file is larger than ${MAX_PAC_BYTES / 1024} KB`);

function fetchHttp(url: URL, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? httpsGet : httpGet;
    const req = get(url, { timeout: timeoutMs, headers: { 'user-agent': 'signin-doctor' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new PacError('unreachable', `the PAC server answered HTTP ${res.statusCode ?? '?'}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PAC_BYTES) {
          req.destroy(tooBig());
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new PacError('unreachable', `the PAC file did not arrive within ${timeoutMs} ms`)), timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new PacError('unreachable', `the PAC server did not answer within ${timeoutMs} ms`)));
    req.on('error', (e) => reject(e instanceof PacError ? e : new PacError('unreachable', `the PAC file could not be fetched: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
  });
}

/** Reads a PAC file from file://, http:// or https://. */
export async function fetchPac(location: string, timeoutMs = PAC_FETCH_TIMEOUT_MS): Promise<string> {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new PacError('unreachable', `not a PAC URL: ${location.slice(0, 200)}`);
  }
  if (url.protocol === 'file:') {
    const path = fileURLToPath(url);
    const unreadable = (e: NodeJS.ErrnoException) => {
      throw new PacError('unreachable', `the PAC file cannot be read: ${e.code ?? e.message}`);
    };
    const info = await stat(path).catch(unreadable);
    if (!info.isFile()) throw new PacError('unreachable', 'the PAC location is not a file');
    if (info.size > MAX_PAC_BYTES) throw tooBig();
    // Read at most one byte past the cap: the file may grow after stat().
    const file = await open(path).catch(unreadable);
    try {
      const buf = Buffer.alloc(MAX_PAC_BYTES + 1);
      let size = 0;
      while (size < buf.length) {
        const { bytesRead } = await file.read(buf, size, buf.length - size, size);
        if (bytesRead === 0) break;
        size += bytesRead;
      }
      if (size > MAX_PAC_BYTES) throw tooBig();
      return buf.toString('utf8', 0, size);
    } finally {
      await file.close();
    }
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return fetchHttp(url, timeoutMs);
  throw new PacError('unreachable', `unsupported PAC URL scheme ${url.protocol}`);
}

export interface PacEvaluator {
  /** FindProxyForURL(url, host) -> "PROXY host:port; DIRECT" etc. Calls run one after another. */
  find(url: string): Promise<string>;
  /** Stops the evaluator; resolves when its worker thread has ended. */
  dispose(): Promise<void>;
}

export interface PacEvaluatorOptions {
  /** Deadline of each FindProxyForURL call. */
  timeoutMs?: number;
  /** Deadline of loading the PAC. */
  compileMs?: number;
  /** Deadline of all calls together. */
  totalMs?: number;
  /** The worker bundle; null runs the sandbox on this thread (sources run by tests). */
  workerFile?: string | null;
  /** V8 limits of the worker (default PAC_WORKER_LIMITS). */
  resourceLimits?: ResourceLimits;
}

/** Worker threads of PAC evaluators that have not ended yet (tests check none is left). */
let runningWorkers = 0;
export const runningPacWorkers = (): number => runningWorkers;

/**
 * The worker the app and the CLI use: pac-worker.js beside the bundle (dist/cli.js,
 * dist/main/index.js, or one level up from a chunk folder). Running from the TypeScript sources
 * (tests) there is none: null, the same sandbox on this thread. A bundle without its worker is a
 * packaging fault and fails closed (the PAC is not run).
 */
export function defaultPacWorkerFile(dir: string = __dirname): string | null {
  const file = [join(dir, 'pac-worker.js'), join(dir, '..', 'pac-worker.js')].find((f) => existsSync(f));
  if (file) return file;
  if (__filename.endsWith('.ts')) return null;
  throw new PacError('crashed', `the PAC evaluator (pac-worker.js) is missing beside ${dir}; the PAC file was not run`);
}

/** What runs the PAC: a worker thread, or the sandbox on this thread. */
interface Backend {
  /** One call with the deadline `ms`. */
  call(url: string, ms: number): Promise<string>;
  /** Ends the backend; resolves when it has. */
  stop(): Promise<void>;
}

const timedOut = (ms: number) => new PacError('timeout', `FindProxyForURL ran longer than ${ms} ms and was stopped`);

/** Worker thread of one PAC. Every wait has a deadline; a missed one terminates the thread. */
class PacWorker implements Backend {
  private readonly worker: Worker;
  private readonly inbox: PacWorkerMessage[] = [];
  private waiter: ((m: PacWorkerMessage | PacError) => void) | undefined;
  private failure: PacError | undefined;
  private ending: Promise<void> | undefined;
  private readonly exited: Promise<void>;
  private nextId = 1;

  constructor(file: string, data: PacWorkerData, limits: ResourceLimits) {
    // stdout/stderr are ours to drop: nothing a PAC prints may reach our stdout (the --json document).
    this.worker = new Worker(file, { workerData: data, resourceLimits: limits, stdout: true, stderr: true });
    runningWorkers++;
    this.exited = new Promise((resolve) => this.worker.once('exit', () => (runningWorkers--, resolve())));
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.worker.unref(); // only a pending wait keeps the process alive
    this.worker.on('message', (m: PacWorkerMessage) => (this.waiter ? this.waiter(m) : this.inbox.push(m)));
    this.worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      void this.fail(
        memory
          ? new PacError('memory', `the PAC file used more memory than the evaluator's ${limits.maxOldGenerationSizeMb ?? '?'} MB and was stopped`)
          : new PacError('crashed', `the PAC evaluator failed: ${error.message.slice(0, 300)}`),
      );
    });
    void this.exited.then(() => this.fail(new PacError('crashed', 'the PAC evaluator stopped unexpectedly')));
  }

  /** Waits for the next message from the worker, at most `ms`. */
  private next(ms: number, onTimeout: () => PacError): Promise<PacWorkerMessage> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.worker.ref();
      const timer = setTimeout(() => void this.fail(onTimeout()), ms);
      this.waiter = (m) => {
        clearTimeout(timer);
        this.waiter = undefined;
        this.worker.unref();
        if (m instanceof PacError) reject(m);
        else resolve(m);
      };
    });
  }

  /** The first failure ends the thread; whoever waits learns of it once the thread has ended. */
  private fail(error: PacError): Promise<void> {
    if (!this.ending) {
      this.failure = error;
      this.ending = (async () => {
        await this.worker.terminate().catch(() => undefined);
        // terminate() settles when the thread has ended; the exit event follows. Never wait forever.
        await withDeadline(this.exited, WORKER_EXIT_MS, () => undefined);
        this.waiter?.(error);
      })();
    }
    return this.ending;
  }

  async start(compileMs: number): Promise<void> {
    const first = await this.next(WORKER_START_MS, () => new PacError('crashed', `the PAC evaluator did not start within ${WORKER_START_MS / 1000} s`));
    const m = first.type === 'loaded' ? await this.next(compileMs + WORKER_GRACE_MS, () => new PacError('timeout', `the PAC file's top-level code ran longer than ${compileMs} ms and was stopped`)) : first;
    if (m.type === 'ready') return;
    const error = m.type === 'failed' ? new PacError(m.reason, m.message) : new PacError('crashed', `the PAC evaluator sent "${m.type}" while loading`);
    await this.fail(error);
    throw error;
  }

  async call(url: string, ms: number): Promise<string> {
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    this.worker.postMessage({ id, url, ms } satisfies PacWorkerRequest);
    const m = await this.next(ms + WORKER_GRACE_MS, () => timedOut(ms));
    if (m.type !== 'answer' || m.id !== id) throw new PacError('crashed', `the PAC evaluator answered out of turn ("${m.type}")`);
    if (m.ok) return m.value;
    throw new PacError(m.reason, m.message);
  }

  stop(): Promise<void> {
    return this.fail(new PacError('crashed', 'the PAC evaluator was closed'));
  }
}

/** The same sandbox on this thread (sources run by tests): a loop in native code is not stopped. */
class InThread implements Backend {
  constructor(private readonly sandbox: PacSandbox) {}
  call(url: string, ms: number): Promise<string> {
    return withDeadline(this.sandbox.find(url, ms), ms + WORKER_GRACE_MS, () => {
      throw timedOut(ms);
    });
  }
  async stop(): Promise<void> {
    this.sandbox.dispose();
  }
}

/**
 * Loads a PAC script and returns its evaluator. Throws PacError when the PAC is too big, does not
 * compile, or its top-level code is too slow or too hungry. Calls run one at a time, each within
 * `timeoutMs` and all within `totalMs`; a PAC that times out or runs out of memory is stopped for
 * good (later calls get the same PacError), one that throws for one URL may still answer another.
 */
export async function createPacEvaluator(script: string, options: PacEvaluatorOptions = {}): Promise<PacEvaluator> {
  const callMs = options.timeoutMs ?? PAC_EVAL_TIMEOUT_MS;
  const compileMs = options.compileMs ?? PAC_COMPILE_TIMEOUT_MS;
  const totalMs = options.totalMs ?? PAC_TOTAL_TIMEOUT_MS;
  if (script.length > MAX_PAC_BYTES) throw tooBig();
  const workerFile = options.workerFile === undefined ? defaultPacWorkerFile() : options.workerFile;
  const module = await quickJsModule().catch((error: unknown) => {
    throw new PacError('crashed', `the PAC sandbox could not be loaded: ${String(error).slice(0, 300)}`);
  });
  let backend: PacWorker | InThread;
  if (workerFile) {
    const worker = new PacWorker(workerFile, { script, module, compileMs }, options.resourceLimits ?? PAC_WORKER_LIMITS);
    await worker.start(compileMs);
    backend = worker;
  } else {
    backend = new InThread(await openPacSandbox(script, module, compileMs));
  }

  let used = 0;
  let stopped: PacError | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const one = async (url: string): Promise<string> => {
    if (stopped) throw stopped;
    const left = totalMs - used;
    const overBudget = () => new PacError('timeout', `FindProxyForURL ran longer than ${totalMs} ms in total and was stopped`);
    if (left <= 0) throw (stopped = overBudget());
    const start = performance.now();
    try {
      return await backend.call(url, Math.min(callMs, left));
    } catch (error) {
      let e = error instanceof PacError ? error : new PacError('crashed', `the PAC evaluator failed: ${String(error).slice(0, 300)}`);
      if (e.reason === 'timeout' && left < callMs) e = overBudget();
      if (e.reason === 'timeout' || e.reason === 'memory' || e.reason === 'crashed') {
        stopped = e;
        await backend.stop();
      }
      throw e;
    } finally {
      used += performance.now() - start;
    }
  };
  return {
    find(url) {
      const result = queue.then(() => one(url));
      queue = result.catch(() => undefined);
      return result;
    },
    async dispose() {
      stopped ??= new PacError('crashed', 'the PAC evaluator was closed');
      await backend.stop();
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
