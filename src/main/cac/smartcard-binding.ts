// PcscPort over the `smartcard` npm package (N-API: one build serves Node and every Electron).
// It is an OPTIONAL dependency: npm builds it with node-gyp when the machine has a C++ toolchain
// and the PC/SC headers, and skips it (the install still succeeds) when not. So the module is
// loaded at run time, on first use, from node_modules beside the code (never bundled, and never
// needed by the build or the type check), and its absence is a typed PcscBindingMissing with the
// way to get it on this OS, not a crash. transmit/connect/waitForChange run on libuv threads
// inside the binding, but establish, list, status, disconnect and release are synchronous: the
// app therefore uses this port only inside the PC/SC worker thread (pcsc-worker.ts).
import { createRequire } from 'node:module';
import { toPcscError } from './pcsc-errors';
import { PCSC, PcscBindingMissing, PcscError, type BindingMissingReason, type CardConnection, type PcscPort, type PcscSession, type ReaderSnapshot } from './pcsc-port';
import { withDeadline } from '../engine/deadline';

/** The package, as npm names it (package.json optionalDependencies). */
export const SMARTCARD_PACKAGE = 'smartcard';

// The part of the smartcard module this port uses (its own types are in the package, which may
// be absent; the real-stack tests exercise every member below).
interface ScCard {
  readonly atr: Buffer | null;
  transmit(command: Buffer, options?: { maxRecvLength?: number }): Promise<Buffer>;
  getStatus(): { state: number };
  disconnect(): void;
}
interface ScReader {
  readonly name: string;
  readonly state: number;
  readonly atr: Buffer | null;
  connect(shareMode: number, protocol: number): Promise<ScCard>;
}
interface ScContext {
  listReaders(): ScReader[];
  waitForChange(readers: Array<{ name: string; state: number }>, timeout: number): Promise<unknown>;
  cancel(): void;
  close(): void;
}
export interface SmartcardModule {
  Context: new () => ScContext;
  SCARD_STATE_PRESENT: number;
  SCARD_STATE_EMPTY: number;
  SCARD_SHARE_SHARED: number;
  SCARD_PROTOCOL_T0: number;
  SCARD_PROTOCOL_T1: number;
}

/** Returns the module or throws PcscBindingMissing. */
export type SmartcardLoader = () => SmartcardModule;

const INSTALLER = 'Installed from an installer or package? Reinstall Sign-in Doctor: every installer includes the binding';
const LINUX_LIBRARY = 'Install the PC/SC service and library: `sudo apt install pcscd libpcsclite1` (Fedora: `sudo dnf install pcsc-lite pcsc-lite-libs`)';
const TOOLCHAIN: Record<string, { install: string; short: string }> = {
  linux: {
    install: 'Install the PC/SC service, its headers and a C++ toolchain: `sudo apt install pcscd libpcsclite-dev build-essential python3` (Fedora: `sudo dnf install pcsc-lite pcsc-lite-devel gcc-c++ make python3`)',
    short: '`libpcsclite-dev build-essential python3`',
  },
  darwin: { install: 'Install Apple\'s command line developer tools: `xcode-select --install`', short: 'the Xcode command line tools' },
  win32: {
    install: 'Install Visual Studio Build Tools with the "Desktop development with C++" workload, and Python 3 (the Node.js installer\'s "Tools for Native Modules" option installs both)',
    short: 'Visual Studio Build Tools, "Desktop development with C++"',
  },
};
const OTHER_TOOLCHAIN = { install: 'Install a C++ toolchain, Python 3 and the PC/SC headers (pcsc-lite)', short: 'a C++ toolchain, Python 3 and the PC/SC headers' };

/**
 * How to get the binding on `platform` (the real OS: the build tools are this machine's).
 * `installed`: we run from a packaged app (app.asar), where npm is no answer.
 */
export function smartcardAdvice(reason: BindingMissingReason, platform: string, installed = false): string[] {
  const library = platform === 'linux' ? [LINUX_LIBRARY] : [];
  if (installed) return [...library, 'Reinstall Sign-in Doctor: every installer includes the binding'];
  const tools = TOOLCHAIN[platform] ?? OTHER_TOOLCHAIN;
  if (reason === 'not-installed') return [tools.install, 'Then run `npm install` again in the Sign-in Doctor folder: it builds the binding', INSTALLER];
  return [...library, `Rebuild the binding: \`npm rebuild ${SMARTCARD_PACKAGE}\` in the Sign-in Doctor folder (it needs ${tools.short})`, INSTALLER];
}

const CANNOT_RUN = 'The smart card (CAC) checks cannot run; everything else works.';
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();

/**
 * Loads the smartcard module as Node resolves it from `from` (default: this file, i.e. the
 * node_modules beside the app or the checkout). A package that cannot be found is
 * "not-installed"; one that is found but does not load (no .node file, a broken build, a missing
 * libpcsclite) is "cannot-load".
 */
export function loadSmartcard(from: string = __filename, platform: string = process.platform): SmartcardModule {
  const installed = /[\\/]app\.asar[\\/]/.test(from);
  const req = createRequire(from);
  let path: string;
  try {
    path = req.resolve(SMARTCARD_PACKAGE);
  } catch (error) {
    throw new PcscBindingMissing(
      'not-installed',
      installed
        ? `The PC/SC binding is not installed: this copy of Sign-in Doctor lacks its \`${SMARTCARD_PACKAGE}\` module. ${CANNOT_RUN}`
        : `The PC/SC binding is not installed: npm skips the optional \`${SMARTCARD_PACKAGE}\` package on a computer without C++ build tools or the PC/SC headers. ${CANNOT_RUN}`,
      smartcardAdvice('not-installed', platform, installed),
      { cause: error },
    );
  }
  let mod: Partial<SmartcardModule> & { default?: SmartcardModule };
  try {
    mod = req(path) as typeof mod;
  } catch (error) {
    throw new PcscBindingMissing(
      'cannot-load',
      `The PC/SC binding is installed but cannot be loaded (${firstLine(error)}). ${CANNOT_RUN}`,
      smartcardAdvice('cannot-load', platform, installed),
      { cause: error },
    );
  }
  const sc = (typeof mod.Context === 'function' ? mod : mod.default) as SmartcardModule | undefined;
  if (typeof sc?.Context !== 'function') {
    throw new PcscBindingMissing('cannot-load', `The PC/SC binding at ${path} has no Context class (not the expected \`${SMARTCARD_PACKAGE}\` package). ${CANNOT_RUN}`, smartcardAdvice('cannot-load', platform, installed));
  }
  return sc;
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
    private readonly card: ScCard,
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
    private readonly sc: SmartcardModule,
    private readonly ctx: ScContext,
  ) {}

  async listReaders(): Promise<ReaderSnapshot[]> {
    let readers: ScReader[];
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
    const op = this.ctx.waitForChange(states, timeoutMs);
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

/** The port over a loader: the real one reads node_modules; tests hand in one that finds nothing. */
export function smartcardPortWith(load: SmartcardLoader): PcscPort {
  return {
    binding: `${SMARTCARD_PACKAGE} (N-API)`,
    async open() {
      // Throws PcscBindingMissing as it is; Node caches a module that loaded, nothing else.
      const sc = load();
      try {
        return new SmartcardSession(sc, new sc.Context());
      } catch (error) {
        throw toPcscError(error);
      }
    },
  };
}

export const smartcardPort: PcscPort = smartcardPortWith(() => loadSmartcard());
