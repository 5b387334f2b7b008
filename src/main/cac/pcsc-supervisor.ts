// Watches readers and cards through the port and turns state changes into events. When the
// service disappears (pcscd stopped, Windows stopping SCardSvr) it reports "service lost", then
// retries with backoff and reports "service back" with the readers it finds. Nothing here blocks:
// waiting happens in the binding's worker threads; every sleep can be cut short by stop(). A
// missing binding (PcscBindingMissing) is "unavailable" with the binding's own advice, not a
// service problem.
import type { CacEvent, PcscFailure, ReaderState } from '../../shared/contract/cac';
import { failureFromError } from './pcsc-errors';
import { isBindingMissing, type PcscPort, type PcscSession, type ReaderSnapshot } from './pcsc-port';

export type ServiceState = 'unknown' | 'running' | 'not-running' | 'unavailable';

export interface SupervisorOptions {
  now?: () => Date;
  /** Backoff between reconnect attempts, ms; the last value repeats. */
  backoffMs?: readonly number[];
  /** Longest single wait for a change (new readers are noticed at least this often). */
  waitMs?: number;
  /** Shortest gap between two reader scans (guards against a binding that returns at once). */
  minGapMs?: number;
}

export class PcscSupervisor {
  private running = false;
  private session: PcscSession | undefined;
  private readers = new Map<string, ReaderSnapshot>();
  private listeners = new Set<(e: CacEvent) => void>();
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  service: ServiceState = 'unknown';
  failure: PcscFailure | undefined;
  restarts = 0;
  private readonly now: () => Date;
  private readonly backoff: readonly number[];
  private readonly waitMs: number;
  private readonly minGapMs: number;

  constructor(
    private readonly port: PcscPort,
    options: SupervisorOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.backoff = options.backoffMs ?? [250, 500, 1000, 2000, 4000];
    this.waitMs = options.waitMs ?? 1000;
    this.minGapMs = options.minGapMs ?? 100;
  }

  get watching(): boolean {
    return this.running;
  }

  snapshot(): ReaderState[] {
    return [...this.readers.values()].map((r) => ({ name: r.name, cardPresent: r.cardPresent, ...(r.atr ? { atr: r.atr } : {}) }));
  }

  on(listener: (e: CacEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts watching; resolves once the first look at the service is done (up or down). */
  start(): Promise<void> {
    if (this.running) return Promise.resolve();
    this.running = true;
    let firstLook!: () => void;
    const ready = new Promise<void>((r) => (firstLook = r));
    this.loop = this.run(firstLook);
    return ready;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.session?.close();
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private emit(e: Omit<CacEvent, 'at'>): void {
    const event = { ...e, at: this.now().toISOString() };
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // a listener's failure must not stop the monitor
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private diff(next: ReaderSnapshot[]): void {
    const seen = new Set<string>();
    for (const r of next) {
      seen.add(r.name);
      const prev = this.readers.get(r.name);
      if (!prev) this.emit({ type: 'reader-attached', reader: r.name });
      if (r.cardPresent && !prev?.cardPresent) this.emit({ type: 'card-inserted', reader: r.name, ...(r.atr ? { atr: r.atr } : {}) });
      if (!r.cardPresent && prev?.cardPresent) this.emit({ type: 'card-removed', reader: r.name });
      this.readers.set(r.name, r);
    }
    for (const [name, prev] of this.readers) {
      if (seen.has(name)) continue;
      if (prev.cardPresent) this.emit({ type: 'card-removed', reader: name });
      this.readers.delete(name);
      this.emit({ type: 'reader-detached', reader: name });
    }
  }

  /** A broken session says "communication error"; a fresh open says why (no service...). */
  private async probe(error: unknown): Promise<unknown> {
    try {
      const s = await this.port.open();
      try {
        await s.listReaders();
      } catch (again) {
        return again;
      } finally {
        s.close();
      }
      return error;
    } catch (why) {
      return why;
    }
  }

  private async run(firstLook: () => void): Promise<void> {
    let attempt = 0;
    let first = true;
    while (this.running) {
      try {
        this.session = await this.port.open();
        const readers = await this.session.listReaders();
        const wasDown = this.service === 'not-running' || this.service === 'unavailable';
        this.service = 'running';
        this.failure = undefined;
        attempt = 0;
        if (first) {
          for (const r of readers) this.readers.set(r.name, r);
        } else {
          if (wasDown) {
            this.restarts++;
            this.emit({ type: 'service-back' });
          }
          this.diff(readers);
        }
        first = false;
        firstLook();
        while (this.running) {
          const started = Date.now();
          await this.session.waitForChange([...this.readers.values()], this.waitMs);
          if (!this.running) break;
          const gap = Date.now() - started;
          if (gap < this.minGapMs) await this.sleep(this.minGapMs - gap);
          this.diff(await this.session.listReaders());
        }
      } catch (error) {
        this.session?.close();
        this.session = undefined;
        if (!this.running) break;
        const why = await this.probe(error);
        const failure = isBindingMissing(why) ? why.toFailure() : failureFromError(why);
        const wasUp = this.service === 'running';
        this.service = isBindingMissing(why) ? 'unavailable' : 'not-running';
        this.failure = failure;
        if (wasUp) {
          this.readers.clear();
          this.emit({ type: 'service-lost', failure });
        }
        first = false;
        firstLook();
        await this.sleep(this.backoff[Math.min(attempt++, this.backoff.length - 1)]!);
      }
    }
    this.session?.close();
    this.session = undefined;
  }
}
