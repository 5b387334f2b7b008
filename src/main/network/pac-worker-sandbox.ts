// One PAC file in QuickJS (quickjs-wasi, WebAssembly), with our built-in functions
// (pac-worker-functions.ts), a deadline on loading and on every FindProxyForURL call (QuickJS's
// interrupt handler), a hard memory maximum and a cap on the answer. pac-worker.ts runs this in a
// worker thread, which pac.ts terminates when a deadline passes anyway (a loop in native code
// never reaches the interrupt handler).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createPacResolver } from 'pac-resolver';
import { QuickJS } from 'quickjs-wasi';
import { pacFunctions } from './pac-worker-functions';

/** Why a PAC file could not be followed (the finding's detail says it in words). */
export type PacFailure = 'unreachable' | 'too-big' | 'compile' | 'throws' | 'timeout' | 'memory' | 'answer' | 'crashed';

export class PacError extends Error {
  override name = 'PacError';
  constructor(
    readonly reason: PacFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The sandbox's memory: QuickJS's heap, stack and the PAC's code all live in it. */
export const PAC_MEMORY_BYTES = 64 * 1024 * 1024;
/** "PROXY a:8080; PROXY b:8080; DIRECT" is short; anything longer than this is not an answer. */
export const MAX_PAC_ANSWER_CHARS = 16 * 1024;
const MAX_MESSAGE_CHARS = 300;

function readLeb(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = bytes[at++]!;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/**
 * The WebAssembly binary with its one memory given a maximum of `maxPages` (64 KiB each), so
 * memory.grow fails beyond it and QuickJS throws "out of memory". QuickJS's own memoryLimit is not
 * enforced by quickjs-wasi 2.2 (its allocation count stays 0; a PAC grew past 500 MB with a 32 MB
 * limit), and a worker's resourceLimits bound V8's heap only, not WebAssembly memory.
 */
export function withMemoryMaximum(wasm: Uint8Array, maxPages: number): Uint8Array<ArrayBuffer> {
  if (wasm.length < 8 || wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) throw new Error('not a WebAssembly module');
  const parts: Uint8Array[] = [wasm.subarray(0, 8)];
  let found = false;
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++]!;
    const [size, body] = readLeb(wasm, at);
    at = body + size;
    if (id !== 5) {
      parts.push(wasm.subarray(start, at));
      continue;
    }
    // Memory section: a vector of limits; QuickJS has exactly one memory, 32-bit, not shared.
    const [count, p] = readLeb(wasm, body);
    const flags = wasm[p]!;
    if (count !== 1 || (flags !== 0 && flags !== 1)) throw new Error(`unexpected WebAssembly memory section (count ${count}, flags ${flags})`);
    const [min, q] = readLeb(wasm, p + 1);
    const max = flags === 1 ? Math.min(readLeb(wasm, q)[0], maxPages) : maxPages;
    if (min > max) throw new Error(`the WebAssembly module needs ${min} pages, more than the ${max} allowed`);
    const limits = Uint8Array.from([1, 1, ...leb(min), ...leb(max)]);
    parts.push(Uint8Array.from([5, ...leb(limits.length)]), limits);
    found = true;
  }
  if (!found) throw new Error('the WebAssembly module declares no memory');
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
}

const compiled = new Map<number, Promise<WebAssembly.Module>>();

/** QuickJS with a memory maximum, compiled once per process (the worker gets the module). */
export function quickJsModule(memoryBytes = PAC_MEMORY_BYTES): Promise<WebAssembly.Module> {
  let module = compiled.get(memoryBytes);
  if (!module) {
    // quickjs-wasi's own loader reads the same file beside its dist/ folder.
    const file = join(dirname(createRequire(__filename).resolve('quickjs-wasi')), '..', 'quickjs.wasm');
    module = readFile(file).then((bytes) => WebAssembly.compile(withMemoryMaximum(bytes, Math.floor(memoryBytes / 65536))));
    module.catch(() => compiled.delete(memoryBytes));
    compiled.set(memoryBytes, module);
  }
  return module;
}

function text(error: unknown): string {
  const s = error instanceof Error ? `${error.message}` : String(error);
  return s.length > MAX_MESSAGE_CHARS ? `${s.slice(0, MAX_MESSAGE_CHARS)}…` : s;
}

const interrupted = (s: string) => /\binterrupted\b/i.test(s);

/** An error that came from running out of memory. When the sandbox is full, QuickJS cannot even
 * build the error object and throws "<null>": then the memory's size tells. */
function outOfMemory(s: string, qjs: QuickJS): boolean {
  if (/out of memory|wasm_malloc failed|Memory\.grow/i.test(s)) return true;
  // quickjs-wasi keeps its instance's exports private; read the memory's size when it is there.
  const memory = (qjs as unknown as { exports?: { memory?: unknown } }).exports?.memory;
  return memory instanceof WebAssembly.Memory && memory.buffer.byteLength >= PAC_MEMORY_BYTES * 0.9;
}

export interface PacSandbox {
  /** FindProxyForURL(url, host), stopped after `ms`; the answer trimmed. */
  find(url: string, ms: number): Promise<string>;
  dispose(): void;
}

/** Loads a PAC file. Throws PacError (compile, timeout, memory). */
export async function openPacSandbox(script: string, module: WebAssembly.Module, compileMs: number): Promise<PacSandbox> {
  let deadline = Date.now() + compileMs;
  // Called every few thousand bytecode instructions: reading the clock each time costs nothing.
  const qjs = await QuickJS.create({ wasm: module, interruptHandler: () => Date.now() > deadline });
  let find: ReturnType<typeof createPacResolver>;
  try {
    find = createPacResolver(qjs, script, { sandbox: pacFunctions() });
  } catch (error) {
    const s = text(error);
    const e = interrupted(s)
      ? new PacError('timeout', `the PAC file's top-level code ran longer than ${compileMs} ms and was stopped`)
      : outOfMemory(s, qjs)
        ? new PacError('memory', `the PAC file ran out of memory while loading (the sandbox has ${PAC_MEMORY_BYTES >> 20} MB)`)
        : new PacError('compile', `the PAC file does not compile: ${s}`);
    qjs.dispose();
    throw e;
  }
  deadline = Infinity;
  let disposed = false;
  return {
    async find(url, ms) {
      deadline = Date.now() + ms;
      let result: unknown;
      try {
        result = await find(url);
      } catch (error) {
        const s = text(error);
        if (interrupted(s)) throw new PacError('timeout', `FindProxyForURL ran longer than ${ms} ms and was stopped`);
        if (outOfMemory(s, qjs)) throw new PacError('memory', `FindProxyForURL ran out of memory (the sandbox has ${PAC_MEMORY_BYTES >> 20} MB)`);
        throw new PacError('throws', `FindProxyForURL failed: ${s}`);
      } finally {
        deadline = Infinity;
      }
      if (typeof result !== 'string') throw new PacError('answer', `FindProxyForURL did not return a string (${result === null ? 'null' : typeof result})`);
      if (result.length > MAX_PAC_ANSWER_CHARS) throw new PacError('answer', `FindProxyForURL returned ${result.length} characters, more than ${MAX_PAC_ANSWER_CHARS / 1024} KB`);
      return result.trim();
    },
    dispose() {
      if (!disposed) qjs.dispose();
      disposed = true;
    },
  };
}
