// Messages between pac.ts (our thread) and pac-worker.ts (the thread that runs one PAC file).
import type { PacFailure } from './pac-worker-sandbox';

export interface PacWorkerData {
  script: string;
  /** QuickJS compiled with a hard memory maximum (pac-worker-sandbox.ts quickJsModule). */
  module: WebAssembly.Module;
  compileMs: number;
}

/** One FindProxyForURL call; `ms` is the worker's own deadline for it. */
export interface PacWorkerRequest {
  id: number;
  url: string;
  ms: number;
}

export type PacWorkerMessage =
  /** The worker's code is loaded; the PAC text is touched only after this. */
  | { type: 'loaded' }
  | { type: 'ready' }
  | { type: 'failed'; reason: PacFailure; message: string }
  | { type: 'answer'; id: number; ok: true; value: string }
  | { type: 'answer'; id: number; ok: false; reason: PacFailure; message: string };
