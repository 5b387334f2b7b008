// The one contract between the UI (IPC or the test harness) and the service: every call's input
// and output schema and every event's payload schema. Domains keep their parts in contract/.
import type { z } from 'zod';
import { coreCalls, coreEvents } from './contract/core';
import { explainCalls, explainEvents } from './contract/explain';
import { teamsCalls, teamsEvents } from './contract/teams';
import { cacCalls, cacEvents } from './contract/cac';
import { clockCalls, clockEvents } from './contract/clock';
import { networkCalls, networkEvents } from './contract/network';
import { deviceCalls, deviceEvents } from './contract/device';
import { reportCalls, reportEvents } from './contract/report';

export * from './contract/define';

export const calls = {
  ...coreCalls,
  ...explainCalls,
  ...teamsCalls,
  ...cacCalls,
  ...clockCalls,
  ...networkCalls,
  ...deviceCalls,
  ...reportCalls,
};

export const events = {
  ...coreEvents,
  ...explainEvents,
  ...teamsEvents,
  ...cacEvents,
  ...clockEvents,
  ...networkEvents,
  ...deviceEvents,
  ...reportEvents,
};

export type Calls = typeof calls;
export type CallName = keyof Calls & string;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type Events = typeof events;
export type EventName = keyof Events & string;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** What the preload exposes as `window.signinDoctor`. */
export interface SigninDoctorBridge {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<import('./contract/define').CallResult<CallOutput<N>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}
