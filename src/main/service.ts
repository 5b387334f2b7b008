// The one handler table. IPC (src/main/app/ipc.ts), the test harness (HTTP + SSE) and the CLI all
// call through `invoke`, which validates input before a handler runs and output after it returns,
// and turns every failure into a typed { ok: false, error } instead of a throw across the boundary.
import { EventEmitter } from 'node:events';
import { ZodError } from 'zod';
import {
  calls,
  events,
  isCallName,
  type CallName,
  type CallOutput,
  type CallResult,
  type Calls,
  type EventName,
  type EventPayload,
} from '../shared/contract';
import { createCoreHandlers } from './core-handlers';
import { ALL_DOMAINS } from './domains';
import { EngineError } from './engine/errors';
import { Runner, type RunnerEvent } from './engine/runner';
import { holdProbe } from './engine/test-hold';
import { fsSteps } from './engine/steps/fs-steps';
import type { EngineContext } from './engine/types';
import { createExplainHandlers } from './explain/handlers';
import { createTeamsHandlers } from './teams/handlers';
import { createCacHandlers } from './cac/handlers';
import { createClockHandlers } from './clock/handlers';
import { createNetworkHandlers } from './network/handlers';
import { createDeviceHandlers } from './device/handlers';
import { createReportHandlers } from './report/handlers';
import type { HandlerTable, HostPorts, ServiceDeps } from './service-types';

export type { HostPorts } from './service-types';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface Service {
  invoke<N extends CallName>(name: N | string, input: unknown): Promise<CallResult<CallOutput<N>>>;
  subscribe(listener: EventListener): () => void;
  runner: Runner;
  deps: ServiceDeps;
  close(): Promise<void>;
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
}

export function createService(ctx: EngineContext, host: HostPorts = NO_HOST, options: ServiceOptions = {}): Service {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    const parsed = events[name].safeParse(payload);
    if (parsed.success) emitter.emit('event', name, parsed.data);
  };
  const runner = new Runner({
    ctx,
    fixes: ALL_DOMAINS.flatMap((d) => d.fixes),
    steps: [...fsSteps, ...ALL_DOMAINS.flatMap((d) => d.steps)],
    onProgress: (p) => emit('fix-progress', p),
    probe: options.probe ?? holdProbe(ctx.env),
  });
  const closers: Array<() => Promise<void>> = [];
  const deps: ServiceDeps = { ctx, runner, domains: ALL_DOMAINS, checks: ALL_DOMAINS.flatMap((d) => d.checks), host, emit, onClose: (closer) => void closers.push(closer) };

  const handlers: HandlerTable<Calls> = {
    ...createCoreHandlers(deps),
    ...createExplainHandlers(deps),
    ...createTeamsHandlers(deps),
    ...createCacHandlers(deps),
    ...createClockHandlers(deps),
    ...createNetworkHandlers(deps),
    ...createDeviceHandlers(deps),
    ...createReportHandlers(deps),
  };
  async function invoke(name: string, input: unknown): Promise<CallResult<any>> { // eslint-disable-line @typescript-eslint/no-explicit-any -- narrowed by the caller's name
    if (!isCallName(name)) return { ok: false, error: { code: 'unknown-call', message: `unknown call ${String(name).slice(0, 80)}` } };
    const spec = calls[name];
    const parsedInput = spec.input.safeParse(input);
    if (!parsedInput.success) return { ok: false, error: { code: 'bad-input', message: describeZod(parsedInput.error) } };
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
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
    runner,
    deps,
    async close() {
      // Each closer once, even if close is called twice (quit and window-all-closed).
      await Promise.allSettled(closers.splice(0).map((c) => c()));
    },
  };
}
