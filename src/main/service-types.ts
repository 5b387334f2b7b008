// Types shared by the service and the per-domain handler factories.
import type { z } from 'zod';
import type { CallTable, EventName, EventPayload } from '../shared/contract';
import type { Runner } from './engine/runner';
import type { CheckDefinition, DomainModule, EngineContext } from './engine/types';

/** What only the host can do (Electron in the app, a recorder in the harness, nothing in the CLI). */
export interface HostPorts {
  openExternal(url: string): Promise<boolean>;
  /** Chromium's own proxy decision for a URL ("PROXY host:port; DIRECT"), in the app only. */
  resolveProxy?(url: string): Promise<string>;
  /** Ask where to save a file; undefined when cancelled. */
  chooseSavePath?(defaultName: string): Promise<string | undefined>;
  /** Ask for a file to open; undefined when cancelled. */
  chooseOpenPath?(title: string): Promise<string | undefined>;
}

export interface ServiceDeps {
  ctx: EngineContext;
  runner: Runner;
  domains: readonly DomainModule[];
  checks: readonly CheckDefinition[];
  host: HostPorts;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Registers what must stop when the service closes (app quit, CLI exit, harness close). */
  onClose(closer: () => Promise<void>): void;
}

export type HandlerTable<T extends CallTable> = {
  [K in keyof T]: (input: z.output<T[K]['input']>) => Promise<z.input<T[K]['output']>>;
};

export type HandlerFactory<T extends CallTable> = (deps: ServiceDeps) => HandlerTable<T>;
