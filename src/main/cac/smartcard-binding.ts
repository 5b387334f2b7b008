// PcscPort over the `smartcard` npm package (N-API: one build serves Node and every Electron).
// The native module is loaded on first use so a machine without it gets a clear failure, not a
// crash at start-up. transmit/connect/waitForChange run on libuv threads inside the binding, but
// establish, list, status, disconnect and release are synchronous: the app therefore uses this
// port only inside the PC/SC worker thread (pcsc-worker.ts, pcsc-worker-port.ts).
import type * as Smartcard from 'smartcard';
import { toPcscError } from './pcsc-errors';
import { PCSC, PcscError, type CardConnection, type PcscPort, type PcscSession, type ReaderSnapshot } from './pcsc-port';
import { withDeadline } from '../engine/deadline';

type Binding = typeof Smartcard;
let loaded: Promise<Binding> | undefined;

function load(): Promise<Binding> {
  loaded ??= import('smartcard').then((m) => ((m as { default?: Binding }).default ?? m) as Binding);
  return loaded;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  const work = promise.catch((e: unknown) => {
    throw toPcscError(e);
  });
  return withDeadline(work, timeoutMs, () => {
    throw new PcscError(PCSC.TIMEOUT, `${what} took longer than ${timeoutMs} ms`);
  });
}

const hexOf = (b: Buffer | null | undefined): string | undefined => (b && b.length ? b.toString('hex').toUpperCase() : undefined);

class SmartcardConnection implements CardConnection {
  private pending: Promise<unknown> = Promise.resolve();
  private closed = false;
  constructor(
    private readonly card: Smartcard.CardInterface,
    readonly atr: Uint8Array,
    private readonly presentBit: number,
  ) {}

  async transmit(apdu: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    if (this.closed) throw new PcscError(PCSC.REMOVED, 'the card connection is closed');
    // maxRecvLength 258: short APDUs only (256 data + SW); longer objects come by 61xx chaining.
    const op = this.card.transmit(Buffer.from(apdu), { maxRecvLength: 258 });
    this.pending = op.catch(() => undefined);
    try {
      const res = await withTimeout(op, timeoutMs, 'the card');
      return new Uint8Array(res);
    } catch (error) {
      if (error instanceof PcscError && error.code === PCSC.TIMEOUT) this.disconnect();
      throw error;
    }
  }

  async stillPresent(): Promise<boolean> {
    try {
      const st = this.card.getStatus();
      return (st.state & this.presentBit) !== 0;
    } catch {
      return false;
    }
  }

  disconnect(): void {
    if (this.closed) return;
    this.closed = true;
    // Never disconnect under a transmit still running on a worker thread: wait for it to settle.
    void this.pending.then(() => {
      try {
        this.card.disconnect();
      } catch {
        // already gone with the card or the service
      }
    });
  }
}

class SmartcardSession implements PcscSession {
  private waiting: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly sc: Binding,
    private readonly ctx: Smartcard.ContextInterface,
  ) {}

  async listReaders(): Promise<ReaderSnapshot[]> {
    let readers: Smartcard.ReaderInterface[];
    try {
      readers = this.ctx.listReaders();
    } catch (error) {
      const e = toPcscError(error);
      if (e.code === PCSC.NO_READERS) return [];
      throw e;
    }
    return readers.map((r) => {
      const present = (r.state & this.sc.SCARD_STATE_PRESENT) !== 0;
      const atr = present ? hexOf(r.atr) : undefined;
      return { name: r.name, cardPresent: present, ...(atr ? { atr } : {}) };
    });
  }

  async waitForChange(readers: readonly ReaderSnapshot[], timeoutMs: number): Promise<void> {
    const states = readers.map((r) => ({ name: r.name, state: r.cardPresent ? this.sc.SCARD_STATE_PRESENT : this.sc.SCARD_STATE_EMPTY }));
    const op = this.ctx.waitForChange(states as unknown as Smartcard.ReaderState[], timeoutMs);
    this.waiting = op.catch(() => undefined);
    try {
      await withTimeout(op, timeoutMs + 2000, 'waiting for reader changes');
    } catch (error) {
      throw toPcscError(error);
    }
  }

  async connect(reader: string, timeoutMs: number): Promise<CardConnection> {
    const found = this.ctx.listReaders().find((r) => r.name === reader);
    if (!found) throw new PcscError(PCSC.UNKNOWN_READER, `reader "${reader}" is not attached`);
    const op = found.connect(this.sc.SCARD_SHARE_SHARED, this.sc.SCARD_PROTOCOL_T0 | this.sc.SCARD_PROTOCOL_T1);
    const card = await withTimeout(op, timeoutMs, 'connecting to the card');
    const atr = card.atr ?? found.atr ?? Buffer.alloc(0);
    return new SmartcardConnection(card, new Uint8Array(atr), this.sc.SCARD_STATE_PRESENT);
  }

  close(): void {
    try {
      this.ctx.cancel();
    } catch {
      // nothing pending
    }
    void this.waiting.then(() => {
      try {
        this.ctx.close();
      } catch {
        // the service is already gone
      }
    });
  }
}

export const smartcardPort: PcscPort = {
  binding: 'smartcard (N-API)',
  async open() {
    let sc: Binding;
    try {
      sc = await load();
    } catch (error) {
      loaded = undefined;
      throw new PcscError('binding-missing', `cannot load the smartcard module: ${(error as Error).message}`, { cause: error });
    }
    try {
      return new SmartcardSession(sc, new sc.Context());
    } catch (error) {
      throw toPcscError(error);
    }
  },
};
