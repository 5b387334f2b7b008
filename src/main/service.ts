// The one way in. IPC (src/main/app/ipc.ts), the test harness (HTTP + SSE) and the CLI all
// call through `invoke`, which validates input before a handler runs and output after it returns,
// and turns every failure into a typed { ok: false, error } instead of a throw across the boundary.
import { EventEmitter } from 'node:events';
import { ZodError } from 'zod';
import {
  calls,
  events,
  isCallName,
  type CallInput,
  type CallName,
  type CallOutput,
  type CallResult,
  type EventName,
  type EventPayload,
} from '../shared/contract';
import { createCoreHandlers } from './core-handlers';
import { EngineError } from './common/errors';
import { DOMAIN_LIST, entryOf } from './domains';
import type { Runner, RunnerEvent } from './engine/runner';
import type { CheckDefinition, DomainDeps, DomainEntry, DomainModule, EngineContext } from './engine/types';
import type { Domain } from '../shared/model';
import type { HostPorts, ServiceDeps } from './service-types';

export type { HostPorts } from './service-types';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** What the CLI, IPC and the harness's routes use: calls and events, nothing of the engine. */
export interface Service {
  invoke<N extends CallName>(name: N | string, input: unknown): Promise<CallResult<CallOutput<N>>>;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

/** What the host that made the service also has: the app (prunes old backups at start), the
 * harness and tests. Never handed to a CLI command. */
export interface HostService extends Service {
  deps: DomainDeps;
  /** Loads every domain through the one list (the GUI needs them all) and gives the runner. */
  runner(): Promise<Runner>;
}

export const NO_HOST: HostPorts = { openExternal: async () => false };

function describeZod(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

export interface ServiceOptions {
  /** Tests only: sees every runner event (see engine/runner.ts); default: the SIGNIN_DOCTOR_TEST_HOLD_AT switch. */
  probe?: (event: RunnerEvent) => void | Promise<void>;
  /** Tests only: another list of domains (default: the one list, src/main/domains.ts). */
  domains?: readonly DomainEntry[];
}

type Handler = (input: unknown) => Promise<unknown>;

/**
 * Domains load on the first call that needs them: `<domain>.<verb>` loads that domain; the core
 * calls that work on every domain's fixes and steps (fix.*, history.*, journal.*, app.info) load
 * them all, once, and then build the one runner; diagnose.run loads the domains it checks.
 */
export function createService(ctx: EngineContext, host: HostPorts = NO_HOST, options: ServiceOptions = {}): HostService {
  const list = options.domains ?? DOMAIN_LIST;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    const parsed = events[name].safeParse(payload);
    if (parsed.success) emitter.emit('event', name, parsed.data);
  };
  const closers: Array<() => Promise<void>> = [];
  const loaded = new Map<Domain, Promise<{ module: DomainModule; handlers: Record<string, Handler> }>>();
  let runnerPromise: Promise<Runner> | undefined;

  function load(entry: DomainEntry) {
    let p = loaded.get(entry.domain);
    if (!p) {
      p = entry.load().then((module) => {
        if (module.domain !== entry.domain) throw new Error(`the module listed as ${entry.domain} is ${module.domain}`);
        return { module, handlers: module.handlers(deps) as Record<string, Handler> };
      });
      // A module that failed to load (a broken optional dependency) is tried again next time.
      p.catch(() => loaded.delete(entry.domain));
      loaded.set(entry.domain, p);
    }
    return p;
  }
  const loadSome = (domains?: readonly Domain[]) => Promise.all(list.filter((e) => !domains || domains.includes(e.domain)).map(load));

  async function checks(domains?: readonly Domain[]): Promise<CheckDefinition[]> {
    return (await loadSome(domains)).flatMap((l) => l.module.checks);
  }
  function runner(): Promise<Runner> {
    // The runner and the journal load with it: `explain` and `diagnose` never need them.
    runnerPromise ??= Promise.all([loadSome(), import('./engine/runner'), import('./engine/steps/fs-steps'), import('./engine/test-hold')]).then(
      ([all, { Runner }, { fsSteps }, { holdProbe }]) =>
        new Runner({
          ctx,
          fixes: all.flatMap((l) => l.module.fixes),
          steps: [...fsSteps, ...all.flatMap((l) => l.module.steps)],
          onProgress: (p) => emit('fix-progress', p),
          probe: options.probe ?? holdProbe(ctx.env),
        }),
    );
    runnerPromise.catch(() => (runnerPromise = undefined));
    return runnerPromise;
  }
  async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const result = await invoke(name, input);
    if (!result.ok) throw new EngineError(result.error.code, result.error.message);
    return result.value as CallOutput<N>;
  }

  const deps: ServiceDeps = {
    ctx,
    host,
    domains: list.map((e) => e.domain),
    checks,
    call,
    emit,
    onClose: (closer) => void closers.push(closer),
    runner,
  };
  const core = createCoreHandlers(deps) as Record<string, Handler>;

  async function handlerOf(name: CallName): Promise<Handler | undefined> {
    const entry = entryOf(name, list);
    if (!entry) return Object.prototype.hasOwnProperty.call(core, name) ? core[name] : undefined;
    return (await load(entry)).handlers[name];
  }

  async function invoke(name: string, input: unknown): Promise<CallResult<any>> { // eslint-disable-line @typescript-eslint/no-explicit-any -- narrowed by the caller's name
    if (!isCallName(name)) return { ok: false, error: { code: 'unknown-call', message: `unknown call ${String(name).slice(0, 80)}` } };
    const spec = calls[name];
    const parsedInput = spec.input.safeParse(input);
    if (!parsedInput.success) return { ok: false, error: { code: 'bad-input', message: describeZod(parsedInput.error) } };
    try {
      const handler = await handlerOf(name);
      if (!handler) return { ok: false, error: { code: 'internal', message: `no handler for ${name}` } };
      const output = await handler(parsedInput.data);
      const parsedOutput = spec.output.safeParse(output);
      if (!parsedOutput.success) {
        return { ok: false, error: { code: 'internal', message: `${name} produced an invalid result: ${describeZod(parsedOutput.error)}` } };
      }
      return { ok: true, value: parsedOutput.data };
    } catch (error) {
      if (error instanceof EngineError) return { ok: false, error: { code: error.code, message: error.message } };
      if (error instanceof ZodError) return { ok: false, error: { code: 'bad-input', message: describeZod(error) } };
      return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  return {
    invoke: invoke as Service['invoke'],
    subscribe(listener) {
      const wrapped = (name: EventName, payload: unknown) => (listener as (n: string, p: unknown) => void)(name, payload);
      emitter.on('event', wrapped);
      return () => emitter.off('event', wrapped);
    },
    deps,
    runner,
    async close() {
      // Each closer once, even if close is called twice (quit and window-all-closed).
      await Promise.allSettled(closers.splice(0).map((c) => c()));
    },
  };
}
