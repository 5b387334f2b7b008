// PcscPort that runs the PC/SC binding in a worker thread (pcsc-worker.ts), so a hung pcscd or
// reader can block only that thread. Every call has a deadline on this side too; when the worker
// misses one it is considered stuck, dropped, and the next call starts a fresh worker.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PCSC, PcscBindingMissing, PcscError, type CardConnection, type PcscPort, type PcscSession, type ReaderSnapshot } from './pcsc-port';
import type { PcscRequest, PcscResponse, PcscValue } from './pcsc-worker-protocol';
import { smartcardPort } from './smartcard-binding';

export interface WorkerDeadlines {
  /** Deadline of the calls that are quick local IPC with pcscd (open, list, status). */
  quickMs: number;
  /** Margin over the binding's own timeout before this side gives up on the worker. */
  marginMs: number;
}

const DEADLINES: WorkerDeadlines = { quickMs: 10_000, marginMs: 5_000 };

type Request = PcscRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(value: PcscValue): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

class WorkerLink {
  /** Set when a worker failed before it ever answered: this runtime cannot host it. */
  unusable = false;
  /** Why the worker could not be used (shown in the binding text, so status and logs say so). */
  unusableReason = '';
  private answered = false;
  private worker: Worker | undefined;
  private generation = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** A dropped worker until its thread has really ended. The smartcard addon keeps per-process
   * state, so a second worker must never load it while the first one may still run. */
  private retiring: Promise<void> | undefined;

  constructor(
    private readonly file: string,
    readonly deadlines: WorkerDeadlines,
  ) {}

  /** The worker of this generation; handles of an older one are void. */
  async current(): Promise<number> {
    await this.retired(this.deadlines.quickMs);
    this.ensure();
    return this.generation;
  }

  async call(generation: number, request: Request, deadlineMs: number): Promise<PcscValue> {
    await this.retired(deadlineMs);
    const worker = this.ensure();
    if (generation !== this.generation) throw new PcscError(PCSC.SERVICE_STOPPED, 'the smart card connection was reset; try again');
    const id = this.nextId++;
    return new Promise<PcscValue>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.drop(new PcscError(PCSC.UNRESPONSIVE, 'the smart card service did not answer in time'));
        reject(new PcscError(PCSC.TIMEOUT, `the smart card service did not answer within ${Math.round(deadlineMs / 1000)} s`));
      }, deadlineMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref(); // a pending call keeps the process alive; an idle worker does not
      worker.postMessage({ ...request, id } as PcscRequest);
    });
  }

  /** For disconnect/close: nobody waits for the answer. */
  send(generation: number, request: Request): void {
    if (generation !== this.generation || !this.worker) return;
    this.worker.postMessage({ ...request, id: 0 } as PcscRequest);
  }

  private isRetiring(): boolean {
    return this.retiring !== undefined;
  }

  /** Waits (up to waitMs) for a dropped worker's thread to end. */
  private async retired(waitMs: number): Promise<void> {
    if (!this.retiring) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.retiring, new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
    if (this.isRetiring()) throw new PcscError(PCSC.UNRESPONSIVE, 'the smart card service is not answering (an earlier request is still stuck); restart the smart-card service');
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.file);
    } catch (error) {
      this.unusable = true;
      this.unusableReason = (error as Error).message;
      throw error;
    }
    worker.unref();
    worker.on('message', (res: PcscResponse) => this.answer(res));
    worker.on('error', (error) => {
      if (!this.answered) {
        this.unusable = true;
        this.unusableReason = error.message;
      }
      this.drop(new PcscError(PCSC.UNKNOWN, `the smart card worker failed: ${error.message}`));
    });
    worker.on('exit', () => this.drop(new PcscError(PCSC.UNKNOWN, 'the smart card worker stopped')));
    this.worker = worker;
    this.generation++;
    return worker;
  }

  private answer(res: PcscResponse): void {
    this.answered = true;
    const p = this.pending.get(res.id);
    if (!p) return;
    this.pending.delete(res.id);
    clearTimeout(p.timer);
    if (this.pending.size === 0) this.worker?.unref();
    if (res.ok) p.resolve(res.value);
    else p.reject(res.missing ? new PcscBindingMissing(res.missing.reason, res.message, res.missing.advice) : new PcscError(res.code, res.message));
  }

  /** Forgets the worker (stuck, crashed or exited) and fails what waited on it. */
  private drop(error: PcscError): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    const retiring = worker.terminate().then(
      () => undefined,
      () => undefined,
    );
    this.retiring = retiring;
    void retiring.then(() => {
      if (this.retiring === retiring) this.retiring = undefined;
    });
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(error);
      this.pending.delete(id);
    }
  }
}

class WorkerConnection implements CardConnection {
  constructor(
    private readonly link: WorkerLink,
    private readonly generation: number,
    private readonly handle: number,
    readonly atr: Uint8Array,
  ) {}

  async transmit(apdu: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    return (await this.link.call(this.generation, { op: 'transmit', connection: this.handle, apdu, timeoutMs }, timeoutMs + this.link.deadlines.marginMs)) as Uint8Array;
  }

  async stillPresent(): Promise<boolean> {
    try {
      return (await this.link.call(this.generation, { op: 'still-present', connection: this.handle }, this.link.deadlines.quickMs)) as boolean;
    } catch {
      return false;
    }
  }

  disconnect(): void {
    this.link.send(this.generation, { op: 'disconnect', connection: this.handle });
  }
}

class WorkerSession implements PcscSession {
  constructor(
    private readonly link: WorkerLink,
    private readonly generation: number,
    private readonly handle: number,
  ) {}

  async listReaders(): Promise<ReaderSnapshot[]> {
    return (await this.link.call(this.generation, { op: 'list-readers', session: this.handle }, this.link.deadlines.quickMs)) as ReaderSnapshot[];
  }

  async waitForChange(readers: readonly ReaderSnapshot[], timeoutMs: number): Promise<void> {
    await this.link.call(this.generation, { op: 'wait-for-change', session: this.handle, readers: [...readers], timeoutMs }, timeoutMs + this.link.deadlines.marginMs);
  }

  async connect(reader: string, timeoutMs: number): Promise<CardConnection> {
    const value = (await this.link.call(this.generation, { op: 'connect', session: this.handle, reader, timeoutMs }, timeoutMs + this.link.deadlines.marginMs)) as { connection: number; atr: Uint8Array };
    return new WorkerConnection(this.link, this.generation, value.connection, value.atr);
  }

  close(): void {
    this.link.send(this.generation, { op: 'close', session: this.handle });
  }
}

export function workerPcscPort(workerFile: string, deadlines: Partial<WorkerDeadlines> = {}): PcscPort {
  const link = new WorkerLink(workerFile, { ...DEADLINES, ...deadlines });
  return {
    // Says where the binding really runs: after a fallback, status and the CAC report tell why.
    get binding() {
      return link.unusable ? `${smartcardPort.binding}, on the main thread (the worker thread could not start: ${link.unusableReason.slice(0, 200)})` : `${smartcardPort.binding}, in a worker thread`;
    },
    async open() {
      // A runtime that cannot start the worker (say, a packaging that hides its file) still works,
      // on this thread as before.
      if (link.unusable) return smartcardPort.open();
      try {
        const generation = await link.current();
        const handle = (await link.call(generation, { op: 'open' }, link.deadlines.quickMs)) as number;
        return new WorkerSession(link, generation, handle);
      } catch (error) {
        if (link.unusable) return smartcardPort.open();
        throw error;
      }
    },
  };
}

/**
 * The port the app and the CLI use: the worker when its bundle sits beside ours (dist/cli.js,
 * dist/main/index.js), else the binding on this thread (sources run by tests).
 */
export function defaultPcscPort(dir: string = __dirname): PcscPort {
  // Beside the bundle, or one level up when the bundler put this code into a chunk folder.
  const file = [join(dir, 'pcsc-worker.js'), join(dir, '..', 'pcsc-worker.js')].find((f) => existsSync(f));
  return file ? workerPcscPort(file) : smartcardPort;
}

/** One port for the whole process (checks, fixes, handlers share its worker). */
export const appPcscPort: PcscPort = defaultPcscPort();
